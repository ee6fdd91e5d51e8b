import { expect } from 'vitest';
import { INDEXES as SESSION_INDEXES } from '../database/migrations/2026.11.25T03.00.00.admin-session-index';
import { INDEXES as SHARING_INDEXES } from '../database/migrations/2026.11.25T00.00.00.sharing-indexes';
import type { TestCms } from './harness';

/** The migration files as Strapi records them, in the order it runs them. */
export const MIGRATIONS = [
  '2026.11.25T00.00.00.sharing-indexes.js',
  '2026.11.25T03.00.00.admin-session-index.js',
  '2026.11.30T00.00.00.non-identifying-usernames.js',
  '2026.12.07T00.00.00.withdrawn-country-codes.js',
];
const INDEXES = [...SHARING_INDEXES, ...SESSION_INDEXES];
const postgres = process.env.DATABASE_CLIENT === 'postgres';

/** The table and columns of an index as the database reports them, or null when it does not exist. */
export async function indexColumns(
  cms: TestCms,
  name: string,
): Promise<{ table: string; columns: string[] } | null> {
  const knex = cms.strapi.db.connection;
  if (postgres) {
    const { rows } = await knex.raw(
      'SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND indexname = ?',
      [name],
    );
    if (rows.length === 0) return null;
    return {
      table: rows[0].tablename,
      columns: /\(([^)]*)\)$/.exec(rows[0].indexdef)![1].split(', '),
    };
  }
  const [index] = await knex.raw(
    "SELECT tbl_name FROM sqlite_master WHERE type = 'index' AND name = ?",
    [name],
  );
  if (!index) return null;
  const columns = (
    await knex.raw('SELECT name FROM pragma_index_info(?) ORDER BY seqno', [name])
  ).map((row: { name: string }) => row.name);
  return { table: index.tbl_name, columns };
}

/** Every index of the migrations, as it should be. */
export async function expectIndexes(cms: TestCms) {
  for (const index of INDEXES) {
    expect(await indexColumns(cms, index.name), index.name).toEqual({
      table: index.table,
      columns: [...index.columns],
    });
  }
  // Replaced by sharing_grants_unexpired_idx.
  expect(await indexColumns(cms, 'sharing_grants_active_idx')).toBeNull();
}

/** The rows of Strapi's record of user migrations. */
export async function migrationsRun(cms: TestCms): Promise<Array<{ name: string; time: unknown }>> {
  return cms.strapi.db.connection('strapi_migrations').select('name', 'time').orderBy('id');
}
