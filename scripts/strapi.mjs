// @ts-check
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { REPO_ROOT } from '@mobio/config';

export const CMS_DIR = join(REPO_ROOT, 'cms');
// Strapi's CommonJS build, resolved from the CMS workspace.
const require = createRequire(join(CMS_DIR, 'package.json'));

/**
 * Loads the compiled MoBio CMS in this process (no HTTP server) for scripts such as the demo
 * seed. Code run here has no request context, so the sharing rule treats it as system code.
 */
export async function withStrapi(fn) {
  process.env.STRAPI_TELEMETRY_DISABLED ??= 'true';
  const { createStrapi } = require('@strapi/strapi');
  const strapi = createStrapi({ appDir: CMS_DIR, distDir: join(CMS_DIR, 'dist') });
  strapi.log.level = 'warn';
  await strapi.load();
  try {
    return await fn(strapi);
  } finally {
    await strapi.destroy();
  }
}
