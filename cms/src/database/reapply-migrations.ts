import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Core } from '@strapi/strapi';

interface Migration {
  reapplyAfterSync?: boolean;
  up(knex: unknown, db: unknown): Promise<void>;
}

/**
 * Strapi runs migrations before it creates or changes tables, so on an empty database a
 * migration that adds indexes finds no table yet. Migrations exporting `reapplyAfterSync` are
 * idempotent and run once more after every schema sync, each in a transaction, from the folder
 * Strapi itself reads them from: the migration file stays the one definition.
 */
export function reapplyMigrationsAfterSync(strapi: Core.Strapi) {
  strapi.hook('strapi::content-types.afterSync').register(async () => {
    const dir: string = (strapi.db.config.settings as { migrations: { dir: string } }).migrations
      .dir;
    if (!existsSync(dir)) return;
    for (const file of readdirSync(dir)
      .filter((name) => name.endsWith('.js') && !name.startsWith('.'))
      .sort()) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- compiled CommonJS migrations, found at run time
      const migration = require(join(dir, file)) as Migration;
      if (migration.reapplyAfterSync !== true) continue;
      await strapi.db.transaction(({ trx }) => migration.up(trx, strapi.db));
    }
  });
}
