import { createHash } from 'node:crypto';
import type { Core } from '@strapi/strapi';

/** First key of MoBio's PostgreSQL advisory locks ("MoBi"), so they cannot meet another application's. */
export const LOCK_NAMESPACE = 0x4d6f4269;

/** The second key of the advisory lock of a job, from its name. */
export const jobLockKey = (name: string) =>
  createHash('sha256').update(name).digest().readInt32BE(0);

interface PgConnection {
  query(sql: string, values: unknown[]): Promise<{ rows: Array<{ locked?: boolean }> }>;
}

/**
 * Runs a scheduled job on one CMS instance at a time: every instance schedules it, and whoever
 * takes the lock first runs it while the others skip this turn (null). On PostgreSQL the lock is a
 * session advisory lock on one pooled connection, so it is shared by every instance on the
 * database and is released with the connection if the process dies mid-run; no setting tells an
 * instance whether it is "the" one. SQLite is a file on one machine, served by one instance: there
 * the caller's own guard against overlapping runs is enough, and `fn` just runs.
 */
export async function withJobLock<T>(
  strapi: Core.Strapi,
  name: string,
  fn: () => Promise<T>,
): Promise<T | null> {
  if (strapi.db.dialect.client !== 'postgres') return fn();
  const client = strapi.db.connection.client as {
    acquireConnection(): Promise<PgConnection>;
    releaseConnection(connection: PgConnection): Promise<void>;
  };
  const connection = await client.acquireConnection();
  try {
    const { rows } = await connection.query('SELECT pg_try_advisory_lock($1, $2) AS locked', [
      LOCK_NAMESPACE,
      jobLockKey(name),
    ]);
    if (!rows[0].locked) return null;
    try {
      return await fn();
    } finally {
      await connection.query('SELECT pg_advisory_unlock($1, $2)', [
        LOCK_NAMESPACE,
        jobLockKey(name),
      ]);
    }
  } finally {
    await client.releaseConnection(connection);
  }
}
