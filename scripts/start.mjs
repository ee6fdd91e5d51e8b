#!/usr/bin/env node
// @ts-check
/**
 * `npm start`: runs the CMS and the site together (SQLite unless the configuration says otherwise),
 * after build.mjs built what is missing (`--rebuild`: anew). `--demo` loads the demo district first.
 * Ctrl-C stops both; one that stops on its own is restarted (with backoff, logged).
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { loadConfig, REPO_ROOT } from '@mobio/config';
import { configOrExit } from './config-or-exit.mjs';
import { privateDir, privateSqlite } from './private-files.mjs';

const args = new Set(process.argv.slice(2));
const env = { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true' };

const config = configOrExit(() => loadConfig({ generateSecrets: true }));

// The database and the documents hold personal data: owner-only before Strapi creates or opens them.
if (config.database.client === 'sqlite')
  privateSqlite(config.database.filename, {
    ownFolder: config.database.filename.startsWith(join(REPO_ROOT, 'database', 'data') + '/'),
  });
privateDir(config.uploads.documentsDir);

if (args.has('--rebuild')) {
  const build = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts/build.mjs'), '--rebuild'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    env,
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

if (args.has('--demo')) {
  const seed = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts/demo.mjs')], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    env,
  });
  if (seed.status !== 0) process.exit(seed.status ?? 1);
}

/**
 * Restarts a process that stopped without being asked to: after 1 s, then 2, 4, … up to 60 s while
 * it keeps dying at once; a process that ran a minute starts over at 1 s. A small district runs
 * `npm start` for good, and a CMS ended by the kernel (out of memory, `kill -9`) must not leave the
 * district without its services until someone notices. Meanwhile the site answers its localized
 * "try again" pages and its readiness 503.
 */
const FIRST_DELAY_MS = 1000;
const MAX_DELAY_MS = 60_000;
const STABLE_MS = 60_000;

const services = [
  {
    name: 'CMS',
    command: [join(REPO_ROOT, 'node_modules/@strapi/strapi/bin/strapi.js'), 'start'],
    cwd: join(REPO_ROOT, 'cms'),
    env,
  },
  {
    name: 'site',
    command: [join(REPO_ROOT, 'site/dist/server/entry.mjs')],
    cwd: join(REPO_ROOT, 'site'),
    env: { ...env, HOST: config.host, PORT: String(config.site.port) },
  },
];

let stopping = false;

function run(service) {
  const startedAt = Date.now();
  service.child = spawn(process.execPath, service.command, {
    cwd: service.cwd,
    stdio: 'inherit',
    env: service.env,
  });
  console.log(`[mobio] ${service.name} started (pid ${service.child.pid})`);
  service.child.once('exit', (code, signal) => {
    if (stopping) return;
    if (Date.now() - startedAt >= STABLE_MS) service.delay = FIRST_DELAY_MS;
    const delay = service.delay ?? FIRST_DELAY_MS;
    service.delay = Math.min(delay * 2, MAX_DELAY_MS);
    service.restarts = (service.restarts ?? 0) + 1;
    console.error(
      `[mobio] ${service.name} stopped (${signal ? `signal ${signal}` : `exit code ${code}`}); restart ${service.restarts} in ${delay / 1000} s`,
    );
    service.timer = setTimeout(() => run(service), delay);
  });
}

services.forEach(run);

console.log(`
[mobio] Starting…
  Site (newcomers):       ${config.site.publicUrl}
  Admin panel (staff):    ${config.cms.publicUrl}/admin
  Database:               ${config.database.client === 'sqlite' ? config.database.filename : `PostgreSQL ${config.database.host}:${config.database.port}/${config.database.database}`}
  Press Ctrl-C to stop both. A process that stops on its own is started again.
`);

function stop() {
  if (stopping) return;
  stopping = true;
  for (const service of services) clearTimeout(service.timer);
  const running = services
    .map((service) => service.child)
    .filter((child) => child.exitCode === null && child.signalCode === null);
  for (const child of running) child.kill('SIGTERM');
  const timer = setTimeout(
    () => running.forEach((child) => child.exitCode === null && child.kill('SIGKILL')),
    10_000,
  );
  timer.unref();
  Promise.all(
    running.map(
      (child) =>
        new Promise((/** @type {(value?: unknown) => void} */ done) =>
          child.exitCode !== null || child.signalCode !== null ? done() : child.once('exit', done),
        ),
    ),
  ).then(() => process.exit(0));
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
