import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { onFreePorts, stopped } from '../../../../../../scripts/__tests__/helpers/ports';

const CMS_DIR = resolve(__dirname, '../../../../../../cms');
const STRAPI = resolve(CMS_DIR, '../node_modules/@strapi/strapi/bin/strapi.js');

export interface StrapiProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process printed, for failure messages and log checks. */
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * A real `strapi start` of the built CMS, its own process, with `env` (freshEnv's) and a port of its
 * own; waits until /_health answers. Strapi needs its port up front: when another process takes it
 * before Strapi binds it, the CMS starts again on another port (onFreePorts).
 */
export function startStrapi(env: Record<string, string>): Promise<StrapiProcess> {
  return onFreePorts(1, async ([port]) => {
    const url = `http://127.0.0.1:${port}`;
    const child = spawn(process.execPath, [STRAPI, 'start'], {
      cwd: CMS_DIR,
      env: { ...process.env, ...env, CMS_PORT: String(port), CMS_PUBLIC_URL: url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    for (let i = 0; ; i++) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`the CMS exited:\n${output}`);
      if (i > 600) {
        await stopped(child);
        throw new Error(`the CMS did not start within 2 minutes:\n${output}`);
      }
      const healthy = await fetch(`${url}/_health`).then(
        (response) => response.status === 204,
        () => false,
      );
      if (healthy) return { url, child, output: () => output, stop: () => stopped(child) };
      await new Promise((done) => setTimeout(done, 200));
    }
  });
}
