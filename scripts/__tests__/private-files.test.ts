import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureSecrets } from '@mobio/config';
import { ADDRESS_IN_USE, onFreePorts, stopped } from './helpers/ports';

/**
 * Backups, the SQLite database and the document store are owner-only (folders 0700, files 0600)
 * even when the shell or cron job that runs `npm run backup`, `npm run restore` or `npm start` has
 * the common umask 022. Every command runs as a real process under `umask 022`.
 */

const require = createRequire(join(__dirname, '../../cms/package.json'));
const SCRIPTS = resolve(__dirname, '..');
const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

/** Every folder and file under `root` with its mode, as `path: mode`. */
function modes(root: string): Record<string, string> {
  const out: Record<string, string> = { '.': mode(root) };
  for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    out[path.slice(root.length + 1)] = mode(path);
  }
  return out;
}
const expectOwnerOnly = (root: string) => {
  for (const [path, value] of Object.entries(modes(root))) {
    expect(value, path).toBe(statSync(join(root, path)).isDirectory() ? '700' : '600');
  }
};

describe('owner-only files whatever the umask', () => {
  let dir: string;
  let env: Record<string, string>;
  const umask022 = (script: string, args: string[]) =>
    spawnSync(
      'sh',
      ['-c', `umask 022; exec "${process.execPath}" "$@"`, 'sh', join(SCRIPTS, script), ...args],
      { env: { ...process.env, ...env }, encoding: 'utf8' },
    );

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'mobio-modes-'));
    env = {
      MOBIO_ENV_FILE: join(dir, '.env'),
      DATABASE_CLIENT: 'sqlite',
      DATABASE_FILENAME: join(dir, 'data', 'mobio.db'),
      DOCUMENTS_DIR: join(dir, 'documents'),
      NODE_ENV: 'development',
      STRAPI_TELEMETRY_DISABLED: 'true',
    };
    ensureSecrets(env.MOBIO_ENV_FILE, {});
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('npm start creates the SQLite folder 0700 and the database 0600, and Strapi’s journal files follow', async () => {
    const child = await onFreePorts(2, async ([cmsPort, sitePort]) => {
      const ports = {
        CMS_PORT: String(cmsPort),
        SITE_PORT: String(sitePort),
        CMS_PUBLIC_URL: `http://127.0.0.1:${cmsPort}`,
        SITE_PUBLIC_URL: `http://127.0.0.1:${sitePort}`,
      };
      const started = spawn(
        'sh',
        ['-c', `umask 022; exec "${process.execPath}" "$@"`, 'sh', join(SCRIPTS, 'start.mjs')],
        { env: { ...process.env, ...env, ...ports }, stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let output = '';
      started.stdout.on('data', (chunk) => (output += chunk));
      started.stderr.on('data', (chunk) => (output += chunk));
      let up = false;
      // Until the CMS is up, start.mjs stops or a child says its port was taken meanwhile.
      for (
        let i = 0;
        i < 600 && !up && started.exitCode === null && !ADDRESS_IN_USE.test(output);
        i++
      ) {
        up = await fetch(`http://127.0.0.1:${cmsPort}/_health`).then(
          (r) => r.status === 204,
          () => false,
        );
        if (!up) await new Promise((r) => setTimeout(r, 200));
      }
      if (up) return started;
      await stopped(started);
      throw new Error(`npm start did not come up:\n${output}`);
    });
    const exited = new Promise((done) => child.once('exit', done));
    try {
      expect(mode(join(dir, 'data'))).toBe('700');
      expect(mode(env.DATABASE_FILENAME)).toBe('600');
      // Strapi wrote its tables; any journal SQLite created took the database's mode.
      const Database = require('better-sqlite3');
      const db = new Database(env.DATABASE_FILENAME, { readonly: true });
      expect(
        db.prepare("select count(*) as n from sqlite_master where type = 'table'").get().n,
      ).toBeGreaterThan(10);
      db.close();
      expectOwnerOnly(join(dir, 'data'));
      expect(mode(env.DOCUMENTS_DIR)).toBe('700');
    } finally {
      child.kill('SIGTERM');
      await exited;
    }
  }, 180_000);

  it('npm run backup writes 0600 files in 0700 folders, and restore puts them back owner-only', () => {
    mkdirSync(join(env.DOCUMENTS_DIR, 'ab'), { recursive: true });
    writeFileSync(join(env.DOCUMENTS_DIR, 'ab', 'abcdef'), 'encrypted bytes');
    const target = join(dir, 'backups', 'first');
    const made = umask022('backup.mjs', ['backup', target]);
    expect(made.status, made.stdout + made.stderr).toBe(0);
    expect(existsSync(join(target, 'database.sqlite'))).toBe(true);
    expect(mode(join(dir, 'backups'))).toBe('700');
    expectOwnerOnly(target);

    rmSync(join(dir, 'data'), { recursive: true, force: true });
    rmSync(env.DOCUMENTS_DIR, { recursive: true, force: true });
    const restored = umask022('backup.mjs', ['restore', target]);
    expect(restored.status, restored.stdout + restored.stderr).toBe(0);
    expectOwnerOnly(join(dir, 'data'));
    expectOwnerOnly(env.DOCUMENTS_DIR);
  });
});
