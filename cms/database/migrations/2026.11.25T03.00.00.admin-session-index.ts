import type { Knex } from 'knex';
import {
  createIndexes,
  dropIndexes,
  type IndexSpec,
  type MigrationDb,
} from '../../src/database/indexes';

/**
 * Strapi 5 checks the admin session of every staff request by `session_id` in `strapi_sessions`,
 * a table that gains a row with every login and has no index on that column: each staff request
 * read the whole table. Runs like the sharing indexes (see that migration): once, then again
 * after every schema sync, because on an empty database the table does not exist yet.
 */
export const reapplyAfterSync = true;

export const INDEXES = [
  { name: 'strapi_sessions_session_id_idx', table: 'strapi_sessions', columns: ['session_id'] },
] as const satisfies readonly IndexSpec[];

export const up = (knex: Knex, db: MigrationDb) => createIndexes(knex, db, INDEXES);
export const down = (knex: Knex, db: MigrationDb) => dropIndexes(knex, db, INDEXES);
