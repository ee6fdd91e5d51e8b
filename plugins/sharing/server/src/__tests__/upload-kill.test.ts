import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  freshEnv,
  rawSql,
  registerNewcomer,
  uploadDocument,
} from '../../../../../cms/test/harness';
import { killDelays, logKill } from '../../../../../cms/test/kill-delays';
import { startStrapi, type StrapiProcess } from './helpers/strapi-process';

/**
 * `kill -9` of a real CMS process in the middle of an upload: after a restart no document row, no
 * stored file and no `.part` file are left, and the person can upload again.
 */

const pdf = (size: number) =>
  Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size).map((b) => (b === 0x3c ? 0x3d : b))]);

function filesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

describe('a CMS killed in the middle of an upload', () => {
  let cms: StrapiProcess | undefined;
  afterAll(() => cms?.stop());

  it('leaves no row, no file and no .part after a restart, and the person can upload again', async () => {
    const env = await freshEnv({ NODE_ENV: 'development' });
    cms = await startStrapi(env);
    const amal = await registerNewcomer(cms);

    // Half of a 2 MB upload, then the process dies with the request open.
    const req = request(`${cms.url}/api/sharing/documents?kind=certificate&title=x`, {
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
    const delays = killDelays([0]);
    await new Promise((r) => setTimeout(r, delays[0]));
    const partBytes = filesIn(env.DOCUMENTS_DIR)
      .filter((f) => f.endsWith('.part'))
      .map((f) => statSync(f).size);
    const exited = new Promise((done) => cms!.child.once('exit', done));
    cms.child.kill('SIGKILL');
    logKill('upload-kill', delays, 0, `the .part file then held ${partBytes.join(', ')} bytes`);
    await exited;
    req.destroy();
    expect(
      filesIn(env.DOCUMENTS_DIR).some((f) => f.endsWith('.part')),
      'the killed process left its partial file',
    ).toBe(true);

    cms = await startStrapi(env);
    expect(filesIn(env.DOCUMENTS_DIR)).toEqual([]);
    // PostgreSQL answers the count as text.
    expect(Number((await rawSql(env, 'select count(*) as n from documents'))[0].n)).toBe(0);
    expect(cms.output()).toContain('removed 1 partial file(s)');

    const again = await uploadDocument(cms, amal.jwt, pdf(100_000));
    expect(again.status).toBe(201);
    expect(filesIn(env.DOCUMENTS_DIR)).toHaveLength(1);
  }, 240_000);
});
