import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import type { Core } from '@strapi/strapi';
import { inject } from 'vitest';

/**
 * Boots the real MoBio Strapi (compiled by `npm run build`) in this process on a temporary
 * database of its own, listening on a free loopback port. SQLite by default; PostgreSQL when the
 * environment says DATABASE_CLIENT=postgres (a database of its own is created for each test file
 * and dropped). The database is a copy of the run's template (cms/test/template.ts), or empty.
 */

export const CMS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// Strapi's ESM build trips over lodash/fp directory imports: load its CommonJS build.
const require = createRequire(import.meta.url);

export interface TestCms {
  strapi: Core.Strapi;
  url: string;
  /** Stops Strapi and removes the temporary database, keeping it when `keep` is set. */
  stop(options?: { keep?: boolean }): Promise<void>;
  /** What the test needs to boot the same database again (bootstrap idempotency). */
  env: Record<string, string>;
}

export const postgres = () => process.env.DATABASE_CLIENT === 'postgres';

/** The run's template database (a SQLite file, or a PostgreSQL database to copy), in `dir`. */
export interface CmsTemplate {
  client: 'sqlite' | 'postgres';
  file?: string;
  /** PostgreSQL: the template database, on `server` (host:port). */
  name?: string;
  server?: string;
  dir: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Provided by cms/test/template.ts in the projects whose tests start the CMS. */
    cmsTemplate?: CmsTemplate;
  }
}

/** The few methods of pg's Client the harness uses (pg ships no types; @types/pg is not installed). */
interface PgClient {
  connect(): Promise<void>;
  query(sql: string): Promise<{ rows: any[] }>;
  end(): Promise<void>;
}

export async function withPostgresAdmin<T>(fn: (client: PgClient) => Promise<T>): Promise<T> {
  const { Client } = require('pg') as { Client: new (options: object) => PgClient };
  const client = new Client({
    host: process.env.DATABASE_HOST ?? '127.0.0.1',
    port: Number(process.env.DATABASE_PORT ?? 5432),
    user: process.env.DATABASE_USERNAME,
    password: process.env.DATABASE_PASSWORD,
    database: 'postgres',
  });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The run's template, if it lives where this test's database will (postgres-down has a server of its own). */
function templateFor(template: CmsTemplate | undefined): CmsTemplate | undefined {
  if (!template?.name) return template;
  const server = `${process.env.DATABASE_HOST ?? '127.0.0.1'}:${process.env.DATABASE_PORT ?? 5432}`;
  return template.server === server ? template : undefined;
}

/** The worker's environment before its first CMS, kept where every module instance finds it. */
const BASELINE = Symbol.for('mobio.harness.baselineEnv');
const processEnv = globalThis as { [BASELINE]?: Record<string, string | undefined> };

/**
 * A database of its own and private folders, as environment variables. The database is a copy of
 * the run's template, set up as a first start leaves it (roles, locales, permissions; no people,
 * no admin): `empty` for the tests about the first start itself (bootstrap, upgrade, migrations).
 */
export async function freshEnv(
  extra: Record<string, string> = {},
  { empty = false }: { empty?: boolean } = {},
): Promise<Record<string, string>> {
  // A new installation: process.env as the worker began, before any CMS set its variables (and
  // generated its secrets) there. A restart of the same installation keeps them, as before; the
  // files of a worker share its process (isolate: false), and none sees an earlier one's. (A test
  // that points process.env elsewhere itself, as postgres-down does, runs in a process of its own.)
  const baseline = (processEnv[BASELINE] ??= { ...process.env });
  for (const name of Object.keys(process.env)) if (!(name in baseline)) delete process.env[name];
  Object.assign(process.env, baseline);
  const template = empty ? undefined : templateFor(inject('cmsTemplate'));
  const dir = mkdtempSync(join(tmpdir(), 'mobio-test-'));
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    STRAPI_TELEMETRY_DISABLED: 'true',
    MOBIO_ENV_FILE: join(dir, '.env'),
    DOCUMENTS_DIR: join(dir, 'documents'),
    UPLOAD_TEMP_DIR: join(dir, 'upload-tmp'),
    MOBIO_TEST_DIR: dir,
    // In the environment, not only in the generated .env: a site started after the CMS (which
    // takes process.env) names client addresses to it with the same secret.
    CLIENT_ADDRESS_SECRET: randomBytes(24).toString('base64'),
    ...extra,
  };
  if (postgres()) {
    const name = `mobio_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
    const from = template?.name ? ` TEMPLATE ${template.name}` : '';
    await withPostgresAdmin((client) => client.query(`CREATE DATABASE ${name}${from}`));
    env.DATABASE_NAME = name;
  } else {
    env.DATABASE_CLIENT = 'sqlite';
    env.DATABASE_FILENAME = join(dir, 'test.db');
    if (template?.file) copyFileSync(template.file, env.DATABASE_FILENAME);
  }
  return env;
}

/** Removes a freshEnv's database and folders (for tests that start Strapi processes of their own). */
export async function removeEnv(env: Record<string, string>): Promise<void> {
  if (postgres())
    await withPostgresAdmin((client) =>
      client.query(`DROP DATABASE IF EXISTS ${env.DATABASE_NAME} WITH (FORCE)`),
    );
  rmSync(env.MOBIO_TEST_DIR, { recursive: true, force: true });
}

/**
 * Runs SQL on a test environment's database directly, without Strapi (fixtures, checks before a
 * start): a whole script with `script`, else one statement whose rows are returned (on
 * PostgreSQL with every value as text).
 */
export async function rawSql(
  env: Record<string, string>,
  sql: string,
  { script = false } = {},
): Promise<any[]> {
  if (!postgres()) {
    const Database = require('better-sqlite3');
    const db = new Database(env.DATABASE_FILENAME);
    try {
      if (script) {
        db.exec(sql);
        return [];
      }
      return db.prepare(sql).all();
    } finally {
      db.close();
    }
  }
  const { Client } = require('pg') as { Client: new (options: object) => PgClient };
  const client = new Client({
    host: process.env.DATABASE_HOST ?? '127.0.0.1',
    port: Number(process.env.DATABASE_PORT ?? 5432),
    user: process.env.DATABASE_USERNAME,
    password: process.env.DATABASE_PASSWORD,
    database: env.DATABASE_NAME,
    // Every value as PostgreSQL's text: Strapi changes pg's global parsers (JSON, dates) when it loads.
    types: { getTypeParser: () => (value: string) => value },
  });
  await client.connect();
  try {
    const result = await client.query(sql);
    return script ? [] : result.rows;
  } finally {
    await client.end();
  }
}

interface RateLimitModule {
  Stores: { Memory: { cleanAll(): void } };
}

/** Boots Strapi on the given (or a fresh) environment. */
export async function startCms(given?: Record<string, string>): Promise<TestCms> {
  const env = given ?? (await freshEnv());
  Object.assign(process.env, env);

  // strapi.destroy() calls process.removeAllListeners(), which would also take vitest's own
  // listeners (its worker channel, its unhandled-rejection handler) away, for a moment or for good.
  // During destroy, "remove all" removes only what was added after this point.
  const before = new Map(
    process
      .eventNames()
      .map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]),
  );

  // A CMS in a process of its own starts without rate-limit counts. The files of a worker share one
  // process (isolate: false), and Strapi's limits count in a store that lives in the module.
  (require('koa2-ratelimit') as RateLimitModule).Stores.Memory.cleanAll();
  const { createStrapi } = require('@strapi/strapi') as typeof import('@strapi/strapi');
  const strapi = createStrapi({ appDir: CMS_DIR, distDir: join(CMS_DIR, 'dist') });
  strapi.log.level = 'warn';
  await strapi.load();
  const server = strapi.server.listen(0, '127.0.0.1') as import('node:http').Server;
  await new Promise<void>((ready) =>
    server.listening ? ready() : server.once('listening', () => ready()),
  );
  const { port } = server.address() as AddressInfo;

  return {
    strapi,
    url: `http://127.0.0.1:${port}`,
    env,
    async stop({ keep = false } = {}) {
      // eslint-disable-next-line @typescript-eslint/unbound-method -- put back on process below
      const removeAll = process.removeAllListeners;
      process.removeAllListeners = ((event?: string | symbol) => {
        for (const name of event === undefined ? process.eventNames() : [event]) {
          for (const listener of process.listeners(name as NodeJS.Signals)) {
            if (!before.get(name)?.has(listener))
              process.removeListener(name as NodeJS.Signals, listener);
          }
        }
        return process;
      }) as typeof process.removeAllListeners;
      try {
        await strapi.destroy();
      } finally {
        process.removeAllListeners = removeAll;
      }
      if (keep) return;
      await removeEnv(env);
    },
  };
}

/** JSON over HTTP against the test CMS; returns status and parsed body. */
export async function api(
  cms: Pick<TestCms, 'url'>,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; raw?: string } = {},
): Promise<{ status: number; body: any }> {
  const response = await fetch(cms.url + path, {
    method,
    headers: {
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      ...(options.body !== undefined || options.raw !== undefined
        ? { 'content-type': 'application/json' }
        : {}),
    },
    body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const text = await response.text();
  let body: any = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body };
}

let counter = 0;

/** Registers a newcomer through the public route and returns the JWT and user id. */
export async function registerNewcomer(
  cms: Pick<TestCms, 'url'>,
  name = `newcomer${++counter}${Date.now()}`,
) {
  const { status, body } = await api(cms, 'POST', '/api/auth/local/register', {
    body: { username: name, email: `${name}@example.test`, password: 'Geheim123!' },
  });
  if (status !== 200) throw new Error(`registration failed: ${status} ${JSON.stringify(body)}`);
  return { jwt: body.jwt as string, id: body.user.id as number, email: body.user.email as string };
}

/** Logs a staff member into the admin API and returns the admin JWT. */
export async function adminLogin(
  cms: Pick<TestCms, 'url'>,
  email: string,
  password: string,
): Promise<string> {
  const { status, body } = await api(cms, 'POST', '/admin/login', { body: { email, password } });
  if (status !== 200)
    throw new Error(`admin login failed for ${email}: ${status} ${JSON.stringify(body)}`);
  return body.data.token;
}

/** Creates an active staff member with one admin role (by code) and logs them in. */
export async function createStaff(cms: TestCms, name: string, roleCode = 'integration-manager') {
  const role = await cms.strapi.service('admin::role').findOne({ code: roleCode });
  const email = `${name.toLowerCase()}@staff.example`;
  const user = await cms.strapi.service('admin::user').create({
    email,
    firstname: name,
    lastname: 'Berater',
    password: 'Staff1234!',
    isActive: true,
    registrationToken: null,
    roles: [role.id],
  });
  return { id: user.id as number, email, token: await adminLogin(cms, email, 'Staff1234!') };
}

/** Uploads a file into the private vault as a newcomer: raw body, metadata in the query. */
export async function uploadDocument(
  cms: Pick<TestCms, 'url'>,
  token: string | undefined,
  body: Buffer,
  query: Record<string, string> = { kind: 'certificate', title: 'Zeugnis' },
  type = 'application/octet-stream',
) {
  const response = await fetch(`${cms.url}/api/sharing/documents?${new URLSearchParams(query)}`, {
    method: 'POST',
    headers: { 'content-type': type, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: new Uint8Array(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/**
 * A grant written straight into the database, as a test's set-up: for tests about what a grant lets
 * staff see and do, not about how a newcomer gives it (no consent step, no receipt, no log entry).
 * It runs out `days` days from now (negative: already expired), or at `expiresAt` (null: never);
 * `revokedAt` makes it a revoked one.
 */
export function grantDirectly(
  cms: Pick<TestCms, 'strapi'>,
  grant: {
    owner: number;
    grantee: number;
    sections: string[];
    access: 'read' | 'write';
    purpose: string;
    revokedAt?: Date;
  } & ({ days: number } | { expiresAt: Date | null }),
) {
  const { days, ...rest } = grant as typeof grant & { days?: number };
  return cms.strapi.db.query('plugin::sharing.grant').create({
    data:
      days === undefined ? rest : { ...rest, expiresAt: new Date(Date.now() + days * 86_400_000) },
  });
}
