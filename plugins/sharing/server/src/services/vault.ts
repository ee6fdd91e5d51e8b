import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, type FileHandle } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Transform, Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Core } from '@strapi/strapi';
import {
  STORAGE_KEY,
  UnreadableFileError,
  createSealer,
  storedFilePath,
} from '../vault/file-format';
import { openStoredFile, verifyStoredFile, type StoredFile } from '../vault/read-stream';
import { createMarkupScanner } from '../vault/markup-scanner';
import { ACCEPTED_TYPES, SNIFF_BYTES, sniffType, type AcceptedType } from '../vault/sniff-type';
import { pluginConfig } from '../config';

/**
 * The private document store: files outside any served folder, each encrypted with AES-256-GCM
 * under its own random key, which is itself encrypted (wrapped) with the deployment's master key
 * and kept in the file's header (../vault/file-format.ts). Without DOCUMENTS_MASTER_KEY no file
 * can be read back. Files are sealed in 64 KiB segments, each with its own tag, so a reader
 * releases only bytes it has checked (../vault/read-stream.ts).
 */

/** A checked, encrypted file in the store, as the upload and the import describe it. */
export interface StoredUpload {
  storageKey: string;
  type: AcceptedType;
  mime: string;
  extension: string;
  size: number;
}

export type VaultProblem =
  'tooLarge' | 'unsupportedType' | 'unsafeContent' | 'aborted' | 'storageFull';

/** Why an upload was refused; nothing of it is left on disk. */
export class VaultError extends Error {
  constructor(readonly problem: VaultProblem) {
    super(problem);
    this.name = 'VaultError';
  }
}

/** Checks the plaintext on its way through: size limit, type by the first bytes, no markup. */
function inspector(maxBytes: number, found: { type?: AcceptedType; size: number }) {
  let head = Buffer.alloc(0);
  const scanner = createMarkupScanner();
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      found.size += chunk.length;
      if (found.size > maxBytes) return done(new VaultError('tooLarge'));
      if (!found.type) {
        head = Buffer.concat([head, chunk]);
        if (head.length >= SNIFF_BYTES) {
          const type = sniffType(head);
          if (!type) return done(new VaultError('unsupportedType'));
          found.type = type;
        }
      }
      if (scanner.push(chunk)) return done(new VaultError('unsafeContent'));
      done(null, chunk);
    },
    flush(done) {
      if (!found.type) found.type = sniffType(head) ?? undefined;
      done(found.type ? null : new VaultError('unsupportedType'));
    },
  });
}

/**
 * A new file (mode 600) whose folder is created when the stream starts: the pipeline that writes
 * it is attached to its source at once, so an error the source raises meanwhile is the pipeline's.
 */
function newFile(path: string): Writable {
  let file: FileHandle | undefined;
  const settle = (promise: Promise<unknown>, done: (error?: Error | null) => void) =>
    void promise.then(() => done(), done);
  return new Writable({
    construct(done) {
      settle(
        mkdir(dirname(path), { recursive: true, mode: 0o700 })
          .then(() => open(path, 'w', 0o600))
          .then((handle) => (file = handle)),
        done,
      );
    },
    write(chunk: Buffer, _encoding, done) {
      settle(file!.write(chunk), done);
    },
    final(done) {
      const closing = file!.close();
      file = undefined;
      settle(closing, done);
    },
    destroy(error, done) {
      void (file ? file.close() : Promise.resolve()).then(
        () => done(error),
        () => done(error),
      );
    },
  });
}

const vault = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => pluginConfig(strapi);
  const masterKey = () => Buffer.from(config().secrets.documentsMasterKey, 'base64');
  // What reads may open: the current key, and during a key rotation the previous one too.
  const masterKeys = () => {
    const { documentsMasterKey, documentsPreviousMasterKey } = config().secrets;
    return [
      documentsMasterKey,
      ...(documentsPreviousMasterKey ? [documentsPreviousMasterKey] : []),
    ].map((key) => Buffer.from(key, 'base64'));
  };
  const pathOf = (storageKey: string) => storedFilePath(config().uploads.documentsDir, storageKey);
  // A storage key that is no UUID is a damaged row: unreadable, never a path outside the store.
  const storedPath = (storageKey: string) => {
    if (!STORAGE_KEY.test(storageKey))
      throw new UnreadableFileError('missing', 'invalid storage key');
    return pathOf(storageKey);
  };

  return {
    /**
     * Streams an upload through the checks and the cipher into the store. Only a complete, accepted
     * file is moved into place; any failure or disconnect removes the partial file.
     */
    async store(source: Readable): Promise<StoredUpload> {
      const { place, discard, ...stored } = await this.stage(source);
      try {
        await place();
      } catch (error) {
        await discard();
        throw error;
      }
      return stored;
    },

    /**
     * Like `store`, but the checked and encrypted file stays a `.part` file until `place()` moves
     * it into the store: an import places its files only after its rows have committed, and
     * `discard()` removes it otherwise (a killed process leaves only `.part` files, which
     * `sweepPartials` removes at the next start). The limit is UPLOAD_MAX_BYTES unless given.
     */
    async stage(
      source: Readable,
      maxBytes = config().uploads.maxBytes,
    ): Promise<StoredUpload & { place: () => Promise<void>; discard: () => Promise<void> }> {
      const storageKey = randomUUID();
      const path = pathOf(storageKey);
      const partial = `${path}.part`;
      const found: { type?: AcceptedType; size: number } = { size: 0 };
      try {
        // Attached before anything is awaited: an error of the source (a client gone, an archive
        // entry over its budget) always has the pipeline listening, never the process.
        await pipeline(
          source,
          inspector(maxBytes, found),
          createSealer(masterKey()),
          newFile(partial),
        );
        if (
          (source as { aborted?: boolean }).aborted ||
          (source as { complete?: boolean }).complete === false
        )
          throw new VaultError('aborted');
      } catch (error) {
        await rm(partial, { force: true });
        if (error instanceof VaultError) throw error;
        if (
          (error as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE' ||
          (error as NodeJS.ErrnoException).code === 'ECONNRESET'
        ) {
          throw new VaultError('aborted');
        }
        // A full disk (or quota) is the district's problem, not the person's: a clear answer, and
        // the partial file is gone, so the room it took is free for the next upload.
        if (
          (error as NodeJS.ErrnoException).code === 'ENOSPC' ||
          (error as NodeJS.ErrnoException).code === 'EDQUOT'
        ) {
          strapi.log.error(
            `[sharing] document store full: an upload was refused (${(error as NodeJS.ErrnoException).code})`,
          );
          throw new VaultError('storageFull');
        }
        throw error;
      }
      const type = found.type!;
      return {
        storageKey,
        type,
        ...ACCEPTED_TYPES[type],
        size: found.size,
        place: () => rename(partial, path),
        discard: () => rm(partial, { force: true }),
      };
    },

    /**
     * The plaintext of a stored file as a stream, and its size. Throws UnreadableFileError
     * (missing, damaged, wrongKey) when that shows before the first byte; a segment found damaged
     * later destroys the stream with that error, before any byte of the segment is released.
     */
    async open(storageKey: string): Promise<StoredFile> {
      return openStoredFile(storedPath(storageKey), masterKeys());
    },

    /** Reads a stored file through and checks every tag: its plaintext size, or UnreadableFileError. */
    async verify(storageKey: string): Promise<number> {
      return verifyStoredFile(storedPath(storageKey), masterKeys());
    },

    /**
     * Removes the `.part` files a killed process left behind (an upload or a migration cut off
     * before its rename); called once at start, before any upload can begin. Assumes one CMS
     * process per document folder, as MoBio runs. Returns how many were removed.
     */
    async sweepPartials(): Promise<number> {
      const dir = config().uploads.documentsDir;
      const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(
        (error: NodeJS.ErrnoException) => {
          if (error.code === 'ENOENT') return [];
          throw error;
        },
      );
      const partials = entries.filter((entry) => entry.isFile() && entry.name.endsWith('.part'));
      for (const entry of partials) await rm(join(entry.parentPath, entry.name), { force: true });
      if (partials.length > 0)
        strapi.log.warn(
          `[sharing] removed ${partials.length} partial file(s) left in the document store by an interrupted upload or migration`,
        );
      return partials.length;
    },

    /** Removes a stored file; a missing file is not an error. */
    async remove(storageKey: string | null | undefined): Promise<void> {
      if (storageKey) await rm(pathOf(storageKey), { force: true });
    },
  };
};

export type VaultService = ReturnType<typeof vault>;
export default vault;
