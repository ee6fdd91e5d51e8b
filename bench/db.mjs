// @ts-check
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { REPO_ROOT } from '@mobio/config';

// The database drivers are dependencies of the CMS workspace.
const require = createRequire(join(REPO_ROOT, 'cms', 'package.json'));

const quote = (name) => `"${name.replace(/"/g, '""')}"`;

/** Positional `?` placeholders (as knex logs them) to PostgreSQL's `$1, $2, …`. */
const numbered = (sql) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

/**
 * A direct connection to the benchmark's database, past Strapi, for bulk seeding and query
 * plans: SQLite through better-sqlite3, PostgreSQL through pg. Values are given as JavaScript
 * values (Date, boolean, object for JSON) and stored the way Strapi stores them on each.
 */
export async function connect(target) {
  if (target.client === 'sqlite') {
    const Database = require('better-sqlite3');
    const db = new Database(target.filename, { fileMustExist: true });
    // Only this connection, only while seeding: a crash would just mean seeding again.
    db.pragma('synchronous = OFF');
    const statements = new Map();
    const value = (v) =>
      v instanceof Date
        ? v.getTime()
        : typeof v === 'boolean'
          ? Number(v)
          : v !== null && typeof v === 'object'
            ? JSON.stringify(v)
            : v;
    const sqliteBinding = (v) =>
      v instanceof Date ? v.getTime() : typeof v === 'boolean' ? Number(v) : v;
    return {
      client: /** @type {const} */ ('sqlite'),
      async all(sql, params = []) {
        return db.prepare(sql).all(...params.map(value));
      },
      async insert(table, columns, rows) {
        const key = `${table}|${columns.join(',')}`;
        let statement = statements.get(key);
        if (!statement) {
          statement = db.prepare(
            `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
          );
          statements.set(key, statement);
        }
        for (const row of rows) statement.run(...row.map(value));
      },
      async transaction(fn) {
        db.exec('BEGIN');
        try {
          await fn();
          db.exec('COMMIT');
        } catch (error) {
          db.exec('ROLLBACK');
          throw error;
        }
      },
      async analyze() {
        db.exec('ANALYZE');
      },
      /** The plan SQLite chooses for a statement Strapi ran, with Strapi's own bindings. */
      async explain(sql, bindings = []) {
        const rows = db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...bindings.map(sqliteBinding));
        const depth = new Map([[0, -1]]);
        return rows.map((row) => {
          const level = (depth.get(row.parent) ?? -1) + 1;
          depth.set(row.id, level);
          return `${'  '.repeat(level)}${row.detail}`;
        });
      },
      async close() {
        db.close();
      },
    };
  }

  const { Client } = require('pg');
  const client = new Client({
    host: target.host,
    port: target.port,
    user: target.user,
    password: target.password,
    database: target.database,
  });
  await client.connect();
  if (target.schema) await client.query(`SET search_path TO ${quote(target.schema)}`);
  const value = (v) =>
    v !== null && typeof v === 'object' && !(v instanceof Date) ? JSON.stringify(v) : v;
  return {
    client: /** @type {const} */ ('postgres'),
    async all(sql, params = []) {
      return (await client.query(numbered(sql), params.map(value))).rows;
    },
    async insert(table, columns, rows) {
      // PostgreSQL takes at most 65,535 parameters in one statement.
      const perStatement = Math.floor(60_000 / columns.length);
      for (let start = 0; start < rows.length; start += perStatement) {
        const chunk = rows.slice(start, start + perStatement);
        const params = [];
        const tuples = chunk.map(
          (row) => `(${row.map((v) => (params.push(value(v)), `$${params.length}`)).join(', ')})`,
        );
        await client.query(
          `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES ${tuples.join(', ')}`,
          params,
        );
      }
    },
    async transaction(fn) {
      await client.query('BEGIN');
      try {
        await fn();
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    },
    async analyze() {
      await client.query('ANALYZE');
    },
    /** Rows were inserted with their ids: move each id sequence past them. */
    async resetSequences(tables) {
      for (const table of tables) {
        await client.query(
          `SELECT setval(pg_get_serial_sequence($1, 'id'), COALESCE((SELECT MAX(id) FROM ${quote(table)}), 1))`,
          [table],
        );
      }
    },
    /** EXPLAIN ANALYZE of a statement Strapi ran, with Strapi's own bindings (reads only). */
    async explain(sql, bindings = []) {
      const { rows } = await client.query(
        `EXPLAIN (ANALYZE, COSTS OFF, BUFFERS OFF) ${numbered(sql)}`,
        bindings.map(value),
      );
      return rows.map((row) => row['QUERY PLAN']);
    },
    async close() {
      await client.end();
    },
  };
}

/** Creates (or drops) a PostgreSQL database through the server's `postgres` database. */
export async function postgresAdmin(target, sql) {
  const { Client } = require('pg');
  const client = new Client({
    host: target.host,
    port: target.port,
    user: target.user,
    password: target.password,
    database: 'postgres',
  });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
