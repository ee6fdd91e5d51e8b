import type { Knex } from 'knex';
import {
  createIndexes,
  dropIndexes,
  qualified,
  type IndexSpec,
  type MigrationDb,
} from '../../src/database/indexes';

/**
 * Indexes for the sharing plugin's frequent lookups, for districts with tens of thousands of
 * newcomers, hundreds of thousands of grants and millions of audit events.
 *
 * How Strapi 5.54 runs this file: it compiles it with the CMS (`useTypescriptMigrations` in
 * config/database.ts points Strapi at dist/database/migrations), runs it once at start — before
 * it synchronises the tables with the content types — inside a transaction of its own, and then
 * records its file name in `strapi_migrations` (after the commit: a crash in between runs it
 * again, so every statement is idempotent).
 *
 * On an existing database the tables are there and `up` creates the indexes. On an empty one
 * they are not yet when migrations run: `up` skips the missing tables, and because of
 * `reapplyAfterSync` cms/src/index.ts runs `up` once more after every schema sync, which creates
 * them on a fresh install (and again if a sync ever rebuilt a table). This file stays the only
 * place the indexes are defined. Strapi leaves indexes alone that it did not create.
 *
 * Relations live in link tables (`<table>_<relation>_lnk`); Strapi indexes each of their columns
 * alone. The plugin selects by the related user (`WHERE user_id = ?`, see `linkedTo` in the
 * plugin's utils), so each link index below is (user, record): the lookup reads the index only.
 */
export const reapplyAfterSync = true;

export const INDEXES = [
  // Active grants of a staff member: the sharing rule on every staff request, "shared with me".
  {
    name: 'sharing_grants_grantee_lnk_user_idx',
    table: 'sharing_grants_grantee_lnk',
    columns: ['user_id', 'grant_id'],
  },
  // A newcomer's grants: their sharing page, revoke all, consent receipts, export, erasure.
  {
    name: 'sharing_grants_owner_lnk_user_idx',
    table: 'sharing_grants_owner_lnk',
    columns: ['user_id', 'grant_id'],
  },
  // A newcomer's access log (newest first, counted for paging), export and erasure.
  {
    name: 'sharing_audit_events_owner_lnk_user_idx',
    table: 'sharing_audit_events_owner_lnk',
    columns: ['user_id', 'audit_event_id'],
  },
  // What one staff member did, by time: access reviews by the privacy officer.
  {
    name: 'sharing_audit_events_actor_idx',
    table: 'sharing_audit_events',
    columns: ['actor_id', 'at'],
  },
  // Grants not yet marked expired nor revoked, by expiry: the retention job's daily search for
  // grants that just expired, which would otherwise read every grant that ever expired. It starts
  // with expired_at, which the staff lookups do not filter on: SQLite without statistics would
  // otherwise take it for "revoked_at IS NULL" and read every unrevoked grant for one staff member.
  {
    name: 'sharing_grants_unexpired_idx',
    table: 'sharing_grants',
    columns: ['expired_at', 'revoked_at', 'expires_at'],
  },
] as const satisfies readonly IndexSpec[];

/** Created at every start by the plugin before this migration existed; the unexpired index replaces it. */
const REPLACED = ['sharing_grants_active_idx'];

export async function up(knex: Knex, db: MigrationDb): Promise<void> {
  await createIndexes(knex, db, INDEXES);
  for (const name of REPLACED) await knex.raw('DROP INDEX IF EXISTS ??', [qualified(db, name)]);
}

export async function down(knex: Knex, db: MigrationDb): Promise<void> {
  await dropIndexes(knex, db, INDEXES);
  if (await db.getSchemaConnection(knex).hasTable('sharing_grants')) {
    await knex.raw('CREATE INDEX IF NOT EXISTS ?? ON ?? (??, ??)', [
      REPLACED[0],
      qualified(db, 'sharing_grants'),
      'revoked_at',
      'expires_at',
    ]);
  }
}
