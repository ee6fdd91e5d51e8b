import { createWriteStream } from 'node:fs';
import { open, readdir, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { HEADER_MAX, UnreadableFileError, createSealer, formatOf } from './file-format';
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

/** Rewrites one file as version 2 if it is version 1. Throws UnreadableFileError for a file it cannot read whole. */
export async function migrateFile(path: string, masterKey: Buffer): Promise<MigrationOutcome> {
  const head = Buffer.alloc(HEADER_MAX);
  const handle = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
    throw error.code === 'ENOENT' ? new UnreadableFileError('missing') : error;
  });
  try {
    await handle.read(head, 0, HEADER_MAX, 0);
  } finally {
    await handle.close();
  }
  const version = formatOf(head);
  if (version === 2) return 'current';
  if (version !== 1) throw new UnreadableFileError('damaged', 'not a MoBio vault file');
  const temporary = `${path}.part`;
  try {
    // openStoredFile checks the old file whole before its stream is handed out.
    const { stream } = await openStoredFile(path, masterKey);
    await pipeline(stream, createSealer(masterKey), createWriteStream(temporary, { mode: 0o600 }));
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

export interface MigrationReport {
  migrated: number;
  current: number;
  failed: Array<{ path: string; reason: string }>;
}

/** Every stored file of a document folder (two-letter subfolders, `.part` and dot files skipped). */
export async function storedFiles(documentsDir: string): Promise<string[]> {
  const entries = await readdir(documentsDir, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return entries
    .filter((entry) => entry.isFile() && !entry.name.startsWith('.') && !entry.name.endsWith('.part'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/**
 * Migrates every version 1 file of a document folder. Resumable: files already in version 2 are
 * skipped, so a killed run is finished by running it again. A file that cannot be read whole is
 * left as it is and reported.
 */
export async function migrateDocuments(documentsDir: string, masterKey: Buffer, onFile?: (path: string, outcome: MigrationOutcome | Error) => void): Promise<MigrationReport> {
  const report: MigrationReport = { migrated: 0, current: 0, failed: [] };
  for (const path of await storedFiles(documentsDir)) {
    try {
      const outcome = await migrateFile(path, masterKey);
      report[outcome]++;
      onFile?.(path, outcome);
    } catch (error) {
      report.failed.push({ path, reason: error instanceof UnreadableFileError ? error.reason : (error as Error).message });
      onFile?.(path, error as Error);
    }
  }
  return report;
}
