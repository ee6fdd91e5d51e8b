#!/usr/bin/env node
// @ts-check
/**
 * `npm run doctor`: checks an installation before it starts — configuration, database
 * connectivity, the document store's folder and permissions, that DOCUMENTS_MASTER_KEY opens
 * the stored documents, and that every document row has a whole file (counts per account). Prints one line per check; exits 1 if any fails. Changes nothing
 * (it never generates secrets: a missing one is reported).
 *
 * `npm run doctor -- --migrate-documents` rewrites documents stored in the old single-tag format
 * (version 1) in the segmented format (version 2), one file at a time, each atomically; it can be
 * run while the CMS runs, stopped at any moment and run again to finish.
 *
 * `npm run doctor -- --rotate-master-key` re-wraps the file key of every document still on
 * DOCUMENTS_MASTER_KEY_PREVIOUS with DOCUMENTS_MASTER_KEY (docs/operating.md, "Rotating the
 * master key"); the same: while the CMS runs (it reads with both keys), stopped or killed at any
 * moment, run again to finish.
 */
import {
  accessSync,
  constants,
  existsSync,
  mkdtempSync,
  openSync,
  readSync,
  closeSync,
  readdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { ConfigError, REPO_ROOT, loadConfig } from '@mobio/config';

const require = createRequire(join(REPO_ROOT, 'cms', 'package.json'));

/** The master keys files may be wrapped with: the current one, then during a rotation the previous one. */
const masterKeysOf = (config) =>
  [config.secrets.documentsMasterKey, config.secrets.documentsPreviousMasterKey]
    .filter(Boolean)
    .map((key) => Buffer.from(key, 'base64'));

/**
 * Runs every check; returns `[{ name, ok, detail }]`.
 * @param {import('@mobio/config').LoadOptions} [options]
 * @returns {Promise<{ name: string, ok: boolean, detail: string }[]>}
 */
export async function doctor(options = {}) {
  const results = [];
  const check = async (name, fn) => {
    try {
      results.push({ name, ok: true, detail: (await fn()) ?? 'ok' });
    } catch (error) {
      results.push({
        name,
        ok: false,
        detail: error instanceof Error ? error.message : String(error),
      });
    }
  };

  let config;
  await check('configuration', () => {
    config = loadConfig(options);
    return `${config.env}, database ${config.database.client}`;
  });
  if (!config) return results;

  await check('database', async () => {
    const { database } = config;
    if (database.client === 'sqlite') {
      if (!existsSync(database.filename)) {
        accessSync(
          existsSync(dirname(database.filename)) ? dirname(database.filename) : REPO_ROOT,
          constants.W_OK,
        );
        return `${database.filename} does not exist yet (created at first start)`;
      }
      const Database = require('better-sqlite3');
      const db = new Database(database.filename, { fileMustExist: true });
      db.prepare('select 1').get();
      db.close();
      return database.filename;
    }
    const { Client } = require('pg');
    const client = new Client({
      host: database.host,
      port: database.port,
      user: database.user,
      password: database.password,
      database: database.database,
      ssl: database.ssl ? { rejectUnauthorized: true } : false,
      connectionTimeoutMillis: 5000,
    });
    await client.connect();
    await client.query('select 1');
    await client.end();
    return `${database.host}:${database.port}/${database.database}`;
  });

  await check('document store', () => {
    const dir = config.uploads.documentsDir;
    const publicDir = join(REPO_ROOT, 'cms', 'public');
    if (!relative(publicDir, dir).startsWith('..'))
      throw new Error(`DOCUMENTS_DIR ${dir} lies inside the publicly served ${publicDir}`);
    if (!existsSync(dir)) {
      accessSync(existsSync(dirname(dir)) ? dirname(dir) : REPO_ROOT, constants.W_OK);
      return `${dir} does not exist yet (created at the first upload)`;
    }
    const probe = mkdtempSync(join(dir, '.doctor-'));
    rmSync(probe, { recursive: true });
    const mode = statSync(dir).mode & 0o777;
    return `${dir} (writable${mode & 0o007 ? `, but readable by all users: chmod o-rwx ${dir}` : ''})`;
  });

  await check('master key', () => {
    const {
      unwrapFileKey,
      HEADER_MAX,
    } = require('@mobio/strapi-plugin-sharing/server/vault/file-format');
    const dir = config.uploads.documentsDir;
    const stored = existsSync(dir)
      ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter(
          (e) => e.isFile() && !e.name.startsWith('.') && !e.name.endsWith('.part'),
        )
      : [];
    if (stored.length === 0) return 'no document stored yet';
    const keys = masterKeysOf(config);
    let onPrevious = 0;
    // Every file is tried: one wrong key for a single file means a mixed-up store.
    for (const entry of stored) {
      const header = Buffer.alloc(HEADER_MAX);
      const fd = openSync(join(entry.parentPath, entry.name), 'r');
      const read = readSync(fd, header, 0, HEADER_MAX, 0);
      closeSync(fd);
      try {
        if (unwrapFileKey(header.subarray(0, read), keys).keyIndex > 0) onPrevious++;
      } catch {
        throw new Error(
          `${keys.length > 1 ? 'neither DOCUMENTS_MASTER_KEY nor DOCUMENTS_MASTER_KEY_PREVIOUS opens' : 'DOCUMENTS_MASTER_KEY does not open'} ${join(entry.parentPath, entry.name)}: wrong key, or the file is damaged`,
        );
      }
    }
    if (keys.length === 1) return `opens all ${stored.length} stored documents`;
    return onPrevious > 0
      ? `opens all ${stored.length} stored documents; ${onPrevious} still on DOCUMENTS_MASTER_KEY_PREVIOUS (npm run doctor -- --rotate-master-key)`
      : `opens all ${stored.length} stored documents, all with DOCUMENTS_MASTER_KEY: DOCUMENTS_MASTER_KEY_PREVIOUS can be removed`;
  });

  await check('documents', async () => {
    const rows = await documentRows(config);
    if (rows === null) return 'no database yet';
    const { verifyStoredFile } = require('@mobio/strapi-plugin-sharing/server/vault/read-stream');
    const {
      STORAGE_KEY,
      storedFilePath,
    } = require('@mobio/strapi-plugin-sharing/server/vault/file-format');
    const masterKey = masterKeysOf(config);
    // Per account, how many of its documents cannot be read and why; never a title or a file name.
    const problems = new Map();
    // Storage keys are random file names, no contents: they say which files to bring back from a backup.
    const unreadableKeys = [];
    for (const { storageKey, ownerId } of rows) {
      let reason = null;
      if (!STORAGE_KEY.test(storageKey)) reason = 'missing';
      else {
        try {
          await verifyStoredFile(
            storedFilePath(config.uploads.documentsDir, storageKey),
            masterKey,
          );
        } catch (error) {
          reason = /** @type {{ reason?: string } | undefined} */ (error)?.reason ?? 'unreadable';
        }
      }
      if (!reason) continue;
      unreadableKeys.push(storageKey);
      const counts = problems.get(ownerId) ?? {};
      counts[reason] = (counts[reason] ?? 0) + 1;
      problems.set(ownerId, counts);
    }
    if (problems.size === 0) return `all ${rows.length} stored documents are whole`;
    const bad = [...problems.values()].reduce(
      (sum, counts) => sum + Object.values(counts).reduce((a, b) => a + b, 0),
      0,
    );
    const lines = [...problems].map(
      ([owner, counts]) =>
        `account ${owner ?? '(none)'}: ${Object.entries(counts)
          .map(([reason, n]) => `${n} ${reason}`)
          .join(', ')}`,
    );
    throw new Error(
      `${bad} of ${rows.length} stored documents cannot be read (restore them from a backup, see docs/operating.md): ${lines.join('; ')}; files: ${unreadableKeys.join(', ')}`,
    );
  });
  return results;
}

/** Every document row with a stored file: its storage key and owner's account id; null when there is no database yet. */
async function documentRows(config) {
  const sql =
    'select d.storage_key as "storageKey", l.user_id as "ownerId" from documents d left join documents_owner_lnk l on l.document_id = d.id where d.storage_key is not null order by d.id';
  const { database } = config;
  if (database.client === 'sqlite') {
    if (!existsSync(database.filename)) return null;
    const Database = require('better-sqlite3');
    const db = new Database(database.filename, { readonly: true, fileMustExist: true });
    try {
      if (
        !db.prepare("select 1 from sqlite_master where type = 'table' and name = 'documents'").get()
      )
        return null;
      return db.prepare(sql).all();
    } finally {
      db.close();
    }
  }
  const { Client } = require('pg');
  const client = new Client({
    host: database.host,
    port: database.port,
    user: database.user,
    password: database.password,
    database: database.database,
    ssl: database.ssl ? { rejectUnauthorized: true } : false,
    connectionTimeoutMillis: 5000,
  });
  await client.connect();
  try {
    if ((await client.query("select to_regclass('documents') as t")).rows[0].t === null)
      return null;
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/**
 * Migrates every old-format document of the configured store; returns the report.
 * @param {import('@mobio/config').LoadOptions} [options]
 * @param {(line: string) => void} [log]
 */
export async function migrateDocuments(options = {}, log = () => {}) {
  const config = loadConfig(options);
  const {
    migrateDocuments: migrate,
  } = require('@mobio/strapi-plugin-sharing/server/vault/migrate');
  return migrate(config.uploads.documentsDir, masterKeysOf(config), (path, outcome) => {
    const name = relative(config.uploads.documentsDir, path);
    if (outcome instanceof Error) log(`FAIL  ${name}: ${outcome.message}`);
    else if (outcome === 'migrated') log(`ok    ${name} rewritten in format 2`);
  });
}

/**
 * Re-wraps every document still on DOCUMENTS_MASTER_KEY_PREVIOUS with DOCUMENTS_MASTER_KEY; returns the report.
 * @param {import('@mobio/config').LoadOptions} [options]
 * @param {(line: string) => void} [log]
 */
export async function rotateMasterKey(options = {}, log = () => {}) {
  const config = loadConfig(options);
  if (!config.secrets.documentsPreviousMasterKey) {
    throw new Error(
      'DOCUMENTS_MASTER_KEY_PREVIOUS is not set. To rotate: set DOCUMENTS_MASTER_KEY_PREVIOUS to the current key and DOCUMENTS_MASTER_KEY to a new one (openssl rand -base64 32), restart the CMS, then run this again (docs/operating.md, "Rotating the master key").',
    );
  }
  const { rotateDocuments } = require('@mobio/strapi-plugin-sharing/server/vault/migrate');
  return rotateDocuments(config.uploads.documentsDir, masterKeysOf(config), (path, outcome) => {
    const name = relative(config.uploads.documentsDir, path);
    if (outcome instanceof Error) log(`FAIL  ${name}: ${outcome.message}`);
    else if (outcome === 'rotated') log(`ok    ${name} re-wrapped with the new key`);
  });
}

if (
  import.meta.url === `file://${process.argv[1]}` &&
  process.argv.includes('--rotate-master-key')
) {
  try {
    const report = await rotateMasterKey({}, (line) => console.log(line));
    console.log(
      `[mobio] master key: ${report.rotated} re-wrapped, ${report.current} already on the new key, ${report.failed.length} unreadable (left as they are)`,
    );
    if (report.failed.length === 0)
      console.log(
        '[mobio] Every document is on DOCUMENTS_MASTER_KEY: remove DOCUMENTS_MASTER_KEY_PREVIOUS and restart the CMS.',
      );
    process.exit(report.failed.length ? 1 : 0);
  } catch (error) {
    console.error(`[mobio] ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
} else if (
  import.meta.url === `file://${process.argv[1]}` &&
  process.argv.includes('--migrate-documents')
) {
  try {
    const report = await migrateDocuments({}, (line) => console.log(line));
    console.log(
      `[mobio] documents: ${report.migrated} rewritten, ${report.current} already in format 2, ${report.failed.length} unreadable (left as they are)`,
    );
    process.exit(report.failed.length ? 1 : 0);
  } catch (error) {
    console.error(`[mobio] ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
} else if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await doctor();
  for (const { name, ok, detail } of results)
    console.log(`${ok ? 'ok  ' : 'FAIL'}  ${name.padEnd(15)} ${detail}`);
  const failed = results.some((r) => !r.ok) || results.length < 5;
  if (
    results[0] &&
    !results[0].ok &&
    results[0].detail.startsWith(new ConfigError([]).message.split('\n')[0])
  ) {
    console.log(
      '\nSet the variables above in the environment or in .env (see docs/configuration.md).',
    );
  }
  process.exit(failed ? 1 : 0);
}
