import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { CMS_DIR, type CmsTemplate, postgres, withPostgresAdmin } from './harness';

/*
 * vitest globalSetup of every project whose tests start the CMS: the template database, prepared
 * once per run. A start on an empty database spends most of its time creating tables, permissions
 * and roles (≈ 10–20 s on two cores); a copy of a database that has been through that once starts
 * in ≈ 1–4 s. freshEnv() copies it (SQLite: the file; PostgreSQL: CREATE DATABASE … TEMPLATE);
 * freshEnv(extra, { empty: true }) is for the few tests about a first start.
 *
 * The projects share one template: their global setups run in the same vitest process, so the
 * preparation is kept on globalThis, and the last teardown removes it.
 */

interface Shared {
  template: Promise<CmsTemplate>;
  users: number;
}
const KEY = Symbol.for('mobio.cmsTemplate');
const shared = globalThis as unknown as Record<typeof KEY, Shared | undefined>;

/** Loads Strapi once on the given environment (register, migrations, bootstrap) and exits. */
const LOAD_ONCE = `
const { createStrapi } = require('@strapi/strapi');
createStrapi({ appDir: process.argv[1], distDir: process.argv[2] })
  .load()
  .then((strapi) => strapi.destroy())
  .then(() => process.exit(0), (error) => { console.error(error); process.exit(1); });
`;

function loadOnce(env: Record<string, string>): Promise<void> {
  // A process of its own: Strapi's destroy() removes every process listener, vitest's included.
  const child = spawn(process.execPath, ['-e', LOAD_ONCE, CMS_DIR, join(CMS_DIR, 'dist')], {
    cwd: CMS_DIR,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((done, fail) =>
    child.once('exit', (code) =>
      code === 0
        ? done()
        : fail(new Error(`preparing the template database failed (${code}):\n${output}`)),
    ),
  );
}

async function prepare(): Promise<CmsTemplate> {
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'mobio-template-'));
  const env: Record<string, string> = {
    NODE_ENV: 'test',
    STRAPI_TELEMETRY_DISABLED: 'true',
    MOBIO_ENV_FILE: join(dir, '.env'),
    DOCUMENTS_DIR: join(dir, 'documents'),
  };
  let template: CmsTemplate;
  if (postgres()) {
    const name = `mobio_template_${process.pid}_${Date.now().toString(36)}`;
    await withPostgresAdmin((client) => client.query(`CREATE DATABASE ${name}`));
    const server = `${process.env.DATABASE_HOST ?? '127.0.0.1'}:${process.env.DATABASE_PORT ?? 5432}`;
    template = { client: 'postgres', name, server, dir };
    env.DATABASE_NAME = name;
  } else {
    template = { client: 'sqlite', file: join(dir, 'template.db'), dir };
    env.DATABASE_CLIENT = 'sqlite';
    env.DATABASE_FILENAME = template.file!;
  }
  await loadOnce(env);
  if (template.file && existsSync(`${template.file}-wal`))
    throw new Error('the template database was left with a write-ahead log: it cannot be copied');
  console.log(
    `[template] ${template.client} template database prepared in ${Date.now() - started} ms`,
  );
  return template;
}

async function remove(template: CmsTemplate) {
  if (template.name)
    await withPostgresAdmin((client) =>
      client.query(`DROP DATABASE IF EXISTS ${template.name} WITH (FORCE)`),
    );
  rmSync(template.dir, { recursive: true, force: true });
}

export async function setup(project: TestProject) {
  const current = (shared[KEY] ??= { template: prepare(), users: 0 });
  current.users += 1;
  project.provide('cmsTemplate', await current.template);
}

export async function teardown() {
  const current = shared[KEY];
  if (!current || --current.users > 0) return;
  shared[KEY] = undefined;
  await remove(await current.template);
}
