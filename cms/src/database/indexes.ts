import type { Knex } from 'knex';

/** An index a migration adds to a table Strapi owns. */
export interface IndexSpec {
  readonly name: string;
  readonly table: string;
  readonly columns: readonly string[];
}

/** What Strapi passes a migration besides the transaction. */
export interface MigrationDb {
  getSchemaName(): string | undefined;
  getSchemaConnection(trx?: Knex): Knex.SchemaBuilder;
}

export const qualified = (db: MigrationDb, name: string) =>
  db.getSchemaName() ? `${db.getSchemaName()}.${name}` : name;

/**
 * Creates the indexes whose table exists; idempotent, so that a migration can run again after
 * Strapi's schema sync (see reapply-migrations.ts) and after a crash before Strapi recorded it.
 */
export async function createIndexes(
  knex: Knex,
  db: MigrationDb,
  indexes: readonly IndexSpec[],
): Promise<void> {
  for (const index of indexes) {
    if (!(await db.getSchemaConnection(knex).hasTable(index.table))) continue;
    await knex.raw(
      `CREATE INDEX IF NOT EXISTS ?? ON ?? (${index.columns.map(() => '??').join(', ')})`,
      [index.name, qualified(db, index.table), ...index.columns],
    );
  }
}

export async function dropIndexes(
  knex: Knex,
  db: MigrationDb,
  indexes: readonly IndexSpec[],
): Promise<void> {
  for (const index of indexes)
    await knex.raw('DROP INDEX IF EXISTS ??', [qualified(db, index.name)]);
}
