#!/usr/bin/env node
// @ts-check
/**
 * Backup and restore of a MoBio installation: the database (SQLite online backup, or pg_dump in
 * custom format for PostgreSQL) and the encrypted document store, with a manifest of SHA-256
 * sums. The secrets in .env are NOT part of it: keep DOCUMENTS_MASTER_KEY apart from the backups
 * (a stolen backup then holds no readable document) — and safe (without it no document can be read).
 *
 *   node scripts/backup.mjs backup [folder]    (default: database/backups/<timestamp>)
 *   node scripts/backup.mjs restore <folder>   (stop the CMS first; replaces database and documents)
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { REPO_ROOT, loadConfig } from '@mobio/config';
import { configOrExit } from './config-or-exit.mjs';
import { privateDir, privateSqlite, privateTree } from './private-files.mjs';

const require = createRequire(join(REPO_ROOT, 'cms', 'package.json'));
const FORMAT = { name: 'mobio-backup', version: 1 };

function files(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !entry.name.endsWith('.part'))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

function run(command, args, env) {
  const result = spawnSync(command, args, {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, ...env },
  });
  if (result.error)
    throw new Error(`${command}: ${result.error.message} (install the PostgreSQL client tools)`);
  if (result.status !== 0) throw new Error(`${command} exited with ${result.status}`);
}

function pgEnv(database) {
  return {
    PGHOST: database.host,
    PGPORT: String(database.port),
    PGUSER: database.user,
    PGPASSWORD: database.password,
    PGDATABASE: database.database,
  };
}

/**
 * Writes a backup into `target` and returns its manifest.
 * @param {import('@mobio/config').Config} config
 * @param {string} target
 */
export async function backup(config, target) {
  // Owner-only from the first byte: the folder is 0700 before anything is written into it.
  privateDir(target);
  const { database, uploads } = config;
  if (database.client === 'sqlite') {
    const Database = require('better-sqlite3');
    const db = new Database(database.filename, { readonly: true, fileMustExist: true });
    // The online backup API gives a consistent copy even while the CMS writes.
    await db.backup(join(target, 'database.sqlite'));
    db.close();
  } else {
    // The whole database: it belongs to MoBio alone.
    run(
      'pg_dump',
      [
        '--format=custom',
        '--no-owner',
        '--no-privileges',
        `--file=${join(target, 'database.pgdump')}`,
      ],
      pgEnv(database),
    );
  }
  // A fresh installation has no document yet, and no folder for them.
  if (existsSync(uploads.documentsDir)) {
    cpSync(uploads.documentsDir, join(target, 'documents'), {
      recursive: true,
      filter: (source) => !source.endsWith('.part'),
    });
  }
  const manifest = {
    ...FORMAT,
    createdAt: new Date().toISOString(),
    database: database.client,
    files: Object.fromEntries(files(target).map((file) => [relative(target, file), sha256(file)])),
  };
  writeFileSync(join(target, 'manifest.json'), JSON.stringify(manifest, null, 2), { mode: 0o600 });
  // What this backup wrote, not whatever else the operator keeps in that folder.
  for (const name of ['database.sqlite', 'database.pgdump', 'documents', 'manifest.json'])
    privateTree(join(target, name));
  return manifest;
}

/**
 * Replaces the database and the document store with the backup in `source`, after checking its sums.
 * @param {import('@mobio/config').Config} config
 * @param {string} source
 */
export async function restore(config, source) {
  const manifest = JSON.parse(readFileSync(join(source, 'manifest.json'), 'utf8'));
  if (manifest.name !== FORMAT.name || manifest.version !== FORMAT.version)
    throw new Error(`${source} is not a MoBio backup of version ${FORMAT.version}`);
  for (const [file, sum] of Object.entries(manifest.files)) {
    if (sha256(join(source, file)) !== sum)
      throw new Error(`${file} does not match its checksum: the backup is damaged`);
  }
  const { database, uploads } = config;
  if (manifest.database !== database.client)
    throw new Error(
      `the backup is of ${manifest.database}, the configuration says ${database.client}`,
    );
  if (database.client === 'sqlite') {
    if (!existsSync(dirname(database.filename))) privateDir(dirname(database.filename));
    for (const suffix of ['', '-wal', '-shm', '-journal'])
      rmSync(database.filename + suffix, { force: true });
    cpSync(join(source, 'database.sqlite'), database.filename);
    privateSqlite(database.filename);
  } else {
    run(
      'pg_restore',
      [
        '--clean',
        '--if-exists',
        '--no-owner',
        '--no-privileges',
        `--dbname=${database.database}`,
        join(source, 'database.pgdump'),
      ],
      pgEnv(database),
    );
  }
  rmSync(uploads.documentsDir, { recursive: true, force: true });
  if (existsSync(join(source, 'documents')))
    cpSync(join(source, 'documents'), uploads.documentsDir, { recursive: true });
  else mkdirSync(uploads.documentsDir, { recursive: true });
  privateTree(uploads.documentsDir);
  return manifest;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [command, folder] = process.argv.slice(2);
  const config = configOrExit(() => loadConfig());
  try {
    if (command === 'backup') {
      if (!folder) privateDir(join(REPO_ROOT, 'database', 'backups'));
      const target = resolve(
        folder ??
          join(REPO_ROOT, 'database', 'backups', new Date().toISOString().replace(/[:.]/g, '-')),
      );
      const manifest = await backup(config, target);
      console.log(
        `[mobio] Backup written to ${target} (${Object.keys(manifest.files).length} files). Keep DOCUMENTS_MASTER_KEY safe and apart from it.`,
      );
    } else if (command === 'restore' && folder) {
      await restore(config, resolve(folder));
      console.log(
        `[mobio] Restored from ${resolve(folder)}. Start the CMS with the same DOCUMENTS_MASTER_KEY.`,
      );
    } else {
      console.error('usage: backup.mjs backup [folder] | restore <folder>');
      process.exit(2);
    }
  } catch (error) {
    console.error(`[mobio] ${error instanceof Error ? error.message : error}`);
    process.exit(1);
  }
}
