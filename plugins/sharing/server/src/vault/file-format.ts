import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * The vault's file layout: MAGIC | key IV (12) | wrapped file key (32) | key tag (16) | data IV (12)
 * | ciphertext | data tag (16). The file key is AES-256-GCM-wrapped with the deployment's master
 * key, so a file carries everything but the master key. Shared by the vault and `doctor`.
 */
export const MAGIC = Buffer.from('MOBIO1\n');
export const HEADER = MAGIC.length + 12 + 32 + 16 + 12;
export const TAG = 16;

/** A fresh file key and the header that carries it, wrapped with the master key. */
export function newFileKey(masterKey: Buffer): { fileKey: Buffer; dataIv: Buffer; header: Buffer } {
  const fileKey = randomBytes(32);
  const keyIv = randomBytes(12);
  const wrap = createCipheriv('aes-256-gcm', masterKey, keyIv);
  const wrappedKey = Buffer.concat([wrap.update(fileKey), wrap.final()]);
  const dataIv = randomBytes(12);
  return { fileKey, dataIv, header: Buffer.concat([MAGIC, keyIv, wrappedKey, wrap.getAuthTag(), dataIv]) };
}

/** The file key and data IV from a header; throws when the master key is not the one that wrapped it. */
export function unwrapFileKey(header: Buffer, masterKey: Buffer): { fileKey: Buffer; dataIv: Buffer } {
  if (header.length < HEADER || !header.subarray(0, MAGIC.length).equals(MAGIC)) throw new Error('not a MoBio vault file');
  let at = MAGIC.length;
  const take = (length: number) => header.subarray(at, (at += length));
  const keyIv = take(12);
  const wrappedKey = take(32);
  const keyTag = take(16);
  const dataIv = take(12);
  const unwrap = createDecipheriv('aes-256-gcm', masterKey, keyIv);
  unwrap.setAuthTag(keyTag);
  return { fileKey: Buffer.concat([unwrap.update(wrappedKey), unwrap.final()]), dataIv };
}
