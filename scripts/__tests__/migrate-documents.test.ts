import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatOf } from '../../plugins/sharing/server/src/vault/file-format';
import { storedFiles } from '../../plugins/sharing/server/src/vault/migrate';
import { sealV1 } from '../../plugins/sharing/server/src/vault/__tests__/legacy';
import { killDelays, logKill } from '../../cms/test/kill-delays';
import { freshStore, headOf, newStoredPath, plaintextOf } from './helpers/documents';

const DOCTOR = resolve(__dirname, '../doctor.mjs');

/** `npm run doctor -- --migrate-documents` against a store of old-format files, killed in the middle and run again. */
describe('doctor --migrate-documents', () => {
  let env: Record<string, string>;
  let masterKey: Buffer;
  const plaintexts = new Map<string, Buffer>();
  const COUNT = 100;

  beforeAll(async () => {
    ({ env, masterKey } = await freshStore());
    for (let i = 0; i < COUNT; i++) {
      const path = newStoredPath(env.DOCUMENTS_DIR);
      const plaintext = randomBytes(100_000 + i);
      writeFileSync(path, sealV1(plaintext, masterKey), { mode: 0o600 });
      plaintexts.set(path, plaintext);
    }
  });
  afterAll(() => rmSync(env.MOBIO_TEST_DIR, { recursive: true, force: true }));

  const versions = () => [...plaintexts.keys()].map((path) => formatOf(headOf(path, 8)));

  async function expectAllReadable() {
    for (const [path, plaintext] of plaintexts)
      expect((await plaintextOf(path, masterKey)).equals(plaintext), path).toBe(true);
  }

  const childEnv = () => ({ ...process.env, ...env });

  it('leaves every file readable when killed in the middle, again and again, and finishes when run again', async () => {
    // Each round kills a run a few milliseconds after it rewrote a file, at a different point of the next one.
    const delays = killDelays([0, 3, 6, 9, 12, 15]);
    for (let round = 0; round < delays.length; round++) {
      const before = versions().filter((v) => v === 2).length;
      const child = spawn(process.execPath, [DOCTOR, '--migrate-documents'], {
        env: childEnv(),
        stdio: 'ignore',
      });
      const exited = new Promise((done) => child.once('exit', done));
      for (let i = 0; i < 3000 && versions().filter((v) => v === 2).length === before; i++)
        await new Promise((r) => setTimeout(r, 2));
      await new Promise((r) => setTimeout(r, delays[round]));
      child.kill('SIGKILL');
      await exited;
      const after = versions();
      const rewritten = after.filter((v) => v === 2).length;
      logKill(
        'migrate-documents',
        delays,
        round,
        `${rewritten} of ${after.length} files in format 2`,
      );
      expect(
        after.filter((v) => v === 2).length,
        'some files were rewritten before the kill',
      ).toBeGreaterThan(before);
      expect(
        after.filter((v) => v === 1).length,
        'the kill came before the end (raise COUNT if not)',
      ).toBeGreaterThan(0);
      expect(after.every((v) => v === 1 || v === 2)).toBe(true);
      await expectAllReadable();
    }

    const rerun = spawnSync(process.execPath, [DOCTOR, '--migrate-documents'], {
      env: childEnv(),
      encoding: 'utf8',
    });
    expect(rerun.status, rerun.stdout + rerun.stderr).toBe(0);
    expect(rerun.stdout).toMatch(/\d+ rewritten, [1-9]\d* already in format 2, 0 unreadable/);
    expect(versions().every((v) => v === 2)).toBe(true);
    await expectAllReadable();
    // No temporary file left behind, and the files stay owner-only.
    expect((await storedFiles(env.DOCUMENTS_DIR)).length).toBe(COUNT);
    const all = spawnSync('find', [env.DOCUMENTS_DIR, '-name', '*.part'], {
      encoding: 'utf8',
    }).stdout.trim();
    expect(all).toBe('');
    const modes = spawnSync('find', [env.DOCUMENTS_DIR, '-type', 'f', '!', '-perm', '600'], {
      encoding: 'utf8',
    }).stdout.trim();
    expect(modes).toBe('');
  }, 120_000);

  it('reports a damaged old file, leaves it as it is and exits 1', async () => {
    const path = newStoredPath(env.DOCUMENTS_DIR);
    const damaged = sealV1(randomBytes(100_000), masterKey);
    damaged[50_000] ^= 1;
    writeFileSync(path, damaged);
    const run = spawnSync(process.execPath, [DOCTOR, '--migrate-documents'], {
      env: childEnv(),
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain(`0 rewritten, ${COUNT} already in format 2, 1 unreadable`);
    expect(readFileSync(path).equals(damaged)).toBe(true);
  });
});
