import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '@mobio/config';
import {
  api,
  freshEnv,
  registerNewcomer,
  startCms,
  uploadDocument,
  type TestCms,
} from '../../cms/test/harness';
import { backup, restore } from '../backup.mjs';

const require = createRequire(join(__dirname, '../../cms/package.json'));

/** Every row of every table, in a fixed order, straight from the database. */
async function dumpDatabase(config: Config): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  if (config.database.client === 'sqlite') {
    const Database = require('better-sqlite3');
    const db = new Database(config.database.filename, { readonly: true });
    for (const { name } of db
      .prepare("select name from sqlite_master where type = 'table' order by name")
      .all()) {
      out[name] = db.prepare(`select * from "${name}" order by 1`).all();
    }
    db.close();
    return out;
  }
  const { Client } = require('pg');
  const { host, port, user, password, database } = config.database;
  const client = new Client({ host, port, user, password, database });
  await client.connect();
  const tables = await client.query(
    "select table_name from information_schema.tables where table_schema = 'public' order by table_name",
  );
  for (const { table_name: name } of tables.rows)
    out[name] = (await client.query(`select * from "${name}" order by 1`)).rows;
  await client.end();
  return out;
}

function filesOf(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      out[join(entry.parentPath, entry.name).slice(dir.length)] = readFileSync(
        join(entry.parentPath, entry.name),
      ).toString('base64');
  }
  return out;
}

async function wipe(config: Config) {
  rmSync(config.uploads.documentsDir, { recursive: true, force: true });
  if (config.database.client === 'sqlite') {
    rmSync(config.database.filename, { force: true });
    return;
  }
  const { Client } = require('pg');
  const { host, port, user, password, database } = config.database;
  const client = new Client({ host, port, user, password, database: 'postgres' });
  await client.connect();
  await client.query(`DROP DATABASE ${database} WITH (FORCE)`);
  await client.query(`CREATE DATABASE ${database}`);
  await client.end();
}

describe('backup and restore', () => {
  let cms: TestCms | undefined;
  afterAll(() => cms?.stop());

  it('brings back every record and every file, byte for byte, after the installation was wiped', async () => {
    const env = await freshEnv();
    cms = await startCms(env);
    const amal = await registerNewcomer(cms);
    await api(cms, 'PUT', '/api/profiles/me', {
      token: amal.jwt,
      body: { data: { givenNames: 'أمل', familyName: 'حداد' } },
    });
    await api(cms, 'POST', '/api/language-skills', {
      token: amal.jwt,
      body: { data: { language: 'de', reading: 'B1' } },
    });
    const pdf = Buffer.from('%PDF-1.7\n% Zeugnis\n1 0 obj << >> endobj\n%%EOF\n');
    const uploaded = await uploadDocument(cms, amal.jwt, pdf, {
      kind: 'diploma',
      title: 'شهادة',
      fileName: 'zeugnis.pdf',
    });
    await cms.stop({ keep: true });
    cms = undefined;

    const config = loadConfig({ envFile: env.MOBIO_ENV_FILE });
    const database = await dumpDatabase(config);
    const documents = filesOf(config.uploads.documentsDir);
    expect(Object.keys(documents)).toHaveLength(1);

    const target = mkdtempSync(join(tmpdir(), 'mobio-backup-'));
    const manifest = await backup(config, target);
    expect(Object.keys(manifest.files).length).toBeGreaterThanOrEqual(2);

    await wipe(config);
    await restore(config, target);
    expect(await dumpDatabase(config)).toEqual(database);
    expect(filesOf(config.uploads.documentsDir)).toEqual(documents);

    // And the restored installation runs: the document decrypts with the same master key.
    cms = await startCms(env);
    const login = await api(cms, 'POST', '/api/auth/local', {
      body: { identifier: amal.email, password: 'Geheim123!' },
    });
    const file = await fetch(
      `${cms.url}/api/sharing/documents/${uploaded.body.data.documentId}/file`,
      { headers: { authorization: `Bearer ${login.body.jwt}` } },
    );
    expect(Buffer.from(await file.arrayBuffer()).equals(pdf)).toBe(true);
    // One Strapi per process at a time: stop before the next test boots its own.
    await cms.stop();
    cms = undefined;
  });

  it('refuses a damaged backup before touching anything', async () => {
    const env = await freshEnv();
    const running = await startCms(env);
    await running.stop({ keep: true });
    const config = loadConfig({ envFile: env.MOBIO_ENV_FILE });
    const target = mkdtempSync(join(tmpdir(), 'mobio-backup-'));
    await backup(config, target);
    const before = await dumpDatabase(config);
    const manifest = JSON.parse(readFileSync(join(target, 'manifest.json'), 'utf8'));
    manifest.files[Object.keys(manifest.files)[0]] = '0'.repeat(64);
    writeFileSync(join(target, 'manifest.json'), JSON.stringify(manifest));
    await expect(restore(config, target)).rejects.toThrow(/damaged/);
    expect(await dumpDatabase(config)).toEqual(before);
  });
});
