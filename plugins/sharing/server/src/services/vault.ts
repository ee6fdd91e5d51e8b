import { createCipheriv, createDecipheriv, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Core } from '@strapi/strapi';
import type { Config } from '@mobio/config';
import { HEADER, TAG, newFileKey, unwrapFileKey } from '../vault/file-format';
import { createMarkupScanner } from '../vault/markup-scanner';
import { ACCEPTED_TYPES, SNIFF_BYTES, sniffType, type AcceptedType } from '../vault/sniff-type';

/**
 * The private document store: files outside any served folder, each encrypted with AES-256-GCM
 * under its own random key, which is itself encrypted (wrapped) with the deployment's master key
 * and kept in the file's header (../vault/file-format.ts). Without DOCUMENTS_MASTER_KEY no file
 * can be read back.
 */

export type VaultProblem = 'tooLarge' | 'unsupportedType' | 'unsafeContent' | 'aborted';

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

function encryptor(masterKey: Buffer) {
  const { fileKey, dataIv, header } = newFileKey(masterKey);
  const cipher = createCipheriv('aes-256-gcm', fileKey, dataIv);
  let started = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (!started) {
        started = true;
        this.push(header);
      }
      done(null, cipher.update(chunk));
    },
    flush(done) {
      if (!started) this.push(header);
      this.push(cipher.final());
      done(null, cipher.getAuthTag());
    },
  });
}

const vault = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => strapi.config.get('mobio') as Config;
  const masterKey = () => Buffer.from(config().secrets.documentsMasterKey, 'base64');
  const pathOf = (storageKey: string) => {
    if (!/^[0-9a-f-]{36}$/.test(storageKey)) throw new Error('invalid storage key');
    return join(config().uploads.documentsDir, storageKey.slice(0, 2), storageKey);
  };

  return {
    /**
     * Streams an upload through the checks and the cipher into the store. Only a complete, accepted
     * file is moved into place; any failure or disconnect removes the partial file.
     */
    async store(source: Readable): Promise<{ storageKey: string; type: AcceptedType; mime: string; extension: string; size: number }> {
      const storageKey = randomUUID();
      const path = pathOf(storageKey);
      const partial = `${path}.part`;
      await mkdir(dirname(path), { recursive: true, mode: 0o700 });
      const found: { type?: AcceptedType; size: number } = { size: 0 };
      try {
        await pipeline(source, inspector(config().uploads.maxBytes, found), encryptor(masterKey()), createWriteStream(partial, { mode: 0o600 }));
        if ((source as { aborted?: boolean }).aborted || (source as { complete?: boolean }).complete === false) throw new VaultError('aborted');
        await rename(partial, path);
      } catch (error) {
        await rm(partial, { force: true });
        if (error instanceof VaultError) throw error;
        if ((error as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE' || (error as NodeJS.ErrnoException).code === 'ECONNRESET') {
          throw new VaultError('aborted');
        }
        throw error;
      }
      const type = found.type!;
      return { storageKey, type, ...ACCEPTED_TYPES[type], size: found.size };
    },

    /** The plaintext of a stored file as a stream, and its size; the tag is checked at the end. */
    async open(storageKey: string): Promise<{ stream: Readable; size: number }> {
      const path = pathOf(storageKey);
      const file = await open(path, 'r');
      try {
        const { size } = await file.stat();
        const header = Buffer.alloc(HEADER);
        const tag = Buffer.alloc(TAG);
        await file.read(header, 0, HEADER, 0);
        await file.read(tag, 0, TAG, size - TAG);
        const { fileKey, dataIv } = unwrapFileKey(header, masterKey());
        const decipher = createDecipheriv('aes-256-gcm', fileKey, dataIv);
        decipher.setAuthTag(tag);
        const plaintextSize = size - HEADER - TAG;
        // Empty files are refused at upload, so there is always at least one byte of ciphertext.
        const ciphertext = createReadStream(path, { start: HEADER, end: size - TAG - 1 });
        ciphertext.on('error', (error) => decipher.destroy(error));
        return { stream: ciphertext.pipe(decipher), size: plaintextSize };
      } finally {
        await file.close();
      }
    },

    /** Removes a stored file; a missing file is not an error. */
    async remove(storageKey: string | null | undefined): Promise<void> {
      if (storageKey) await rm(pathOf(storageKey), { force: true });
    },

    /** Where a file lives, for tests that look at the bytes on disk. */
    pathOf,
  };
};

export type VaultService = ReturnType<typeof vault>;
export default vault;
