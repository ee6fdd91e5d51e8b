// @ts-check
import { spawn } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from '@mobio/config';

/* The processes the benchmark starts (the CMS, the site), their ports, and stopping them. */

const CMS_DIR = join(REPO_ROOT, 'cms');
const STRAPI = join(REPO_ROOT, 'node_modules/@strapi/strapi/bin/strapi.js');

const children = new Set();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

export const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
/** Whether some process listens on `port` now. */
const taken = (port) =>
  new Promise((answer) => {
    const server = createServer()
      .once('error', () => answer(true))
      .listen(port, '127.0.0.1', () => server.close(() => answer(false)));
  });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `url` until it answers `status`; throws when the process exits first or after 3 minutes. */
export async function waitFor(child, url, status) {
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`${url}: the process exited (${child.exitCode ?? child.signalCode})`);
    try {
      if ((await fetch(url)).status === status) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer ${status} within 3 minutes`);
    await sleep(25);
  }
}

/** Waits until the server answers its health check at once again (its queue has drained). */
export async function settle(url) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const t0 = performance.now();
    await fetch(`${url}/_health`).catch(() => {});
    if (performance.now() - t0 < 20) return;
    await sleep(100);
  }
}

/** Stops `child` with the benchmark, whichever way it ends. */
export function track(child) {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

export async function stop(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  // SIGINT: Strapi shuts down cleanly (and a CPU profile gets written).
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/** `strapi start` on the benchmark's database, or the benchmark's own start script (extra routes). */
export function startCms(env, script = [STRAPI, 'start']) {
  // Its log (a line per request) goes to cms.log in the benchmark's folder: kept with --keep.
  const log = openSync(join(dirname(env.MOBIO_ENV_FILE), 'cms.log'), 'a');
  const child = spawn(process.execPath, script, {
    cwd: CMS_DIR,
    env: { ...process.env, ...env },
    stdio: ['ignore', log, 'inherit'],
  });
  closeSync(log);
  return track(child);
}

/** The CMS's environment for `port`: CMS_PORT and the URLs it and the site use. */
export function cmsPortEnv(port) {
  const url = `http://127.0.0.1:${port}`;
  return { CMS_PORT: String(port), CMS_PUBLIC_URL: url, CMS_INTERNAL_URL: url };
}

/**
 * startCms, then waits for its health check. Strapi needs its port up front, found free before the
 * start: when another process has taken it in between (the CMS exited and the port is in use), the
 * CMS starts again on a new free port, which `env` then names.
 */
export async function startCmsListening(env, script) {
  for (let attempt = 1; ; attempt++) {
    const child = startCms(env, script);
    try {
      await waitFor(child, `${env.CMS_INTERNAL_URL}/_health`, 204);
      return child;
    } catch (error) {
      await stop(child);
      if (attempt >= 5 || !(await taken(Number(env.CMS_PORT)))) throw error;
      Object.assign(env, cmsPortEnv(await freePort()));
    }
  }
}
