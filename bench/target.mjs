// @ts-check
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@mobio/config';
import { cmsPortEnv, freePort } from './processes.mjs';

/** The super admin the CMS creates at its first start on the benchmark's database. */
export const ADMIN = { email: 'bench-admin@bench.mobio.example', password: 'Bench-Admin-2026' };

/**
 * Where one database's run lives: a folder of its own (documents, env file, logs), a new master
 * key, the database (a SQLite file there, or a new PostgreSQL database on the configured server)
 * and the CMS's environment for it, on a free port.
 * @param {'sqlite' | 'postgres'} client
 */
export async function benchTarget(client) {
  mkdirSync(join(REPO_ROOT, 'database', 'data'), { recursive: true });
  // Inside the repository (git-ignored): the copied site build resolves its packages from here.
  const dir = mkdtempSync(join(REPO_ROOT, 'database', 'data', '.bench-'));
  const masterKey = randomBytes(32);
  const target =
    client === 'sqlite'
      ? { client, filename: join(dir, 'bench.db') }
      : {
          client,
          host: process.env.DATABASE_HOST ?? '127.0.0.1',
          port: Number(process.env.DATABASE_PORT ?? 5432),
          user: process.env.DATABASE_USERNAME ?? 'mobio',
          password: process.env.DATABASE_PASSWORD ?? '',
          database: `mobio_bench_${Date.now().toString(36)}`,
          schema: process.env.DATABASE_SCHEMA ?? 'public',
        };
  const env = {
    NODE_ENV: 'production',
    STRAPI_TELEMETRY_DISABLED: 'true',
    MOBIO_ENV_FILE: join(dir, '.env'),
    HOST: '127.0.0.1',
    // Production requires a mail server; nothing listens here and nothing in the benchmark sends mail.
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: '9',
    DOCUMENTS_DIR: join(dir, 'documents'),
    DOCUMENTS_MASTER_KEY: masterKey.toString('base64'),
    UPLOAD_MAX_BYTES: String(30 * 1024 * 1024),
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
    ...(client === 'sqlite'
      ? { DATABASE_CLIENT: 'sqlite', DATABASE_FILENAME: target.filename }
      : { DATABASE_CLIENT: 'postgres', DATABASE_NAME: target.database }),
    ...cmsPortEnv(await freePort()),
  };
  return { dir, masterKey, target, env };
}
