import { randomUUID } from 'node:crypto';
import { closeSync, mkdirSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { ensureSecrets } from '@mobio/config';
import { freshEnv } from '../../../cms/test/harness';
import type { MasterKeys } from '../../../plugins/sharing/server/src/vault/file-format';
import { openStoredFile } from '../../../plugins/sharing/server/src/vault/read-stream';

/**
 * A document store of its own for the doctor's commands, which read the configuration as
 * `npm run doctor` does: a fresh test environment with its secrets written, and the master key.
 */
export async function freshStore(): Promise<{ env: Record<string, string>; masterKey: Buffer }> {
  const env = await freshEnv();
  ensureSecrets(env.MOBIO_ENV_FILE, {});
  return {
    env,
    masterKey: Buffer.from(
      parseEnv(readFileSync(env.MOBIO_ENV_FILE, 'utf8')).DOCUMENTS_MASTER_KEY!,
      'base64',
    ),
  };
}

/** The path of a new stored file, in its folder under `documentsDir` (created) as the vault lays them out. */
export function newStoredPath(documentsDir: string): string {
  const key = randomUUID();
  mkdirSync(join(documentsDir, key.slice(0, 2)), { recursive: true, mode: 0o700 });
  return join(documentsDir, key.slice(0, 2), key);
}

/** The first `length` bytes of a file (fewer if it is shorter). */
export function headOf(path: string, length: number): Buffer {
  const head = Buffer.alloc(length);
  const fd = openSync(path, 'r');
  const read = readSync(fd, head, 0, length, 0);
  closeSync(fd);
  return head.subarray(0, read);
}

/** A stored file's plaintext, read through the vault with `keys`. */
export async function plaintextOf(path: string, keys: MasterKeys): Promise<Buffer> {
  const { stream } = await openStoredFile(path, keys);
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
