import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built standalone server; the tests use the build, they never build. */
export const ENTRY = fileURLToPath(new URL('../../../dist/server/entry.mjs', import.meta.url));

/** The district the test server says it belongs to, so pages can be checked for it. */
export const TEST_MUNICIPALITY = {
  MUNICIPALITY_NAME: 'Landkreis Testhausen',
  MUNICIPALITY_ADDRESS: 'Prüfweg 7, 54321 Testhausen',
  MUNICIPALITY_EMAIL: 'integration@testhausen.example',
  MUNICIPALITY_PHONE: '+49 1234 5678-0',
  PRIVACY_OFFICER_NAME: 'Dana Datenschutz',
  PRIVACY_OFFICER_EMAIL: 'datenschutz@testhausen.example',
};

export interface RunningSite {
  url: string;
  /** The server's process, for the tests that watch its memory. */
  pid: number;
  /** Everything the server printed, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts site/dist/server/entry.mjs on port 0 with the given environment, reads the port it got
 * from its "Server listening on" line and waits for /health. The server picks the port itself:
 * a port found free first and used later could be taken in between by another test's process.
 * Throws a clear message when the site has not been built.
 */
export async function startSite(env: Record<string, string>): Promise<RunningSite> {
  if (!existsSync(ENTRY)) {
    throw new Error(
      `${ENTRY} is missing: run \`npm run build -w site\` first (the root \`npm test\` builds before testing).`,
    );
  }
  const child: ChildProcess = spawn(process.execPath, [ENTRY], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: '0',
      // A file that does not exist: the developer's .env must not change what the tests see.
      MOBIO_ENV_FILE: join(tmpdir(), `mobio-site-test-${process.pid}-no-such.env`),
      ...TEST_MUNICIPALITY,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const deadline = Date.now() + 15_000;
  let url: string | undefined;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`the site server exited with ${child.exitCode}:\n${output}`);
    // @astrojs/node logs the address it is bound to, with the port the system gave it.
    url ??= output.match(/Server listening on (http:\/\/127\.0\.0\.1:[1-9]\d*)/)?.[1];
    try {
      if (url && (await fetch(`${url}/health`)).ok) break;
    } catch {
      // not answering yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`the site server did not answer /health within 15 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    url: url!,
    pid: child.pid!,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await exited;
      }
    },
  };
}

/**
 * The site with its CMS down: CMS_INTERNAL_URL names a port held by a server that resets every
 * connection, as a CMS that is not running refuses it. The port stays held until stop(): a port
 * only found free could be taken by another test's process and answer as the CMS.
 */
export async function startSiteWithoutCms(env: Record<string, string> = {}): Promise<RunningSite> {
  const cms = createServer((socket) => socket.resetAndDestroy());
  await new Promise<void>((resolve, reject) =>
    cms.once('error', reject).listen(0, '127.0.0.1', resolve),
  );
  const closeCms = () => new Promise((resolve) => cms.close(resolve));
  try {
    const { port } = cms.address() as AddressInfo;
    const site = await startSite({ CMS_INTERNAL_URL: `http://127.0.0.1:${port}`, ...env });
    return {
      ...site,
      stop: async () => {
        await site.stop();
        await closeCms();
      },
    };
  } catch (error) {
    await closeCms();
    throw error;
  }
}
