import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Config } from '@mobio/config';
import {
  freshEnv,
  registerNewcomer,
  startCms,
  uploadDocument,
  type TestCms,
} from '../../cms/test/harness';
import {
  HEADER_MAX,
  createSealer,
  unwrapFileKey,
} from '../../plugins/sharing/server/src/vault/file-format';
import { openStoredFile } from '../../plugins/sharing/server/src/vault/read-stream';
import { storedFiles } from '../../plugins/sharing/server/src/vault/migrate';
import { sealV1 } from '../../plugins/sharing/server/src/vault/__tests__/legacy';
import { killDelays, logKill } from '../../cms/test/kill-delays';
import { freshStore, headOf, newStoredPath, plaintextOf } from './helpers/documents';

const DOCTOR = resolve(__dirname, '../doctor.mjs');
const pdf = (size: number) =>
  Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size).map((b) => (b === 0x3c ? 0x3d : b))]);

/** Which key opens a stored file: 0 the new one, 1 the old one (throws if neither). */
function keyIndexOf(path: string, keys: Buffer[]): number {
  return unwrapFileKey(headOf(path, HEADER_MAX), keys).keyIndex;
}

/** `npm run doctor -- --rotate-master-key`: every file key re-wrapped with the new master key. */
describe('doctor --rotate-master-key', () => {
  let env: Record<string, string>;
  let oldKey: Buffer;
  const newKey = randomBytes(32);
  const plaintexts = new Map<string, Buffer>();
  const COUNT = 600;

  beforeAll(async () => {
    ({ env, masterKey: oldKey } = await freshStore());
    for (let i = 0; i < COUNT; i++) {
      const path = newStoredPath(env.DOCUMENTS_DIR);
      const plaintext = randomBytes(1000 + i * 100);
      // A few files still in the old single-tag format: rotated by rewriting them in format 2.
      if (i % 100 === 0) writeFileSync(path, sealV1(plaintext, oldKey), { mode: 0o600 });
      else
        await pipeline(
          Readable.from([plaintext]),
          createSealer(oldKey),
          createWriteStream(path, { mode: 0o600 }),
        );
      plaintexts.set(path, plaintext);
    }
  });
  afterAll(() => rmSync(env.MOBIO_TEST_DIR, { recursive: true, force: true }));

  const rotating = () => ({
    ...process.env,
    ...env,
    DOCUMENTS_MASTER_KEY: newKey.toString('base64'),
    DOCUMENTS_MASTER_KEY_PREVIOUS: oldKey.toString('base64'),
  });
  const onNewKey = () =>
    [...plaintexts.keys()].filter((path) => keyIndexOf(path, [newKey, oldKey]) === 0).length;

  it('refuses to start without the previous key, saying how', () => {
    const run = spawnSync(process.execPath, [DOCTOR, '--rotate-master-key'], {
      env: { ...process.env, ...env },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('DOCUMENTS_MASTER_KEY_PREVIOUS is not set');
  });

  it('leaves every file readable with one of the two keys when killed in the middle, again and again, and finishes when run again', async () => {
    const delays = killDelays([0, 3, 6, 9]);
    for (let round = 0; round < delays.length; round++) {
      const before = onNewKey();
      const child = spawn(process.execPath, [DOCTOR, '--rotate-master-key'], {
        env: rotating(),
        stdio: 'ignore',
      });
      const exited = new Promise((done) => child.once('exit', done));
      for (let i = 0; i < 3000 && onNewKey() === before; i++)
        await new Promise((r) => setTimeout(r, 2));
      await new Promise((r) => setTimeout(r, delays[round]));
      child.kill('SIGKILL');
      await exited;
      const after = onNewKey();
      logKill('rotate-master-key', delays, round, `${after} of ${COUNT} files on the new key`);
      expect(after, 'some files were re-wrapped before the kill').toBeGreaterThan(before);
      expect(after, 'the kill came before the end (raise COUNT if not)').toBeLessThan(COUNT);
      for (const [path, plaintext] of plaintexts)
        expect((await plaintextOf(path, [newKey, oldKey])).equals(plaintext), path).toBe(true);
    }

    const rerun = spawnSync(process.execPath, [DOCTOR, '--rotate-master-key'], {
      env: rotating(),
      encoding: 'utf8',
    });
    expect(rerun.status, rerun.stdout + rerun.stderr).toBe(0);
    expect(rerun.stdout).toMatch(
      /master key: [1-9]\d* re-wrapped, [1-9]\d* already on the new key, 0 unreadable/,
    );
    expect(rerun.stdout).toContain('remove DOCUMENTS_MASTER_KEY_PREVIOUS');
    // The new key alone opens everything; the old one nothing.
    for (const [path, plaintext] of plaintexts) {
      expect((await plaintextOf(path, newKey)).equals(plaintext), path).toBe(true);
      await expect(openStoredFile(path, oldKey)).rejects.toMatchObject({ reason: 'wrongKey' });
    }
    expect((await storedFiles(env.DOCUMENTS_DIR)).length).toBe(COUNT);
    expect(
      spawnSync('find', [env.DOCUMENTS_DIR, '-name', '*.part'], { encoding: 'utf8' }).stdout.trim(),
    ).toBe('');
    expect(
      spawnSync('find', [env.DOCUMENTS_DIR, '-type', 'f', '!', '-perm', '600'], {
        encoding: 'utf8',
      }).stdout.trim(),
    ).toBe('');
  }, 180_000);
});

describe('a CMS during a master key rotation', () => {
  let cms: TestCms | undefined;
  afterAll(async () => {
    await cms?.stop();
  });

  it('reads documents on the old key and the new one until the rotation is done, then with the new key alone', async () => {
    const env = await freshEnv();
    const newKey = randomBytes(32).toString('base64');
    const download = async (jwt: string, documentId: string) => {
      const response = await fetch(`${cms!.url}/api/sharing/documents/${documentId}/file`, {
        headers: { authorization: `Bearer ${jwt}` },
      });
      return { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
    };

    cms = await startCms(env);
    // The key the CMS runs with (the environment may hold one that .env does not).
    const oldKey = (cms.strapi.config.get('mobio') as Config).secrets.documentsMasterKey;
    const amal = await registerNewcomer(cms);
    const before = pdf(200_000);
    const a = await uploadDocument(cms, amal.jwt, before);
    expect(a.status).toBe(201);
    await cms.stop({ keep: true });

    // Step 1: the new key, the old one as previous; the CMS restarted. Old and new files are read.
    cms = await startCms({
      ...env,
      DOCUMENTS_MASTER_KEY: newKey,
      DOCUMENTS_MASTER_KEY_PREVIOUS: oldKey,
    });
    expect(await download(amal.jwt, a.body.data.documentId)).toEqual({ status: 200, body: before });
    const during = pdf(150_000);
    const b = await uploadDocument(cms, amal.jwt, during);
    expect(b.status).toBe(201);

    // Step 2: the rotation, while the CMS runs.
    const rotate = spawnSync(process.execPath, [DOCTOR, '--rotate-master-key'], {
      env: { ...process.env },
      encoding: 'utf8',
    });
    expect(rotate.status, rotate.stdout + rotate.stderr).toBe(0);
    expect(rotate.stdout).toContain(
      'master key: 1 re-wrapped, 1 already on the new key, 0 unreadable',
    );
    expect(await download(amal.jwt, a.body.data.documentId)).toEqual({ status: 200, body: before });
    await cms.stop({ keep: true });

    // Step 3: the old key removed; everything is read with the new one alone, and the doctor agrees.
    delete process.env.DOCUMENTS_MASTER_KEY_PREVIOUS;
    cms = await startCms({ ...env, DOCUMENTS_MASTER_KEY: newKey });
    expect(await download(amal.jwt, a.body.data.documentId)).toEqual({ status: 200, body: before });
    expect(await download(amal.jwt, b.body.data.documentId)).toEqual({ status: 200, body: during });
    const check = spawnSync(process.execPath, [DOCTOR], {
      env: { ...process.env },
      encoding: 'utf8',
    });
    expect(check.stdout).toMatch(/ok\s+master key\s+opens all 2 stored documents/);
  }, 240_000);
});
