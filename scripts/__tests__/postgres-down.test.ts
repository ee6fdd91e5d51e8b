import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { registerNewcomer } from '../../cms/test/harness';
import { send, text } from '../../site/src/__tests__/helpers/http';
import { type NpmStart, npmStart, until } from './helpers/npm-start';
import { onFreePorts } from './helpers/ports';

/**
 * PostgreSQL stops while the CMS and the site run (`npm start`): CMS requests fail at once and
 * cleanly (no crash, no hang), both readiness checks answer 503, the site shows its localized "try
 * again" page; when PostgreSQL is back everything works again without restarting anything.
 *
 * Runs in the PostgreSQL phase of CI only (DATABASE_CLIENT=postgres). Stopping the CI's shared
 * cluster would break the other test files, so this test runs a cluster of its own (initdb and
 * pg_ctl of the installed PostgreSQL, a temporary folder and a free port).
 */

const postgres = process.env.DATABASE_CLIENT === 'postgres';
if (!postgres)
  console.warn(
    '[postgres-down.test] SKIPPED: PostgreSQL only (DATABASE_CLIENT=postgres); CI runs it in its PostgreSQL phase',
  );

const de = (
  JSON.parse(readFileSync(resolve(__dirname, '../../config/src/i18n/de.json'), 'utf8')) as {
    site: Record<string, string>;
  }
).site;

function pgBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin/pg_ctl')))
    : [];
  if (versions.length === 0)
    throw new Error(
      'PostgreSQL server binaries (initdb, pg_ctl) not found under /usr/lib/postgresql',
    );
  return join(root, versions.sort((a, b) => Number(a) - Number(b)).at(-1)!, 'bin');
}

describe.skipIf(!postgres)('PostgreSQL stopping under a running district', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mobio-pg-down-'));
  const data = join(dir, 'data');
  let port = 0;
  let run: NpmStart | undefined;
  // PostgreSQL refuses to run as root: as the postgres user when the tests run as root (as CI does).
  const asPg = (command: string, args: string[]) =>
    process.getuid?.() === 0
      ? execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'pipe' })
      : execFileSync(command, args, { stdio: 'pipe' });
  const pgCtl = (...args: string[]) => asPg(join(pgBin(), 'pg_ctl'), ['-D', data, ...args]);
  const startPg = () => {
    try {
      pgCtl(
        '-o',
        `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1`,
        '-l',
        join(dir, 'log'),
        '-w',
        'start',
      );
    } catch (error) {
      // pg_ctl says only that the start failed; why (a taken port, say) is in the server's log.
      throw new Error(
        `${(error as Error).message}\n${existsSync(join(dir, 'log')) ? readFileSync(join(dir, 'log'), 'utf8') : ''}`,
        { cause: error },
      );
    }
  };

  afterAll(async () => {
    await run?.stop();
    try {
      pgCtl('-m', 'immediate', 'stop');
    } catch {
      // not running
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('fails CMS requests cleanly while PostgreSQL is down, answers 503 for readiness and the try-again page, and recovers by itself', async () => {
    if (process.getuid?.() === 0)
      chownSync(dir, Number(execFileSync('id', ['-u', 'postgres']).toString()), 0);
    asPg(join(pgBin(), 'initdb'), ['-D', data, '-U', 'mobio', '--auth=trust']);
    // PostgreSQL needs its port up front: on a new one when another process took it meanwhile.
    await onFreePorts(1, async ([free]) => {
      port = free;
      startPg();
    });
    Object.assign(process.env, {
      DATABASE_HOST: '127.0.0.1',
      DATABASE_PORT: String(port),
      DATABASE_USERNAME: 'mobio',
      DATABASE_PASSWORD: 'mobio',
    });

    run = await npmStart();
    const amal = await registerNewcomer({ url: run.cmsUrl });
    const me = () =>
      fetch(`${run!.cmsUrl}/api/users/me`, {
        headers: { authorization: `Bearer ${amal.jwt}` },
        signal: AbortSignal.timeout(10_000),
      });
    const dashboard = () =>
      send(run!.site, 'GET', '/de/dashboard', { cookie: `mobio_session=${amal.jwt}` });
    expect((await me()).status).toBe(200);
    expect((await dashboard()).status).toBe(200);
    const [cms, site] = [run.childPid('strapi.js'), run.childPid('entry.mjs')];

    pgCtl('-m', 'fast', '-w', 'stop');

    // Clean failures, quickly: no hang, no crash.
    for (let i = 0; i < 3; i++) {
      const began = Date.now();
      const answer = await me();
      expect(answer.status).toBeGreaterThanOrEqual(500);
      expect(Date.now() - began, 'the CMS answers at once while its database is down').toBeLessThan(
        5_000,
      );
    }
    const cmsReady = await fetch(`${run.cmsUrl}/api/sharing/ready`);
    expect(cmsReady.status).toBe(503);
    expect(await cmsReady.json()).toEqual({ status: 'not ready', failed: ['database'] });
    const siteReady = await fetch(`${run.siteUrl}/ready`);
    expect(siteReady.status).toBe(503);
    expect(await siteReady.json()).toEqual({ status: 'not ready', failed: ['cms'] });
    const page = await dashboard();
    expect(page.status).toBe(503);
    expect(text(page.html)).toContain(de['auth.cmsUnavailable']);

    // PostgreSQL comes back: everything works again, nothing was restarted.
    startPg();
    await until(
      'the district is ready again',
      async () => (await fetch(`${run!.siteUrl}/ready`)).status === 200,
      60_000,
    );
    expect((await me()).status).toBe(200);
    expect((await dashboard()).status).toBe(200);
    expect(run.childPid('strapi.js')).toBe(cms);
    expect(run.childPid('entry.mjs')).toBe(site);
    expect(run.output()).not.toMatch(/stopped \((signal|exit code)/);
  }, 300_000);
});
