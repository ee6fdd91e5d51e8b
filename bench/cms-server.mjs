#!/usr/bin/env node
// @ts-check
/**
 * The MoBio CMS as `strapi start` runs it (same build, same configuration from the environment),
 * plus routes that exist only in this benchmark process, never in the product:
 *
 * - `GET /bench/plain-record/:ownerId` (admin login, like `/sharing/records/:ownerId`): the same
 *   six sections of one newcomer read through the same document service, but as system code, so
 *   the sharing rule steps aside: no grant lookup, no owner filter, no audit events, no German
 *   labels — the plain Strapi read the checked route is compared with.
 * - `POST /bench/trace` and `DELETE /bench/trace`: collect the SQL statements (with bindings) of
 *   the requests in between, for the query plans.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { REPO_ROOT } from '@mobio/config';
import { sectionTypes } from './section-types.mjs';

const CMS_DIR = join(REPO_ROOT, 'cms');
const require = createRequire(join(CMS_DIR, 'package.json'));
const { createStrapi } = require('@strapi/strapi');

const strapi = createStrapi({ appDir: CMS_DIR, distDir: join(CMS_DIR, 'dist') });
await strapi.load();

let trace = null;
strapi.db.connection.on('query', (query) => {
  if (trace && trace.length < 500) trace.push({ sql: query.sql, bindings: query.bindings ?? [] });
});

async function plainRecord(ctx) {
  const owner = await strapi.db
    .query('plugin::users-permissions.user')
    .findOne({ where: { documentId: ctx.params.ownerId }, select: ['id'] });
  if (!owner) return ctx.notFound();
  const sections = await strapi
    .plugin('sharing')
    .service('access')
    .asSystem(async () => {
      const read = {};
      for (const uid of /** @type {import('@strapi/strapi').UID.ContentType[]} */ (
        Object.values(sectionTypes())
      )) {
        const rows = await strapi.documents(uid).findMany({ filters: { owner: { id: owner.id } } });
        read[uid] = await strapi.contentAPI.sanitize.output(rows, strapi.getModel(uid));
      }
      return read;
    });
  ctx.body = { data: sections };
}

// Strapi fills in each route's `info` (the types ask for it) when it registers them.
strapi.server.routes(
  /** @type {any} */ ({
    type: 'admin',
    prefix: '/bench',
    routes: [
      {
        method: 'GET',
        path: '/plain-record/:ownerId',
        handler: plainRecord,
        config: { policies: ['admin::isAuthenticatedAdmin'] },
      },
      {
        method: 'POST',
        path: '/trace',
        handler: (ctx) => {
          trace = [];
          ctx.status = 204;
        },
        config: { auth: false },
      },
      {
        method: 'DELETE',
        path: '/trace',
        handler: (ctx) => {
          ctx.body = trace ?? [];
          trace = null;
        },
        config: { auth: false },
      },
    ],
  }),
);

await strapi.listen();
