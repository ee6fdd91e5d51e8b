import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSiteConfig } from '@mobio/config';
import { freshEnv, startCms, type TestCms } from '../../cms/test/harness';
import { onFreePorts } from '../../scripts/__tests__/helpers/ports';
import { startSite, type RunningSite } from '../../site/src/__tests__/helpers/site-server';
import { renderNginx } from '../render-nginx.mjs';

const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((path) => existsSync(path));
if (!NGINX) {
  if (process.env.REQUIRE_NGINX === '1')
    throw new Error('REQUIRE_NGINX=1 but nginx is not installed (apt-get install nginx-light)');
  console.warn('NGINX TEST SKIPPED: nginx not found (apt-get install nginx-light)');
}

/** HTTPS against the test's self-signed certificate. */
function get(
  url: string,
  options: { method?: string; body?: Buffer; headers?: Record<string, string> } = {},
) {
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: string;
  }>((resolve, reject) => {
    const req = request(
      url,
      { method: options.method ?? 'GET', rejectUnauthorized: false, headers: options.headers },
      (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

// Skipped (with the line above) where nginx is missing; .ci/run installs it and sets REQUIRE_NGINX=1.
describe.skipIf(!NGINX)('nginx in front of the CMS and the site', () => {
  let cms: TestCms;
  let site: RunningSite;
  let dir: string;
  let https: string;
  let http: string;

  beforeAll(async () => {
    cms = await startCms(await freshEnv({ UPLOAD_MAX_BYTES: String(2 * 1024 * 1024) }));
    site = await startSite({ CMS_INTERNAL_URL: cms.url });
    dir = mkdtempSync(join(tmpdir(), 'mobio-nginx-'));
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    mkdirSync(join(dir, 'acme/.well-known/acme-challenge'), { recursive: true });
    writeFileSync(join(dir, 'acme/.well-known/acme-challenge/token123'), 'token123.proof');
    // nginx's workers (not root) read the challenge, as from /var/www/html.
    for (const path of [
      dir,
      join(dir, 'acme'),
      join(dir, 'acme/.well-known'),
      join(dir, 'acme/.well-known/acme-challenge'),
    ])
      chmodSync(path, 0o755);
    mkdirSync(join(dir, 'logs'));
    // nginx needs its ports up front: on new ones when another process took one meanwhile (nginx
    // then stops with "Address already in use", which the error of execFileSync carries).
    await onFreePorts(2, async ([httpsPort, httpPort]) => {
      const config = loadSiteConfig({
        env: {
          UPLOAD_MAX_BYTES: String(2 * 1024 * 1024),
          SITE_PUBLIC_URL: `https://localhost:${httpsPort}`,
          CLIENT_ADDRESS_SECRET: cms.env.CLIENT_ADDRESS_SECRET,
        },
        envFile: join(dir, 'none.env'),
      });
      const siteConf = renderNginx({
        config: {
          ...config,
          host: '127.0.0.1',
          cms: { ...config.cms, port: Number(new URL(cms.url).port) },
          site: { ...config.site, port: Number(new URL(site.url).port) },
        },
        cert: join(dir, 'cert.pem'),
        key: join(dir, 'key.pem'),
        httpsPort,
        httpPort,
        acmeRoot: join(dir, 'acme'),
      });
      writeFileSync(join(dir, 'mobio.conf'), siteConf);
      writeFileSync(
        join(dir, 'nginx.conf'),
        `pid ${dir}/nginx.pid;\nerror_log ${dir}/logs/error.log;\nevents {}\nhttp {\n  access_log off;\n  client_body_temp_path ${dir}/body;\n  proxy_temp_path ${dir}/proxy;\n  fastcgi_temp_path ${dir}/fastcgi;\n  uwsgi_temp_path ${dir}/uwsgi;\n  scgi_temp_path ${dir}/scgi;\n  include ${dir}/mobio.conf;\n}\n`,
      );
      const test = spawnSync(NGINX!, ['-t', '-p', dir, '-c', join(dir, 'nginx.conf')], {
        encoding: 'utf8',
      });
      if (test.status !== 0) throw new Error(`nginx -t failed:\n${test.stderr}`);
      execFileSync(NGINX!, ['-p', dir, '-c', join(dir, 'nginx.conf')], { stdio: 'pipe' });
      https = `https://localhost:${httpsPort}`;
      http = `http://localhost:${httpPort}`;
    });
  });
  afterAll(async () => {
    if (dir) spawnSync(NGINX!, ['-p', dir, '-c', join(dir, 'nginx.conf'), '-s', 'stop']);
    await site?.stop();
    await cms?.stop();
  });

  it('serves the site at / with the security headers', async () => {
    const root = await get(`${https}/`);
    expect(root.status).toBe(302);
    const page = await get(`${https}/de/`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<html lang="de"');
    expect(page.headers['strict-transport-security']).toContain('max-age=');
    expect(String(page.headers['content-security-policy'])).toContain("frame-ancestors 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves the admin panel and the CMS health check beside it', async () => {
    expect((await get(`${https}/admin`)).status).toBe(200);
    expect((await get(`${https}/_health`)).status).toBe(204);
    expect((await get(`${https}/sharing/shared-with-me`)).status).toBe(401);
  });

  it('tells the site its public host with the port, which it compares with the Origin of form posts', () => {
    // The site's build knows SITE_PUBLIC_URL; a form posted to https://host:8443 has that Origin.
    const config = loadSiteConfig({
      env: { CLIENT_ADDRESS_SECRET: 'a-secret-of-this-installation' },
      envFile: join(dir, 'none.env'),
    });
    const on = (httpsPort: number) =>
      renderNginx({
        config,
        cert: '/c.pem',
        key: '/k.pem',
        httpsPort,
        serverName: 'mobio.example',
      });
    expect(on(8443)).toContain('proxy_set_header Host $host:8443;');
    expect(on(8443)).toContain('proxy_set_header X-Forwarded-Host $host:8443;');
    expect(on(443)).toContain('proxy_set_header Host $host;');
    // The person's address, with the proof the site and the CMS believe (a client's own is replaced).
    expect(on(443)).toContain('proxy_set_header X-Mobio-Client-Address $remote_addr;');
    expect(on(443)).toContain(
      'proxy_set_header X-Mobio-Client-Proof "a-secret-of-this-installation";',
    );
    expect(() =>
      renderNginx({
        config: loadSiteConfig({ env: {}, envFile: join(dir, 'none.env') }),
        cert: '/c.pem',
        key: '/k.pem',
      }),
    ).toThrow(/CLIENT_ADDRESS_SECRET/);
  });

  it('keeps the content API away from the outside', async () => {
    expect((await get(`${https}/api/info-pages`)).status).toBe(404);
    expect((await get(`${https}/api/auth/local`, { method: 'POST' })).status).toBe(404);
  });

  it('refuses bodies over the upload limit and redirects plain HTTP', async () => {
    const big = await get(`${https}/upload`, {
      method: 'POST',
      body: Buffer.alloc(4 * 1024 * 1024),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(big.status).toBe(413);
    // The import of a whole export from another MoBio has its own limit (IMPORT_MAX_BYTES, 200 MB here).
    const moving = await get(`${https}/de/account/import`, {
      method: 'POST',
      body: Buffer.alloc(4 * 1024 * 1024),
      headers: { 'content-type': 'application/octet-stream' },
    });
    expect(moving.status).not.toBe(413);
    const plain = await new Promise<number>((resolve) =>
      httpGet(`${http}/de/`, (res) => resolve(res.statusCode!)),
    );
    expect(plain).toBe(301);
  });

  it("answers the certificate authority's challenge over plain HTTP", async () => {
    const challenge = await new Promise<{ status: number; body: string }>((resolve) =>
      httpGet(`${http}/.well-known/acme-challenge/token123`, (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      }),
    );
    expect(challenge).toEqual({ status: 200, body: 'token123.proof' });
  });
});
