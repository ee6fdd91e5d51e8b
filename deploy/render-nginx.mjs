#!/usr/bin/env node
// @ts-check
/**
 * Prints the nginx site configuration for this installation, from the MoBio configuration:
 * host name from SITE_PUBLIC_URL, upstreams from HOST/CMS_PORT/SITE_PORT, the body limit from
 * UPLOAD_MAX_BYTES, the client-address proof from CLIENT_ADDRESS_SECRET (so the rendered file is a
 * secret too). Usage: node deploy/render-nginx.mjs --cert /path/fullchain.pem --key /path/privkey.pem [--https 443] [--http 80]
 * [--acme-root /var/www/html] (the folder certbot --webroot writes its challenges into).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadSiteConfig } from '@mobio/config';

const TEMPLATE = fileURLToPath(new URL('./nginx/mobio.conf.template', import.meta.url));

/**
 * The filled-in configuration text. The ports may come as the command line's text.
 * @param {{
 *   config?: import('@mobio/config').SiteConfig;
 *   cert: string;
 *   key: string;
 *   httpsPort?: number | string;
 *   httpPort?: number | string;
 *   serverName?: string;
 *   acmeRoot?: string;
 * }} options
 */
export function renderNginx({
  config = loadSiteConfig(),
  cert,
  key,
  httpsPort = 443,
  httpPort = 80,
  serverName,
  acmeRoot = '/var/www/html',
}) {
  const values = {
    SERVER_NAME: serverName ?? new URL(config.site.publicUrl).hostname,
    HTTP_LISTEN: String(httpPort),
    HTTPS_LISTEN: String(httpsPort),
    HTTPS_PORT_SUFFIX: Number(httpsPort) === 443 ? '' : `:${httpsPort}`,
    TLS_CERT: cert,
    TLS_KEY: key,
    ACME_ROOT: acmeRoot,
    // Room for the form around the file: 1 MB more than the document limit.
    MAX_BODY: `${Math.ceil(config.uploads.maxBytes / (1024 * 1024)) + 1}m`,
    // The import of a mobio-export from another MoBio: the whole archive (IMPORT_MAX_BYTES) and the form.
    IMPORT_MAX_BODY: `${Math.ceil(config.uploads.importMaxBytes / (1024 * 1024)) + 1}m`,
    CMS_UPSTREAM: `${config.host}:${config.cms.port}`,
    SITE_UPSTREAM: `${config.host}:${config.site.port}`,
    // Proves to the site and the CMS that the client address nginx names is the TCP peer's.
    CLIENT_ADDRESS_SECRET: config.clientAddressSecret,
  };
  return readFileSync(TEMPLATE, 'utf8').replace(/\{\{(\w+)\}\}/g, (_, name) => {
    if (values[name] === undefined) throw new Error(`no value for {{${name}}}`);
    return values[name];
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = Object.fromEntries(
    process.argv
      .slice(2)
      .join(' ')
      .split('--')
      .filter(Boolean)
      .map((pair) => pair.trim().split(/\s+/)),
  );
  if (!args.cert || !args.key) {
    console.error(
      'usage: node deploy/render-nginx.mjs --cert <fullchain.pem> --key <privkey.pem> [--https 443] [--http 80] [--name host] [--acme-root /var/www/html]',
    );
    process.exit(2);
  }
  process.stdout.write(
    renderNginx({
      cert: args.cert,
      key: args.key,
      httpsPort: args.https ?? 443,
      httpPort: args.http ?? 80,
      serverName: args.name,
      acmeRoot: args['acme-root'],
    }),
  );
}
