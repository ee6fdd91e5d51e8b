import { randomBytes } from 'node:crypto';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAKE_USER } from './helpers/fake-cms';
import { PUBLIC_URL } from './helpers/http';
import { type RunningSite, startSite } from './helpers/site-server';

/**
 * The site streams downloads through from the CMS (documents, export, CV, plan and receipt PDFs).
 * When the CMS cuts a transfer (a damaged document found mid-stream), the site must cut its own
 * answer too, never end it as a complete 200 that a browser would save as a whole file; and it
 * must go on serving.
 */

const FILE = randomBytes(200_000);

describe('downloads through the site when the CMS cuts the transfer', () => {
  let cms: Server;
  let site: RunningSite;

  beforeAll(async () => {
    cms = createServer((req, res) => {
      const path = new URL(req.url ?? '/', 'http://cms.test').pathname;
      if (path === '/api/users/me') {
        res.writeHead(200, { 'content-type': 'application/json' });
        return res.end(JSON.stringify(FAKE_USER));
      }
      const headers = {
        'content-type': 'application/pdf',
        'content-disposition': 'attachment; filename="zeugnis.pdf"',
        'content-length': String(FILE.length),
      };
      if (path === '/api/sharing/documents/whole/file') {
        res.writeHead(200, headers);
        return res.end(FILE);
      }
      if (path === '/api/sharing/documents/cut/file' || path === '/api/sharing/export') {
        res.writeHead(
          200,
          path.endsWith('export')
            ? {
                'content-type': 'application/zip',
                'content-disposition': 'attachment; filename="x.zip"',
              }
            : headers,
        );
        // What the CMS does when a segment fails to authenticate after the headers went out.
        res.write(FILE.subarray(0, 70_000), () => setTimeout(() => res.destroy(), 50));
        return;
      }
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"data":null,"error":{"status":404}}');
    });
    await new Promise<void>((ready) => cms.listen(0, '127.0.0.1', ready));
    site = await startSite({
      CMS_INTERNAL_URL: `http://127.0.0.1:${(cms.address() as AddressInfo).port}`,
    });
  });
  afterAll(async () => {
    await site?.stop();
    await new Promise((done) => cms?.close(done));
  });

  function download(path: string): Promise<{ status: number; body: Buffer; complete: boolean }> {
    return new Promise((resolve, reject) => {
      const req = request(site.url + path, {
        headers: { host: PUBLIC_URL.host, cookie: 'mobio_session=aaaa.bbbb.cccc' },
      });
      const timer = setTimeout(
        () => req.destroy(new Error('the site did not finish or cut the answer within 10 s')),
        10_000,
      );
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', () => undefined);
        res.on('close', () => {
          clearTimeout(timer);
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks),
            complete: res.complete,
          });
        });
      });
      req.on('error', reject);
      req.end();
    });
  }

  it('passes a whole file through whole', async () => {
    const res = await download('/de/documents/whole/file');
    expect(res.status).toBe(200);
    expect(res.complete).toBe(true);
    expect(res.body.equals(FILE)).toBe(true);
  });

  it.each(['/de/documents/cut/file', '/de/account/export'])(
    'cuts its own answer when the CMS cuts %s, and keeps serving',
    async (path) => {
      const res = await download(path);
      expect(res.status).toBe(200);
      expect(res.complete).toBe(false);
      const again = await download('/de/documents/whole/file');
      expect(again.complete).toBe(true);
      expect(again.body.equals(FILE)).toBe(true);
      expect((await fetch(`${site.url}/health`)).ok).toBe(true);
    },
  );
});
