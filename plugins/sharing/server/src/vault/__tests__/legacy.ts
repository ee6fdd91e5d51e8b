import { createCipheriv, randomBytes } from 'node:crypto';
import { MAGIC1 } from '../file-format';

/** A file in the old single-tag format (version 1), as the vault wrote it before the segments. */
export function sealV1(plaintext: Buffer, masterKey: Buffer): Buffer {
  const fileKey = randomBytes(32);
  const keyIv = randomBytes(12);
  const wrap = createCipheriv('aes-256-gcm', masterKey, keyIv);
  const wrapped = Buffer.concat([wrap.update(fileKey), wrap.final()]);
  const dataIv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', fileKey, dataIv);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([
    MAGIC1,
    keyIv,
    wrapped,
    wrap.getAuthTag(),
    dataIv,
    body,
    cipher.getAuthTag(),
  ]);
}
