import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  api,
  freshEnv,
  registerNewcomer,
  startCms,
  uploadDocument,
  type TestCms,
} from '../../cms/test/harness';
import { storedFilePath } from '../../plugins/sharing/server/src/vault/file-format';
import { doctor } from '../doctor.mjs';

type Result = { name: string; ok: boolean; detail: string };
const byName = (results: Result[]) => Object.fromEntries(results.map((r) => [r.name, r]));

describe('doctor and readiness', () => {
  let cms: TestCms | undefined;
  afterAll(() => cms?.stop());

  it('passes a working installation and says when the master key does not open the documents', async () => {
    const env = await freshEnv();
    cms = await startCms(env);
    expect((await api(cms, 'GET', '/api/sharing/ready')).body).toEqual({ status: 'ready' });
    const amal = await registerNewcomer(cms);
    await uploadDocument(cms, amal.jwt, Buffer.from('%PDF-1.7\n%%EOF\n'));

    const good = byName(await doctor({ envFile: env.MOBIO_ENV_FILE }));
    expect(
      Object.values(good).every((r) => r.ok),
      JSON.stringify(good),
    ).toBe(true);
    expect(good['master key'].detail).toBe('opens all 1 stored documents');

    const wrongKey = byName(
      await doctor({
        envFile: env.MOBIO_ENV_FILE,
        env: { ...process.env, DOCUMENTS_MASTER_KEY: randomBytes(32).toString('base64') },
      }),
    );
    expect(wrongKey['master key'].ok).toBe(false);
    expect(wrongKey['master key'].detail).toContain('DOCUMENTS_MASTER_KEY does not open');

    // A document store that cannot be written makes the CMS not ready (root ignores modes, so point it at a file).
    const file = join(mkdtempSync(join(tmpdir(), 'mobio-ready-')), 'not-a-folder');
    writeFileSync(file, '');
    (cms.strapi.config.get('mobio') as { uploads: { documentsDir: string } }).uploads.documentsDir =
      file;
    const notReady = await api(cms, 'GET', '/api/sharing/ready');
    expect(notReady.status).toBe(503);
    expect(notReady.body).toEqual({ status: 'not ready', failed: ['documents'] });
  });

  it('reports document rows whose files are missing or damaged, counted per account, without titles', async () => {
    // One Strapi per process at a time.
    await cms?.stop();
    const env = await freshEnv();
    const other = (cms = await startCms(env));
    const amal = await registerNewcomer(other);
    const reza = await registerNewcomer(other);
    const file = (size: number) =>
      Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(size, 'x'), Buffer.from('\n%%EOF\n')]);
    const keys: string[] = [];
    for (const [who, title] of [
      [amal, 'Geheimer Titel A'],
      [amal, 'Geheimer Titel B'],
      [reza, 'Geheimer Titel C'],
      [reza, 'Geheimer Titel D'],
    ] as const) {
      const res = await uploadDocument(other, who.jwt, file(100_000), {
        kind: 'certificate',
        title,
        fileName: 'geheim.pdf',
      });
      const row = await other.strapi.db
        .query('api::document.document')
        .findOne({ where: { documentId: res.body.data.documentId }, select: ['storageKey'] });
      keys.push(row.storageKey);
    }
    // Found as the doctor finds it: in the configured store, by its storage key.
    const pathOf = (key: string) => storedFilePath(env.DOCUMENTS_DIR, key);
    expect(byName(await doctor({ envFile: env.MOBIO_ENV_FILE })).documents).toMatchObject({
      ok: true,
      detail: 'all 4 stored documents are whole',
    });

    rmSync(pathOf(keys[0]));
    const damaged = readFileSync(pathOf(keys[2]));
    damaged[damaged.length - 100] ^= 1;
    writeFileSync(pathOf(keys[2]), damaged);
    const report = byName(await doctor({ envFile: env.MOBIO_ENV_FILE })).documents;
    expect(report.ok).toBe(false);
    expect(report.detail).toContain('2 of 4 stored documents cannot be read');
    expect(report.detail).toContain(`account ${amal.id}: 1 missing`);
    expect(report.detail).toContain(`account ${reza.id}: 1 damaged`);
    expect(report.detail).toContain(`files: ${keys[0]}, ${keys[2]}`);
    expect(report.detail).not.toContain('Geheim');
  });

  it('names a wrong configuration and an unreachable database', async () => {
    const badConfig = await doctor({
      env: { CMS_PORT: 'abc' },
      envFile: join(tmpdir(), 'no-such.env'),
    });
    expect(badConfig).toHaveLength(1);
    expect(badConfig[0].ok).toBe(false);
    expect(badConfig[0].detail).toContain('CMS_PORT: expected a port number');

    const env = await freshEnv();
    const closed = byName(
      await doctor({
        envFile: env.MOBIO_ENV_FILE,
        env: {
          ...env,
          DATABASE_CLIENT: 'postgres',
          DATABASE_HOST: '127.0.0.1',
          DATABASE_PORT: '1',
          DOCUMENTS_MASTER_KEY: randomBytes(32).toString('base64'),
          APP_KEYS: 'aaaaaaaaaaaaaaaa,bbbbbbbbbbbbbbbb',
          API_TOKEN_SALT: 'x'.repeat(32),
          ADMIN_JWT_SECRET: 'x'.repeat(32),
          TRANSFER_TOKEN_SALT: 'x'.repeat(32),
          JWT_SECRET: 'x'.repeat(32),
          ENCRYPTION_KEY: 'x'.repeat(32),
        },
      }),
    );
    expect(closed.configuration.ok).toBe(true);
    expect(closed.database.ok).toBe(false);
    expect(closed.database.detail).toMatch(/ECONNREFUSED/);
  });
});
