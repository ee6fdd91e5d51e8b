import { randomBytes } from 'node:crypto';
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, loadSiteConfig } from '@mobio/config';
import { onFreePorts, stopped } from '../../scripts/__tests__/helpers/ports';
import { renderNginx } from '../render-nginx.mjs';

const UNITS = join(REPO_ROOT, 'deploy/systemd');

/** A unit's settings (repeated keys collected), with the guide's /opt/mobio as this checkout. */
function unit(name: string): Record<string, string[]> {
  const settings: Record<string, string[]> = {};
  for (const line of readFileSync(join(UNITS, name), 'utf8').split('\n')) {
    const match = /^(\w+)=(.*)$/.exec(line.trim());
    if (match) (settings[match[1]] ??= []).push(match[2].replaceAll('/opt/mobio', REPO_ROOT));
  }
  return settings;
}

describe('systemd units', () => {
  const children: ChildProcess[] = [];
  const dirs: string[] = [];
  afterAll(() => {
    for (const child of children) child.kill();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('run scripts and folders that exist in the repository', () => {
    for (const name of ['mobio-cms.service', 'mobio-site.service']) {
      const settings = unit(name);
      expect(existsSync(settings.WorkingDirectory[0]), `${name} WorkingDirectory`).toBe(true);
      for (const command of [...(settings.ExecStartPre ?? []), ...settings.ExecStart]) {
        const [program, script] = command.split(' ');
        expect(program).toBe('/usr/bin/node');
        expect(existsSync(script), `${name}: ${script}`).toBe(true);
      }
    }
  });

  it('start the site on HOST and SITE_PORT of the configuration, where the rendered nginx sends requests', async () => {
    const settings = unit('mobio-site.service');
    const dir = mkdtempSync(join(tmpdir(), 'mobio-units-'));
    dirs.push(dir);
    const envFile = join(dir, 'mobio.env');
    // SITE_PORT is a number up front: on a new one when another process took it meanwhile.
    const port = await onFreePorts(1, async ([port]) => {
      writeFileSync(
        envFile,
        // CLIENT_ADDRESS_SECRET: the CMS's first start generates it into the shared env file.
        `NODE_ENV=production\nHOST=127.0.0.1\nSITE_PORT=${port}\nSITE_PUBLIC_URL=https://mobio.example\nCLIENT_ADDRESS_SECRET=${randomBytes(24).toString('base64')}\n`,
      );

      // As systemd runs it: Environment=, then EnvironmentFile= over it, in WorkingDirectory=.
      const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin' };
      for (const pair of settings.Environment.join(' ').split(/\s+/)) {
        const [key, value] = pair.split('=');
        env[key] = key === 'MOBIO_ENV_FILE' ? envFile : value;
      }
      for (const line of readFileSync(envFile, 'utf8').split('\n').filter(Boolean))
        env[line.split('=')[0]] = line.slice(line.indexOf('=') + 1);
      const [program, ...args] = settings.ExecStart[0].split(' ');
      const child = spawn(program, args, {
        cwd: settings.WorkingDirectory[0],
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.push(child);
      let output = '';
      child.stdout!.on('data', (chunk) => (output += chunk));
      child.stderr!.on('data', (chunk) => (output += chunk));

      let status = 0;
      for (let i = 0; i < 100 && status !== 200 && child.exitCode === null; i++) {
        status = await fetch(`http://127.0.0.1:${port}/health`).then(
          (response) => response.status,
          () => 0,
        );
        if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 150));
      }
      if (status !== 200) {
        await stopped(child);
        throw new Error(`the site unit answered no /health (${status}):\n${output}`);
      }
      return port;
    });
    const nginx = renderNginx({
      config: loadSiteConfig({ env: {}, envFile }),
      cert: '/c.pem',
      key: '/k.pem',
    });
    expect(nginx).toContain(`proxy_pass http://127.0.0.1:${port};`);
  });
});
