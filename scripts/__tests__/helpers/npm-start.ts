import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { freshEnv } from '../../../cms/test/harness';
import { ADDRESS_IN_USE, onFreePorts } from './ports';

/**
 * `npm start` as a district runs it (scripts/start.mjs, a real CMS and a real site as its
 * children) on a fresh temporary database, for the fault tests.
 */

const ROOT = resolve(__dirname, '../../..');

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `check` is true (polled every 200 ms), or throws naming what was awaited. */
export async function until(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 120_000,
): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check().catch(() => false)) return;
    await sleep(200);
  }
  throw new Error(`timed out waiting for: ${what}`);
}

export interface NpmStart {
  env: Record<string, string>;
  cmsUrl: string;
  siteUrl: string;
  /** The site, for the site tests' send() (which speaks as a browser on the built public URL). */
  site: { url: string; output(): string; stop(): Promise<void> };
  /** Everything start.mjs and its children wrote so far. */
  output(): string;
  /** The pid of the running child whose command line contains `marker` (a direct child of start.mjs). */
  childPid(marker: string): number | undefined;
  /** Stops start.mjs as Ctrl-C would, then its process group if anything is left. */
  stop(): Promise<void>;
}

/** `npm start` on two free ports; again on new ones when another process took one meanwhile. */
export async function npmStart(extra: Record<string, string> = {}): Promise<NpmStart> {
  const fresh = await freshEnv({ NODE_ENV: 'development', ...extra });
  return onFreePorts(2, ([cmsPort, sitePort]) => {
    const cmsUrl = `http://127.0.0.1:${cmsPort}`;
    const ports = {
      CMS_PORT: String(cmsPort),
      SITE_PORT: String(sitePort),
      CMS_PUBLIC_URL: cmsUrl,
      CMS_INTERNAL_URL: cmsUrl,
    };
    return startOn({ ...fresh, ...ports, ...extra }, cmsUrl, `http://127.0.0.1:${sitePort}`);
  });
}

async function startOn(
  env: Record<string, string>,
  cmsUrl: string,
  siteUrl: string,
): Promise<NpmStart> {
  let output = '';
  // A process group of its own, so that nothing of it outlives the test.
  const child: ChildProcess = spawn(process.execPath, [resolve(ROOT, 'scripts/start.mjs')], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const started: NpmStart = {
    env,
    cmsUrl,
    siteUrl,
    site: { url: siteUrl, output: () => output, stop: async () => undefined },
    output: () => output,
    childPid(marker) {
      let pids: number[];
      try {
        pids = readFileSync(`/proc/${child.pid}/task/${child.pid}/children`, 'utf8')
          .trim()
          .split(/\s+/)
          .filter(Boolean)
          .map(Number);
      } catch {
        return undefined;
      }
      return pids.find((pid) => {
        try {
          return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker);
        } catch {
          return false;
        }
      });
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGINT');
        await Promise.race([exited, sleep(15_000)]);
      }
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // the group is gone already
      }
    },
  };
  const up = async () =>
    (await fetch(`${siteUrl}/ready`)).status === 200 &&
    (await fetch(`${cmsUrl}/api/sharing/ready`)).status === 200;
  try {
    // start.mjs restarts a child whose port was taken: its message ends the wait at once.
    await until(
      'the CMS and the site are up',
      async () => ADDRESS_IN_USE.test(output) || (await up()),
    );
    if (ADDRESS_IN_USE.test(output)) throw new Error('a port was taken by another process');
  } catch (error) {
    await started.stop();
    throw new Error(`${(error as Error).message}\n${output}`, { cause: error });
  }
  return started;
}
