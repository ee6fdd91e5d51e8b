#!/usr/bin/env node
// @ts-check
/**
 * Starts the built newcomer site (Astro's standalone server, site/dist/server/entry.mjs) on HOST
 * and SITE_PORT from the MoBio configuration: the address nginx is rendered from. Astro's server
 * reads HOST and PORT; the systemd unit runs this, so that the port is set in one place.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPO_ROOT, loadSiteConfig } from '@mobio/config';
import { configOrExit } from '../scripts/config-or-exit.mjs';

const config = configOrExit(() => loadSiteConfig());
process.env.HOST = config.host;
process.env.PORT = String(config.site.port);
await import(pathToFileURL(join(REPO_ROOT, 'site/dist/server/entry.mjs')).href);
