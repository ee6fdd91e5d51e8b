#!/usr/bin/env node
/**
 * Starts the built newcomer site (Astro's standalone server, site/dist/server/entry.mjs) on HOST
 * and SITE_PORT from the MoBio configuration: the address nginx is rendered from. Astro's server
 * reads HOST and PORT; the systemd unit runs this, so that the port is set in one place.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError, REPO_ROOT, loadSiteConfig } from '@mobio/config';

let config;
try {
  config = loadSiteConfig();
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
}
process.env.HOST = config.host;
process.env.PORT = String(config.site.port);
await import(pathToFileURL(join(REPO_ROOT, 'site/dist/server/entry.mjs')).href);
