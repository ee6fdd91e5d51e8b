#!/usr/bin/env node
/**
 * `npm start`: runs the CMS and the site together (SQLite unless the configuration says otherwise),
 * after build.mjs built what is missing (`--rebuild`: anew). `--demo` loads the demo district first.
 * Ctrl-C stops both; if one of them stops, the other is stopped too.
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { loadConfig, ConfigError, REPO_ROOT } from '@mobio/config';
import { privateDir, privateSqlite } from './private-files.mjs';

const args = new Set(process.argv.slice(2));
const env = { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true' };

let config;
try {
  config = loadConfig({ generateSecrets: true });
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}

// The database and the documents hold personal data: owner-only before Strapi creates or opens them.
if (config.database.client === 'sqlite') privateSqlite(config.database.filename, { ownFolder: config.database.filename.startsWith(join(REPO_ROOT, 'database', 'data') + '/') });
privateDir(config.uploads.documentsDir);

if (args.has('--rebuild')) {
  const build = spawnSync(process.execPath, [join(REPO_ROOT, 'database/scripts/build.mjs'), '--rebuild'], { cwd: REPO_ROOT, stdio: 'inherit', env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

if (args.has('--demo')) {
  const seed = spawnSync(process.execPath, [join(REPO_ROOT, 'database/scripts/demo.mjs')], { cwd: REPO_ROOT, stdio: 'inherit', env });
  if (seed.status !== 0) process.exit(seed.status ?? 1);
}

const children = [
  spawn(process.execPath, [join(REPO_ROOT, 'node_modules/@strapi/strapi/bin/strapi.js'), 'start'], { cwd: join(REPO_ROOT, 'cms'), stdio: 'inherit', env }),
  spawn(process.execPath, [join(REPO_ROOT, 'site/dist/server/entry.mjs')], {
    cwd: join(REPO_ROOT, 'site'),
    stdio: 'inherit',
    env: { ...env, HOST: config.host, PORT: String(config.site.port) },
  }),
];

console.log(`
[mobio] Starting…
  Site (newcomers):       ${config.site.publicUrl}
  Admin panel (staff):    ${config.cms.publicUrl}/admin
  Database:               ${config.database.client === 'sqlite' ? config.database.filename : `PostgreSQL ${config.database.host}:${config.database.port}/${config.database.database}`}
  Press Ctrl-C to stop both.
`);

let stopping = false;
function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  const timer = setTimeout(() => children.forEach((child) => child.exitCode === null && child.kill('SIGKILL')), 10_000);
  timer.unref();
  Promise.all(children.map((child) => (child.exitCode !== null ? null : new Promise((done) => child.once('exit', done))))).then(() => process.exit(code));
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
for (const child of children) child.once('exit', (code) => stop(stopping ? 0 : (code ?? 1) || 1));
