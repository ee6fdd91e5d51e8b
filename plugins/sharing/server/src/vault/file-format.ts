import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Transform } from 'node:stream';

/**
 * The vault's file layouts. Both carry the file's own AES-256 key, wrapped (AES-256-GCM) with the
 * deployment's master key, so a file holds everything but the master key. Shared by the vault,
 * the migration and `doctor`.
 *
 * Version 2 (written today), authenticated in segments after the STREAM construction of
 * Hoang–Reyhanitabar–Rogaway–Vizár as age and Tink's streaming AEAD use it:
 *   MAGIC2 | key IV (12) | wrapped file key (32) | key tag (16) | nonce prefix (7) | segment…
 * Each segment is 64 KiB of plaintext (the last one 1 byte to 64 KiB; 0 only for an empty file)
 * sealed with AES-256-GCM under the file key: ciphertext | tag (16). Its nonce is
 * nonce prefix (7) | segment number (4, big endian) | 1 for the last segment, else 0 (1), and
 * MAGIC2 | nonce prefix is its additional data. The wrapped key is deliberately not part of it: a
 * new master key can then re-wrap the file key by rewriting the header alone (a wrapped key
 * swapped in from another file unwraps to another file key, which fails every tag anyway). A reader checks each segment's tag before it releases a byte of
 * it; a segment moved, dropped, repeated or taken from another file, a missing tail (the segment
 * then read as last was not sealed as last) and appended bytes (the real last segment is read as
 * not last) all fail a tag.
 *
 * Version 1 (read only; `npm run doctor -- --migrate-documents` rewrites it as version 2):
 *   MAGIC1 | key IV (12) | wrapped file key (32) | key tag (16) | data IV (12) | ciphertext | tag (16)
 * with one tag for the whole file, which can only be checked after the last byte.
 */
/** A storage key: a random UUID, which is also the file's name. */
export const STORAGE_KEY = /^[0-9a-f-]{36}$/;

/**
 * Where the file of `storageKey` lies in the store `documentsDir` (under the key's first two
 * characters). Any other key throws: it could name a path outside the store.
 */
export function storedFilePath(documentsDir: string, storageKey: string): string {
  if (!STORAGE_KEY.test(storageKey)) throw new Error('invalid storage key');
  return join(documentsDir, storageKey.slice(0, 2), storageKey);
}

export const MAGIC1 = Buffer.from('MOBIO1\n');
export const MAGIC2 = Buffer.from('MOBIO2\n');
export const TAG = 16;
export const SEGMENT = 64 * 1024;
export const SEALED_SEGMENT = SEGMENT + TAG;
const NONCE_PREFIX = 7;
const KEY_PART = 12 + 32 + 16;
/** Header length per format version. */
export const HEADER_LENGTH = {
  1: MAGIC1.length + KEY_PART + 12,
  2: MAGIC2.length + KEY_PART + NONCE_PREFIX,
} as const;
/** Enough bytes to read the header of any version. */
export const HEADER_MAX = Math.max(HEADER_LENGTH[1], HEADER_LENGTH[2]);
/** Version 1's header length, kept for older callers. */
export const HEADER = HEADER_LENGTH[1];

export type FormatVersion = 1 | 2;

/** Why a stored file cannot be read: it is not there, its bytes were changed or cut, or the master key does not open it. */
export type UnreadableReason = 'missing' | 'damaged' | 'wrongKey';

/** A stored file that cannot be given out; nothing of it has been released when this is thrown before the first byte. */
export class UnreadableFileError extends Error {
  constructor(
    readonly reason: UnreadableReason,
    detail?: string,
  ) {
    super(detail ? `${reason}: ${detail}` : reason);
    this.name = 'UnreadableFileError';
  }
}

/** The format version a file starts with, or null when it is no vault file. */
export function formatOf(head: Buffer): FormatVersion | null {
  if (head.subarray(0, MAGIC2.length).equals(MAGIC2)) return 2;
  if (head.subarray(0, MAGIC1.length).equals(MAGIC1)) return 1;
  return null;
}

/** A fresh file key and the version 2 header that carries it, wrapped with the master key. */
export function newFileKey(masterKey: Buffer): {
  fileKey: Buffer;
  noncePrefix: Buffer;
  header: Buffer;
} {
  const fileKey = randomBytes(32);
  const keyIv = randomBytes(12);
  const wrap = createCipheriv('aes-256-gcm', masterKey, keyIv);
  // The magic is authenticated with the key: relabelling a file as another version fails the unwrap.
  wrap.setAAD(MAGIC2);
  const wrappedKey = Buffer.concat([wrap.update(fileKey), wrap.final()]);
  const noncePrefix = randomBytes(NONCE_PREFIX);
  return {
    fileKey,
    noncePrefix,
    header: Buffer.concat([MAGIC2, keyIv, wrappedKey, wrap.getAuthTag(), noncePrefix]),
  };
}

/**
 * The master keys a file may be wrapped with, the current one first. During a key rotation
 * (DOCUMENTS_MASTER_KEY_PREVIOUS) the previous one follows, so every file stays readable until
 * `npm run doctor -- --rotate-master-key` has re-wrapped it.
 */
export type MasterKeys = Buffer | readonly Buffer[];

export interface FileKey {
  version: FormatVersion;
  /** Which of the master keys opened it: 0 the current one, 1 the previous one. */
  keyIndex: number;
  headerLength: number;
  header: Buffer;
  fileKey: Buffer;
  /** Version 1: the IV of the single GCM run; version 2: the segments' nonce prefix. */
  iv: Buffer;
}

/**
 * The file key from a header of either version. Throws UnreadableFileError: 'damaged' when the
 * header is not a vault header, 'wrongKey' when the master key does not unwrap the file key
 * (a wrong key, or a damaged header: GCM cannot tell the two apart). With several master keys,
 * each is tried in order.
 */
export function unwrapFileKey(head: Buffer, masterKeys: MasterKeys): FileKey {
  const version = formatOf(head);
  if (!version || head.length < HEADER_LENGTH[version])
    throw new UnreadableFileError('damaged', 'not a MoBio vault file');
  const headerLength = HEADER_LENGTH[version];
  let at = MAGIC1.length;
  const take = (length: number) => head.subarray(at, (at += length));
  const keyIv = take(12);
  const wrappedKey = take(32);
  const keyTag = take(16);
  const iv = take(version === 1 ? 12 : NONCE_PREFIX);
  const keys = Buffer.isBuffer(masterKeys) ? [masterKeys] : masterKeys;
  for (const [keyIndex, masterKey] of keys.entries()) {
    try {
      const unwrap = createDecipheriv('aes-256-gcm', masterKey, keyIv);
      if (version === 2) unwrap.setAAD(MAGIC2);
      unwrap.setAuthTag(keyTag);
      const fileKey = Buffer.concat([unwrap.update(wrappedKey), unwrap.final()]);
      return {
        version,
        keyIndex,
        headerLength,
        header: Buffer.from(head.subarray(0, headerLength)),
        fileKey,
        iv: Buffer.from(iv),
      };
    } catch {
      // the next key, if any
    }
  }
  throw new UnreadableFileError('wrongKey', 'the master key does not open the file key');
}

/**
 * A version 2 header with the same file key wrapped under another master key, same length, for
 * key rotation: the segments stay as they are, since the wrapped key is not part of what they
 * authenticate. Throws UnreadableFileError as unwrapFileKey does.
 */
export function rewrapHeader(head: Buffer, oldMasterKey: Buffer, newMasterKey: Buffer): Buffer {
  const key = unwrapFileKey(head, oldMasterKey);
  if (key.version !== 2)
    throw new UnreadableFileError('damaged', 'only format 2 headers can be re-wrapped');
  const keyIv = randomBytes(12);
  const wrap = createCipheriv('aes-256-gcm', newMasterKey, keyIv);
  wrap.setAAD(MAGIC2);
  const wrappedKey = Buffer.concat([wrap.update(key.fileKey), wrap.final()]);
  return Buffer.concat([MAGIC2, keyIv, wrappedKey, wrap.getAuthTag(), key.iv]);
}

function segmentNonce(noncePrefix: Buffer, index: number, last: boolean): Buffer {
  if (index > 0xffffffff) throw new Error('file too large for the segment counter');
  const nonce = Buffer.alloc(12);
  noncePrefix.copy(nonce, 0);
  nonce.writeUInt32BE(index, NONCE_PREFIX);
  nonce[11] = last ? 1 : 0;
  return nonce;
}

/** What every segment authenticates besides itself: the format and the file's nonce prefix. */
const segmentAad = (noncePrefix: Buffer) => Buffer.concat([MAGIC2, noncePrefix]);

/** Seals one segment: ciphertext | tag. */
export function sealSegment(
  key: { fileKey: Buffer; iv: Buffer },
  index: number,
  last: boolean,
  plaintext: Buffer,
): Buffer {
  const cipher = createCipheriv('aes-256-gcm', key.fileKey, segmentNonce(key.iv, index, last));
  cipher.setAAD(segmentAad(key.iv));
  return Buffer.concat([cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
}

/** Opens one sealed segment; throws UnreadableFileError('damaged') unless its tag checks out. */
export function openSegment(key: FileKey, index: number, last: boolean, sealed: Buffer): Buffer {
  if (sealed.length < TAG || sealed.length > SEALED_SEGMENT)
    throw new UnreadableFileError('damaged', `segment ${index} has a wrong length`);
  try {
    const decipher = createDecipheriv(
      'aes-256-gcm',
      key.fileKey,
      segmentNonce(key.iv, index, last),
    );
    decipher.setAAD(segmentAad(key.iv));
    decipher.setAuthTag(sealed.subarray(sealed.length - TAG));
    return Buffer.concat([
      decipher.update(sealed.subarray(0, sealed.length - TAG)),
      decipher.final(),
    ]);
  } catch {
    throw new UnreadableFileError('damaged', `segment ${index} does not authenticate`);
  }
}

/**
 * The layout of a version 2 file of the given size: how many segments and how much plaintext.
 * Throws 'damaged' for a size no writer produces (a cut inside a tag, a header alone).
 */
export function segmentLayout(fileSize: number): { segments: number; plaintextSize: number } {
  const body = fileSize - HEADER_LENGTH[2];
  if (body < TAG) throw new UnreadableFileError('damaged', 'file too short');
  const segments = Math.ceil(body / SEALED_SEGMENT);
  const lastLength = body - (segments - 1) * SEALED_SEGMENT;
  if (lastLength < TAG || (segments > 1 && lastLength === TAG))
    throw new UnreadableFileError('damaged', 'file cut inside a segment');
  return { segments, plaintextSize: body - segments * TAG };
}

/**
 * Encrypts a plaintext stream into version 2. One segment is held back until more data (or the
 * end) shows whether it is the last, so the last segment is never empty unless the file is.
 */
export function createSealer(masterKey: Buffer): Transform {
  const { fileKey, noncePrefix, header } = newFileKey(masterKey);
  const key = { fileKey, iv: noncePrefix };
  let pending: Buffer[] = [];
  let pendingLength = 0;
  let index = 0;
  let started = false;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (!started) {
        started = true;
        this.push(header);
      }
      pending.push(chunk);
      pendingLength += chunk.length;
      if (pendingLength > SEGMENT) {
        let buffered = Buffer.concat(pending);
        // Strictly more than a segment: the one sealed now is certainly not the last.
        while (buffered.length > SEGMENT) {
          this.push(sealSegment(key, index++, false, buffered.subarray(0, SEGMENT)));
          buffered = buffered.subarray(SEGMENT);
        }
        pending = [buffered];
        pendingLength = buffered.length;
      }
      done();
    },
    flush(done) {
      if (!started) this.push(header);
      try {
        done(null, sealSegment(key, index, true, Buffer.concat(pending)));
      } catch (error) {
        done(error as Error);
      }
    },
  });
}
