import { createWriteStream } from 'node:fs';
import { open, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import {
  HEADER_MAX,
  UnreadableFileError,
  createSealer,
  formatOf,
  rewrapHeader,
  unwrapFileKey,
  type MasterKeys,
} from './file-format';
import { openStoredFile } from './read-stream';

/**
 * Rewriting version 1 files (one tag per file) as version 2 (a tag per segment), in place under
 * the same name, so the database rows that point at them stay as they are. Atomic per file: the
 * new file is written beside the old one as `<name>.part`, synced, and renamed over it; a run
 * killed at any moment leaves each file either old and whole or new and whole, plus at most one
 * `.part` (skipped by readers, backups and this migration, and removed by the next run).
 */

export type MigrationOutcome = 'migrated' | 'current';

async function syncPath(path: string, flags: string) {
  const handle = await open(path, flags);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function readHead(path: string): Promise<Buffer> {
  const head = Buffer.alloc(HEADER_MAX);
  const handle = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'ENOENT' ? new UnreadableFileError('missing') : error;
  });
  try {
    const { bytesRead } = await handle.read(head, 0, HEADER_MAX, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

const firstKey = (keys: MasterKeys) => (Buffer.isBuffer(keys) ? keys : keys[0]!);

/**
 * Rewrites one file as version 2 if it is version 1, sealed with the first (current) master key.
 * Throws UnreadableFileError for a file it cannot read whole.
 */
export async function migrateFile(path: string, masterKey: MasterKeys): Promise<MigrationOutcome> {
  const head = await readHead(path);
  const version = formatOf(head);
  if (version === 2) return 'current';
  if (version !== 1) throw new UnreadableFileError('damaged', 'not a MoBio vault file');
  const temporary = `${path}.part`;
  try {
    // openStoredFile checks the old file whole before its stream is handed out.
    const { stream } = await openStoredFile(path, masterKey);
    await pipeline(
      stream,
      createSealer(firstKey(masterKey)),
      createWriteStream(temporary, { mode: 0o600 }),
    );
    await syncPath(temporary, 'r+');
    await rename(temporary, path);
    // The rename itself is durable only once the folder is synced.
    await syncPath(dirname(path), 'r');
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return 'migrated';
}

export type RotationOutcome = 'rotated' | 'current';

/**
 * Key rotation of one file: a file whose key the previous master key wraps gets its header
 * re-wrapped with the current one (`keys`: current first, then previous). Version 2 files are
 * changed in place by one write of the header (74 bytes at the start of the file, inside the first
 * disk block) and synced; the segments stay as they are, since the wrapped key is not part of what
 * they authenticate. A kill leaves the old header or the new one, each opened by one of the two
 * keys. Version 1 files are rewritten in format 2 under the current key (atomically, as migrateFile).
 */
export async function rotateFile(
  path: string,
  keys: readonly [Buffer, Buffer],
): Promise<RotationOutcome> {
  const head = await readHead(path);
  const key = unwrapFileKey(head, keys);
  if (key.keyIndex === 0) return 'current';
  if (key.version === 1) {
    await migrateFile(path, keys);
    return 'rotated';
  }
  const header = rewrapHeader(head, keys[1], keys[0]);
  const handle = await open(path, 'r+');
  try {
    await handle.write(header, 0, header.length, 0);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return 'rotated';
}

export interface RotationReport {
  rotated: number;
  current: number;
  failed: Array<{ path: string; reason: string }>;
}

/**
 * Re-wraps every file of a document folder still on the previous master key. Resumable: files
 * already on the current key are skipped. A file neither key opens is left as it is and reported.
 */
export async function rotateDocuments(
  documentsDir: string,
  keys: readonly [Buffer, Buffer],
  onFile?: (path: string, outcome: RotationOutcome | Error) => void,
): Promise<RotationReport> {
  return eachStoredFile(
    documentsDir,
    { rotated: 0, current: 0 },
    (path) => rotateFile(path, keys),
    onFile,
  );
}

export interface MigrationReport {
  migrated: number;
  current: number;
  failed: Array<{ path: string; reason: string }>;
}

/** Every stored file of a document folder (two-letter subfolders, `.part` and dot files skipped). */
export async function storedFiles(documentsDir: string): Promise<string[]> {
  const entries = await readdir(documentsDir, { recursive: true, withFileTypes: true }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    },
  );
  return entries
    .filter(
      (entry) => entry.isFile() && !entry.name.startsWith('.') && !entry.name.endsWith('.part'),
    )
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/**
 * Migrates every version 1 file of a document folder. Resumable: files already in version 2 are
 * skipped, so a killed run is finished by running it again. A file that cannot be read whole is
 * left as it is and reported.
 */
export async function migrateDocuments(
  documentsDir: string,
  masterKey: MasterKeys,
  onFile?: (path: string, outcome: MigrationOutcome | Error) => void,
): Promise<MigrationReport> {
  return eachStoredFile(
    documentsDir,
    { migrated: 0, current: 0 },
    (path) => migrateFile(path, masterKey),
    onFile,
  );
}

/**
 * Runs `step` on every stored file of a document folder and counts its outcomes. A file the step
 * cannot handle is left as it is and reported, and the walk goes on with the next one.
 */
async function eachStoredFile<O extends string>(
  documentsDir: string,
  counts: Record<O, number>,
  step: (path: string) => Promise<O>,
  onFile?: (path: string, outcome: O | Error) => void,
): Promise<Record<O, number> & { failed: Array<{ path: string; reason: string }> }> {
  const report = { ...counts, failed: [] as Array<{ path: string; reason: string }> };
  for (const path of await storedFiles(documentsDir)) {
    try {
      const outcome = await step(path);
      report[outcome]++;
      onFile?.(path, outcome);
    } catch (error) {
      report.failed.push({
        path,
        reason: error instanceof UnreadableFileError ? error.reason : (error as Error).message,
      });
      onFile?.(path, error as Error);
    }
  }
  return report;
}
