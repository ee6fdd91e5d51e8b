import { mkdtemp, rm } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Core } from '@strapi/strapi';
import { pluginConfig } from '../config';

type Ctx = Parameters<Core.MiddlewareHandler>[0];

/**
 * Readiness for load balancers and service managers: the database answers and the document store
 * is writable. Says only which check failed, never a path or an error text. (Liveness is Strapi's /_health.)
 */
const health = ({ strapi }: { strapi: Core.Strapi }) => ({
  async ready(ctx: Ctx) {
    const failed: string[] = [];
    try {
      await strapi.db.connection.raw('select 1');
    } catch {
      failed.push('database');
    }
    try {
      const dir = pluginConfig(strapi).uploads.documentsDir;
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      await rm(await mkdtemp(join(dir, '.ready-')), { recursive: true });
    } catch {
      failed.push('documents');
    }
    ctx.set('Cache-Control', 'no-store');
    ctx.status = failed.length === 0 ? 200 : 503;
    ctx.body = failed.length === 0 ? { status: 'ready' } : { status: 'not ready', failed };
  },
});

export default health;
