import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  freshEnv,
  rawSql,
  registerNewcomer,
  uploadDocument,
} from '../../../../../cms/test/harness';

/**
 * `kill -9` of a real CMS process in the middle of an upload: after a restart no document row, no
 * stored file and no `.part` file are left, and the person can upload again.
 */

const CMS_DIR = resolve(__dirname, '../../../../../cms');
const STRAPI = resolve(CMS_DIR, '../node_modules/@strapi/strapi/bin/strapi.js');
const pdf = (size: number) =>
  Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size).map((b) => (b === 0x3c ? 0x3d : b))]);

function filesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

describe('a CMS killed in the middle of an upload', () => {
  let child: ChildProcess | undefined;
  let env: Record<string, string>;
  let url: string;
  let output = '';

  async function start() {
    child = spawn(process.execPath, [STRAPI, 'start'], {
      cwd: CMS_DIR,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    for (let i = 0; i < 600; i++) {
      if (child.exitCode !== null) throw new Error(`the CMS exited:\n${output}`);
      if (
        await fetch(`${url}/_health`).then(
          (r) => r.status === 204,
          () => false,
        )
      )
        return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`the CMS did not start:\n${output}`);
  }
  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((done) => child!.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    }
  });

  it('leaves no row, no file and no .part after a restart, and the person can upload again', async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    env = await freshEnv({ CMS_PORT: String(port), CMS_PUBLIC_URL: url, NODE_ENV: 'development' });
    await start();
    const amal = await registerNewcomer({ url });

    // Half of a 2 MB upload, then the process dies with the request open.
    const req = request(`${url}/api/sharing/documents?kind=certificate&title=x`, {
      method: 'POST',
      headers: {
        'content-type': 'application/pdf',
        'content-length': String(2 * 1024 * 1024),
        authorization: `Bearer ${amal.jwt}`,
      },
    });
    req.on('error', () => undefined);
    req.write(pdf(1024 * 1024));
    for (let i = 0; i < 200 && !filesIn(env.DOCUMENTS_DIR).some((f) => f.endsWith('.part')); i++)
      await new Promise((r) => setTimeout(r, 25));
    expect(
      filesIn(env.DOCUMENTS_DIR).some((f) => f.endsWith('.part')),
      'the upload had begun writing',
    ).toBe(true);
    const exited = new Promise((done) => child!.once('exit', done));
    child!.kill('SIGKILL');
    await exited;
    req.destroy();
    expect(
      filesIn(env.DOCUMENTS_DIR).some((f) => f.endsWith('.part')),
      'the killed process left its partial file',
    ).toBe(true);

    await start();
    expect(filesIn(env.DOCUMENTS_DIR)).toEqual([]);
    // PostgreSQL answers the count as text.
    expect(Number((await rawSql(env, 'select count(*) as n from documents'))[0].n)).toBe(0);
    expect(output).toContain('removed 1 partial file(s)');

    const again = await uploadDocument({ url }, amal.jwt, pdf(100_000));
    expect(again.status).toBe(201);
    expect(filesIn(env.DOCUMENTS_DIR)).toHaveLength(1);
  }, 240_000);
});
