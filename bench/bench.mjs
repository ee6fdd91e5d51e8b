#!/usr/bin/env node
// @ts-check
/**
 * `npm run bench`: MoBio measured at scale, as ratios against plain Strapi and a static page on
 * the same machine in one run. Seeds a district (scale 1: 10,000 newcomers with full biographies,
 * 100,000 grants, 1,000,000 audit events) on SQLite, and on PostgreSQL when DATABASE_CLIENT=postgres
 * and the DATABASE_* connection variables are set, then prints one table per database:
 *
 *   1. a grantee reading a newcomer's full record through the checked route vs. a plain read of
 *      the same data on the same server, p50/p95 and ratio, at 1 and 50 connections (autocannon);
 *   2. "shared with me" of a staff member with 500 grants: first page and a search;
 *   3. the site's dashboard for a logged-in newcomer vs. a static copy of it from the same server,
 *      plus the gzip weight of its HTML, CSS and JS;
 *   4. a 25 MB document through the vault vs. the media library: time and peak RSS growth;
 *   5. CMS cold start to a healthy /_health;
 *   then the load test (100 simulated users with think time, 60 s, mixed work: throughput, p95, errors) and the
 *   query plans of the grant lookup, the access log and "shared with me".
 *
 * It prints figures and says which targets are met; it fails only when something breaks.
 * Options: --scale <n> (1), --duration <s> per measurement (10), --load-duration <s> (60),
 * --load-users <n> (100), --think <ms,…> mean think time of a simulated user, one load test per value (3000; 0: none), --starts <n> cold starts (3), --connections <list> (1,50), --db sqlite|postgres|both,
 * --only <items> (1,2,3,4,5,load,plans or record,shared,dashboard,documents,start), --keep.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from '@mobio/config';
import { connect, postgresAdmin } from './db.mjs';
import { benchDocuments } from './documents.mjs';
import { loadTest } from './load.mjs';
import { measure } from './measure.mjs';
import {
  BENCH_PASSWORDS,
  GRANTS_OF_MEASURED_STAFF,
  GRANTS_PER_NEWCOMER,
  seedScale,
  sizes,
} from './seed.mjs';
import { STATIC_PAGE, pageWeight, startSite } from './site.mjs';

const require = createRequire(join(REPO_ROOT, 'cms', 'package.json'));
const CMS_DIR = join(REPO_ROOT, 'cms');
const STRAPI = join(REPO_ROOT, 'node_modules/@strapi/strapi/bin/strapi.js');
const ADMIN = { email: 'bench-admin@bench.mobio.example', password: 'Bench-Admin-2026' };
const ITEMS = { 1: 'record', 2: 'shared', 3: 'dashboard', 4: 'documents', 5: 'start' };

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    duration: { type: 'string', default: '10' },
    'load-duration': { type: 'string', default: '60' },
    'load-users': { type: 'string', default: '100' },
    think: { type: 'string', default: '3000' },
    starts: { type: 'string', default: '3' },
    connections: { type: 'string', default: '1,50' },
    db: { type: 'string' },
    only: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
  },
});
const options = {
  scale: Number(args.scale),
  duration: Number(args.duration),
  loadDuration: Number(args['load-duration']),
  loadUsers: Number(args['load-users']),
  starts: Number(args.starts),
};
const thinkTimes = args.think.split(',').map(Number);
if (!thinkTimes.every((t) => t >= 0))
  throw new Error('--think: expected a list of milliseconds (0 or more)');
for (const [name, value] of Object.entries(options)) {
  if (!(value > 0)) throw new Error(`--${name}: expected a positive number`);
}
const connections = args.connections.split(',').map(Number);
if (!connections.every((c) => Number.isInteger(c) && c > 0))
  throw new Error('--connections: expected a list of positive integers');
const only = new Set(
  (args.only ?? '1,2,3,4,5,load,plans').split(',').map((item) => ITEMS[item.trim()] ?? item.trim()),
);
for (const item of only) {
  if (!['record', 'shared', 'dashboard', 'documents', 'start', 'load', 'plans'].includes(item))
    throw new Error(`--only: unknown item ${item}`);
}
const postgresConfigured = process.env.DATABASE_CLIENT === 'postgres';
const databases =
  args.db === 'both'
    ? ['sqlite', 'postgres']
    : args.db
      ? [args.db]
      : postgresConfigured
        ? ['sqlite', 'postgres']
        : ['sqlite'];
if (databases.includes('postgres') && !postgresConfigured)
  throw new Error(
    '--db postgres needs DATABASE_CLIENT=postgres and the DATABASE_* connection variables',
  );

// ---------------------------------------------------------------------------------------------
// Processes

const children = new Set();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
      server.close(() => resolve(port));
    });
  });
/** Whether some process listens on `port` now. */
const taken = (port) =>
  new Promise((answer) => {
    const server = createServer()
      .once('error', () => answer(true))
      .listen(port, '127.0.0.1', () => server.close(() => answer(false)));
  });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `url` until it answers `status`; throws when the process exits first or after 3 minutes. */
async function waitFor(child, url, status) {
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`${url}: the process exited (${child.exitCode ?? child.signalCode})`);
    try {
      if ((await fetch(url)).status === status) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer ${status} within 3 minutes`);
    await sleep(25);
  }
}

/** Waits until the server answers its health check at once again (its queue has drained). */
async function settle(url) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const t0 = performance.now();
    await fetch(`${url}/_health`).catch(() => {});
    if (performance.now() - t0 < 20) return;
    await sleep(100);
  }
}

function track(child) {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

async function stop(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  // SIGINT: Strapi shuts down cleanly (and a CPU profile gets written).
  child.kill('SIGINT');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/** `strapi start` on the benchmark's database, or the benchmark's own start script (extra routes). */
function startCms(env, script = [STRAPI, 'start']) {
  // Its log (a line per request) goes to cms.log in the benchmark's folder: kept with --keep.
  const log = openSync(join(dirname(env.MOBIO_ENV_FILE), 'cms.log'), 'a');
  const child = spawn(process.execPath, script, {
    cwd: CMS_DIR,
    env: { ...process.env, ...env },
    stdio: ['ignore', log, 'inherit'],
  });
  closeSync(log);
  return track(child);
}

/** The CMS's environment for `port`: CMS_PORT and the URLs it and the site use. */
function cmsPortEnv(port) {
  const url = `http://127.0.0.1:${port}`;
  return { CMS_PORT: String(port), CMS_PUBLIC_URL: url, CMS_INTERNAL_URL: url };
}

/**
 * startCms, then waits for its health check. Strapi needs its port up front, found free before the
 * start: when another process has taken it in between (the CMS exited and the port is in use), the
 * CMS starts again on a new free port, which `env` then names.
 */
async function startCmsListening(env, script) {
  for (let attempt = 1; ; attempt++) {
    const child = startCms(env, script);
    try {
      await waitFor(child, `${env.CMS_INTERNAL_URL}/_health`, 204);
      return child;
    } catch (error) {
      await stop(child);
      if (attempt >= 5 || !(await taken(Number(env.CMS_PORT)))) throw error;
      Object.assign(env, cmsPortEnv(await freePort()));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// HTTP helpers

/**
 * One JSON request to the CMS; the answer's status, parsed JSON (undefined if it is none) and text.
 * @param {string} url
 * @param {string} method
 * @param {string} path
 * @param {{ token?: string, body?: unknown, headers?: Record<string, string> }} [options]
 */
async function call(url, method, path, { token, body, headers = {} } = {}) {
  const res = await fetch(url + path, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text };
}
async function newcomerLogin(url, email) {
  const res = await call(url, 'POST', '/api/auth/local', {
    body: { identifier: email, password: BENCH_PASSWORDS.newcomer },
  });
  if (res.status !== 200) throw new Error(`login of ${email}: ${res.status} ${res.text}`);
  return { jwt: res.json.jwt, id: res.json.user.id, documentId: res.json.user.documentId };
}
async function adminLogin(url, email, password) {
  const res = await call(url, 'POST', '/admin/login', { body: { email, password } });
  if (res.status !== 200) throw new Error(`admin login of ${email}: ${res.status} ${res.text}`);
  return res.json.data.token;
}
const PLAN = '/content-manager/collection-types/api::integration-plan.integration-plan';
async function createPlan(url, token, ownerId) {
  const res = await call(url, 'POST', PLAN, {
    token,
    body: {
      title: 'Integrationsplan 2026/27',
      version: 1,
      planStatus: 'draft',
      owner: { connect: [{ id: ownerId }] },
      notes: 'Ziel: Anerkennung des Abschlusses und eine Stelle im erlernten Beruf.',
      fieldsOfAction: [
        {
          field: 'language',
          situation: 'Deutsch B1, Fachsprache fehlt.',
          goals: [
            { description: 'Fachsprachprüfung C1 bestehen', dueDate: '2027-06-30', status: 'open' },
          ],
          measures: [
            { description: 'Fachsprachkurs buchen', responsible: 'newcomer', status: 'inProgress' },
          ],
        },
        {
          field: 'work',
          situation: 'Acht Jahre Berufserfahrung.',
          goals: [
            {
              description: 'Anerkennungsverfahren abschließen',
              dueDate: '2027-12-31',
              status: 'inProgress',
            },
          ],
          measures: [
            { description: 'Unterlagen einreichen', responsible: 'newcomer', status: 'open' },
          ],
        },
      ],
      reviews: [{ date: '2027-03-01', note: 'Erste Überprüfung' }],
    },
  });
  if (res.status !== 201 && res.status !== 200)
    throw new Error(`plan for user ${ownerId}: ${res.status} ${res.text}`);
  return res.json.data.documentId;
}

// ---------------------------------------------------------------------------------------------
// One database

/** Seeds one database and measures everything on it; returns the figures. */
async function benchDatabase(client) {
  const result = { client, items: {} };
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
  const log = (line) => console.error(`[bench ${client}] ${line}`);
  let cms;
  let site;
  try {
    if (client === 'postgres') await postgresAdmin(target, `CREATE DATABASE ${target.database}`);

    log('first start: the CMS creates its tables, roles and the super admin');
    let t0 = performance.now();
    cms = await startCmsListening(env);
    result.firstStart = (performance.now() - t0) / 1000;
    await stop(cms);

    log(`seeding scale ${options.scale}`);
    const hashes = {
      newcomer: require('bcryptjs').hashSync(BENCH_PASSWORDS.newcomer, 10),
      staff: require('bcryptjs').hashSync(BENCH_PASSWORDS.staff, 10),
    };
    const db = await connect(target);
    t0 = performance.now();
    const seed = await seedScale(db, {
      scale: options.scale,
      documentsDir: env.DOCUMENTS_DIR,
      masterKey,
      hashes,
      log,
    });
    result.seedSeconds = (performance.now() - t0) / 1000;
    result.seed = { size: seed.size, seconds: seed.seconds };
    const staff0 = seed.staff[0];
    result.staffGrants = seed.grantsOf.get(staff0.id)?.length ?? 0;
    log(`seeded in ${result.seedSeconds.toFixed(1)} s`);

    if (only.has('start')) {
      const times = [];
      for (let i = 0; i < options.starts; i++) {
        t0 = performance.now();
        cms = await startCmsListening(env);
        times.push((performance.now() - t0) / 1000);
        await stop(cms);
      }
      result.items.start = {
        seconds: times.sort((a, b) => a - b)[Math.floor(times.length / 2)],
        runs: times.length,
        all: times,
      };
      log(`cold start ${times.map((t) => t.toFixed(2)).join(', ')} s`);
    }

    // --cpu-prof <dir>: a V8 CPU profile of the measured CMS process, written when it stops.
    const profile = args['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${args['cpu-prof']}`] : [];
    cms = await startCmsListening(env, [...profile, join(REPO_ROOT, 'bench/cms-server.mjs')]);
    // Where it listens now, for every request below.
    const cmsUrl = env.CMS_INTERNAL_URL;
    const staffToken = await adminLogin(cmsUrl, staff0.email, BENCH_PASSWORDS.staff);
    const owner = await newcomerLogin(cmsUrl, seed.newcomers[0].email);
    // Newcomer 0 shares everything with staff 0, who writes their plan: the record has all six sections.
    await createPlan(cmsUrl, staffToken, owner.id);
    const record = await call(cmsUrl, 'GET', `/sharing/records/${owner.documentId}`, {
      token: staffToken,
    });
    if (record.status !== 200)
      throw new Error(`the measured record: ${record.status} ${record.text}`);
    result.recordSections = record.json.data.sections.map(
      (section) => `${section.code} ${section.entries.length}`,
    );
    const plain = await call(cmsUrl, 'GET', `/bench/plain-record/${owner.documentId}`, {
      token: staffToken,
    });
    if (plain.status !== 200) throw new Error(`the plain record: ${plain.status} ${plain.text}`);
    result.recordBytes = { checked: record.text.length, plain: plain.text.length };
    const search = seed.searchTermOf(staff0);
    result.search = search;
    // After each run the CMS finishes what is still queued before the next one starts.
    const run = (targets, c) =>
      measure(targets, {
        connections: c,
        duration: options.duration,
        between: () => settle(cmsUrl),
      });

    if (only.has('plans')) {
      log('query plans');
      result.plans = await queryPlans(db, cmsUrl, { staffToken, owner, search });
    }
    await db.close();

    if (only.has('record')) {
      log('1: the full record, checked and plain');
      const headers = { authorization: `Bearer ${staffToken}` };
      result.items.record = [];
      for (const c of connections) {
        const [checked, baseline] = await run(
          [
            { url: `${cmsUrl}/sharing/records/${owner.documentId}`, headers },
            { url: `${cmsUrl}/bench/plain-record/${owner.documentId}`, headers },
          ],
          c,
        );
        result.items.record.push({ connections: c, checked, baseline });
      }
    }

    if (only.has('shared')) {
      log('2: shared with me');
      const headers = { authorization: `Bearer ${staffToken}` };
      result.items.shared = [];
      for (const c of connections) {
        const [first, searched] = await run(
          [
            { url: `${cmsUrl}/sharing/shared-with-me`, headers },
            {
              url: `${cmsUrl}/sharing/shared-with-me?search=${encodeURIComponent(search)}`,
              headers,
            },
          ],
          c,
        );
        result.items.shared.push({ connections: c, first, search: searched });
      }
    }

    const needSite = only.has('dashboard') || only.has('load');
    if (needSite) {
      site = await startSite({
        dir,
        env: {
          MOBIO_ENV_FILE: env.MOBIO_ENV_FILE,
          CMS_INTERNAL_URL: cmsUrl,
          SMTP_HOST: env.SMTP_HOST,
          SMTP_PORT: env.SMTP_PORT,
        },
        waitFor,
      });
      if (site) track(site.child);
      else
        log('site/dist is missing: the site is not measured (build it with npm run build -w site)');
    }

    if (only.has('dashboard') && site) {
      log('3: the dashboard and its static copy');
      const cookie = { cookie: `mobio_session=${owner.jwt}` };
      const page = await fetch(`${site.url}/de/dashboard`, { headers: cookie, redirect: 'manual' });
      const html = await page.text();
      // A site build that cannot render the page is reported, not a reason to stop the benchmark.
      if (page.status !== 200)
        result.items.dashboard = { error: `GET /de/dashboard answered ${page.status}` };
      else {
        site.addStaticPage(html);
        result.items.dashboard = { weight: await pageWeight(site.url, html), runs: [] };
      }
      for (const c of page.status === 200 ? connections : []) {
        const [pageRun, baseline] = await run(
          [
            { url: `${site.url}/de/dashboard`, headers: cookie },
            { url: `${site.url}${STATIC_PAGE}` },
          ],
          c,
        );
        result.items.dashboard.runs.push({ connections: c, page: pageRun, baseline });
      }
      if (page.status === 200) {
        // What the page waits for: its two CMS calls, each asked alone on one connection.
        const headers = { authorization: `Bearer ${owner.jwt}` };
        const [session, overview] = await run(
          [
            { url: `${cmsUrl}/api/users/me`, headers },
            { url: `${cmsUrl}/api/sharing/overview`, headers },
          ],
          1,
        );
        result.items.dashboard.calls = { session, overview };
      }
    }

    if (only.has('documents')) {
      log('4: a 25 MB document');
      const adminJwt = await adminLogin(cmsUrl, ADMIN.email, ADMIN.password);
      result.items.documents = await benchDocuments({
        url: cmsUrl,
        pid: cms.pid,
        newcomerJwt: owner.jwt,
        adminJwt,
        dir,
        runs: 3,
      });
    }

    if (only.has('load')) {
      result.items.load = [];
      const people = await loadPeople(cmsUrl, seed);
      for (const think of thinkTimes) {
        log(
          `load: ${options.loadUsers} users for ${options.loadDuration} s, think time ${think} ms`,
        );
        result.items.load.push(
          await loadTest({
            cmsUrl,
            siteUrl: site?.url,
            duration: options.loadDuration,
            users: options.loadUsers,
            think,
            ...people,
          }),
        );
        await settle(cmsUrl);
      }
    }
  } finally {
    await stop(site?.child);
    await stop(cms);
    if (!args.keep) {
      if (client === 'postgres')
        await postgresAdmin(
          target,
          `DROP DATABASE IF EXISTS ${target.database} WITH (FORCE)`,
        ).catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    } else log(`kept ${dir}${client === 'postgres' ? ` and database ${target.database}` : ''}`);
  }
  return result;
}

/** The load test's people: logged in first, each staff member with a plan they may write. */
async function loadPeople(cmsUrl, seed) {
  const { newcomers, staff } = seed;
  // Staff of the first half work; newcomers give (and revoke) their new grants to the second half,
  // so that a record a staff member picks from their list cannot be revoked under them.
  const half = Math.floor(staff.length / 2);
  const working = staff.slice(1, Math.min(half, 26));
  const listings = staff.slice(half).map((member) => member.listing);
  const apiUsers = Math.max(1, Math.round(options.loadUsers * 0.6));
  const siteUsers = Math.max(1, Math.round(options.loadUsers * 0.15));
  const pick = (from, count) =>
    Array.from({ length: count }, (_, i) => newcomers[1 + ((from + i) % (newcomers.length - 1))]);
  const login = async (list) => {
    const out = [];
    for (const person of list)
      out.push({ ...person, ...(await newcomerLogin(cmsUrl, person.email)) });
    return out;
  };
  const apiNewcomers = await login(pick(0, Math.min(apiUsers, newcomers.length - 1)));
  const siteNewcomers = await login(pick(apiUsers, Math.min(siteUsers, newcomers.length - 1)));
  const staffUsers = [];
  for (const member of working) {
    const token = await adminLogin(cmsUrl, member.email, BENCH_PASSWORDS.staff);
    // Each staff member's first grant (see the seed) covers every section with write access.
    const ownerIndex = Math.floor(staff.indexOf(member) / GRANTS_PER_NEWCOMER);
    staffUsers.push({
      token,
      plan: await createPlan(cmsUrl, token, newcomers[ownerIndex].id),
      search: seed.searchTermOf(member),
    });
  }
  const pdf = Buffer.concat([
    Buffer.from('%PDF-1.7\n'),
    Buffer.alloc(64 * 1024, 0x20),
    Buffer.from('\n%%EOF\n'),
  ]);
  return { newcomers: apiNewcomers, siteNewcomers, staff: staffUsers, listings, pdf };
}

/**
 * The statements Strapi runs for the grant lookup (a staff request), the access log and "shared
 * with me", captured in the CMS, and the plan the database chooses for each at this scale.
 */
async function queryPlans(db, cmsUrl, { staffToken, owner, search }) {
  const traced = async (request) => {
    await call(cmsUrl, 'POST', '/bench/trace');
    await request();
    return (await call(cmsUrl, 'DELETE', '/bench/trace')).json.filter((q) =>
      /^\s*select/i.test(q.sql),
    );
  };
  // Table names are quoted with backticks on SQLite, with double quotes on PostgreSQL.
  const PERSONAL =
    /[`"](profiles|language_skills|education_entries|employment_entries|documents|integration_plans)[`"]/;
  const PLUGIN = /[`"](sharing_\w+|profiles|up_users)[`"]/;
  const record = () =>
    call(cmsUrl, 'GET', `/sharing/records/${owner.documentId}`, { token: staffToken });
  const groups = [
    {
      name: 'admin session check (every staff request)',
      filter: (sql) => /strapi_sessions/.test(sql),
      request: record,
    },
    {
      name: 'grant lookup (every staff request)',
      filter: (sql) => /sharing_grants/.test(sql),
      request: record,
    },
    {
      name: 'staff reads a record: each section scoped by the sharing rule',
      filter: (sql) => PERSONAL.test(sql),
      request: record,
    },
    {
      name: 'newcomer reads their own list (GET /api/language-skills)',
      filter: (sql) => /language_skills|sharing_account_activity/.test(sql),
      request: () => call(cmsUrl, 'GET', '/api/language-skills', { token: owner.jwt }),
    },
    {
      name: 'access log (newcomer, first page)',
      filter: (sql) => /sharing_audit_events/.test(sql),
      request: () => call(cmsUrl, 'GET', '/api/sharing/access-log', { token: owner.jwt }),
    },
    {
      name: '"shared with me" (first page)',
      filter: (sql) => PLUGIN.test(sql),
      request: () => call(cmsUrl, 'GET', '/sharing/shared-with-me', { token: staffToken }),
    },
    {
      name: `"shared with me" (search ${search})`,
      filter: (sql) => PLUGIN.test(sql),
      request: () =>
        call(cmsUrl, 'GET', `/sharing/shared-with-me?search=${encodeURIComponent(search)}`, {
          token: staffToken,
        }),
    },
  ];
  const out = [];
  for (const group of groups) {
    const statements = [];
    const seen = new Set();
    for (const query of await traced(group.request)) {
      // The same statement with another number of values in a list is shown once.
      const shape = query.sql.replace(/\?(, \?)+/g, '?…');
      if (!group.filter(query.sql) || seen.has(shape)) continue;
      seen.add(shape);
      statements.push({ sql: query.sql, plan: await db.explain(query.sql, query.bindings) });
    }
    out.push({ name: group.name, statements });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Report

const ms = (v) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
const pair = (m) => `${ms(m.p50)} / ${ms(m.p95)} ms`;
const ratio = (a, b) => `${(a.p50 / b.p50).toFixed(2)}× / ${(a.p95 / b.p95).toFixed(2)}×`;
const yes = (ok) => (ok ? 'yes' : '**no**');
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const failures = (...runs) => {
  const n = runs.reduce((sum, r) => sum + r.failures, 0);
  return n === 0 ? '' : ` (${n} failed requests!)`;
};

function report(result) {
  const lines = [];
  const { size } = result.seed;
  const name = result.client === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  lines.push(`### ${name}`, '');
  lines.push(
    `Scale ${options.scale}: ${size.newcomers.toLocaleString('en')} newcomers with full biographies and a stored certificate each, ${size.grants.toLocaleString('en')} grants, ` +
      `${size.auditEvents.toLocaleString('en')} audit events, ${size.staff} staff; seeded in ${result.seedSeconds.toFixed(1)} s ` +
      `(${Object.entries(result.seed.seconds)
        .map(([k, v]) => `${k} ${v.toFixed(1)} s`)
        .join(', ')}). ` +
      `autocannon, ${options.duration} s per measurement after a warm-up.`,
    '',
  );
  lines.push(
    '| # | measurement | conn. | MoBio p50 / p95 | compared with, p50 / p95 | ratio p50 / p95 | target | met |',
  );
  lines.push('| --- | --- | --- | --- | --- | --- | --- | --- |');
  const { record, shared, dashboard, documents, start, load } = result.items;
  for (const row of record ?? []) {
    const ok =
      row.checked.p50 / row.baseline.p50 <= 1.2 && row.checked.p95 / row.baseline.p95 <= 1.2;
    lines.push(
      `| 1 | full record (${result.recordSections.length} sections), \`/sharing/records\` vs plain read | ${row.connections} | ${pair(row.checked)}${failures(row.checked, row.baseline)} | ${pair(row.baseline)} | ${ratio(row.checked, row.baseline)} | ≤ 1.2× | ${yes(ok)} |`,
    );
  }
  for (const row of shared ?? []) {
    const target = row.connections === 1 ? 'p95 ≤ 50 ms' : '–';
    const ok = (m) => (row.connections === 1 ? yes(m.p95 <= 50) : '–');
    lines.push(
      `| 2 | shared with me (${result.staffGrants} grants), first page | ${row.connections} | ${pair(row.first)}${failures(row.first)} | – | – | ${target} | ${ok(row.first)} |`,
    );
    lines.push(
      `| 2 | shared with me, search "${result.search}" | ${row.connections} | ${pair(row.search)}${failures(row.search)} | – | – | ${target} | ${ok(row.search)} |`,
    );
  }
  if (dashboard?.error)
    lines.push(
      `| 3 | dashboard: not measured, ${dashboard.error} | – | – | – | – | ≤ 2× | **no** |`,
    );
  if (dashboard?.weight) {
    for (const row of dashboard.runs) {
      const ok = row.page.p50 / row.baseline.p50 <= 2 && row.page.p95 / row.baseline.p95 <= 2;
      lines.push(
        `| 3 | dashboard, logged in, vs its static copy | ${row.connections} | ${pair(row.page)}${failures(row.page, row.baseline)} | ${pair(row.baseline)} | ${ratio(row.page, row.baseline)} | ≤ 2× | ${yes(ok)} |`,
      );
    }
    const { calls } = dashboard;
    if (calls) {
      lines.push(
        `| 3 | its CMS call 1, alone: \`/api/users/me\` (who is logged in) | 1 | ${pair(calls.session)}${failures(calls.session)} | – | – | – | – |`,
      );
      lines.push(
        `| 3 | its CMS call 2, alone: \`/api/sharing/overview\` (what the page shows) | 1 | ${pair(calls.overview)}${failures(calls.overview)} | – | – | – | – |`,
      );
    }
    const w = dashboard.weight;
    lines.push(
      `| 3 | dashboard weight, gzip | – | HTML ${kb(w.html)}, CSS ${kb(w.css)}, JS ${kb(w.js)} | – | – | JS ≤ 20 KB | ${yes(w.js <= 20 * 1024)} |`,
    );
  }
  if (documents) {
    const d = documents;
    lines.push(
      `| 4 | 25 MB upload, vault vs media library (median of ${d.runs}) | 1 | ${d.vaultUpload.ms.toFixed(0)} ms | ${d.plainUpload.ms.toFixed(0)} ms | ${(d.vaultUpload.ms / d.plainUpload.ms).toFixed(2)}× | ≤ 1.3× | ${yes(d.vaultUpload.ms / d.plainUpload.ms <= 1.3)} |`,
    );
    lines.push(
      `| 4 | peak RSS growth of the CMS, upload | 1 | ${d.vaultUpload.mb.toFixed(1)} MB | ${d.plainUpload.mb.toFixed(1)} MB | – | ≤ 64 MB | ${yes(d.vaultUpload.mb <= 64)} |`,
    );
    lines.push(
      `| 4 | 25 MB download, vault (decrypting) vs static file | 1 | ${d.vaultDownload.ms.toFixed(0)} ms | ${d.plainDownload.ms.toFixed(0)} ms | ${(d.vaultDownload.ms / d.plainDownload.ms).toFixed(2)}× | – | – |`,
    );
    lines.push(
      `| 4 | peak RSS growth of the CMS, download | 1 | ${d.vaultDownload.mb.toFixed(1)} MB | ${d.plainDownload.mb.toFixed(1)} MB | – | ≤ 64 MB | ${yes(d.vaultDownload.mb <= 64)} |`,
    );
  }
  if (start) {
    lines.push(
      `| 5 | CMS cold start to \`/_health\` 204 (median of ${start.runs}; first start on the empty database ${result.firstStart.toFixed(1)} s) | – | ${start.seconds.toFixed(2)} s | – | – | ≤ 15 s | ${yes(start.seconds <= 15)} |`,
    );
  }
  for (const run of load ?? []) {
    lines.push(
      `| L | load: ${run.users} users, ${run.duration} s, mixed work, think time ${run.think / 1000} s | ${run.users} | ${ms(run.p50)} / ${ms(run.p95)} ms, ${run.rps.toFixed(0)} req/s, ${run.requests} requests | – | – | 0 errors | ${yes(run.errors === 0)} (${run.errors}) |`,
    );
  }
  lines.push('');
  lines.push(
    `1: the same staff member and newcomer, the same server: \`/sharing/records/:ownerId\` (the grant lookup, each section scoped by the sharing rule, ` +
      `${result.recordSections.length} audit events written in one transaction, German labels; ${kb(result.recordBytes.checked)}) vs \`/bench/plain-record/:ownerId\`, ` +
      `a route only the benchmark's CMS process has: the same six types through the same document service as system code, so the rule steps aside, ` +
      `filtered by owner the way Strapi's REST API filters (\`filters[owner][id]\`), sanitized like the REST API, no audit (${kb(result.recordBytes.plain)}). ` +
      `Both pass the same admin login, whose permission check already looks up the staff member's grants. Sections read: ${result.recordSections.join(', ')}.`,
  );
  lines.push(
    `2: the 50 ms target applies to one connection; with ${Math.max(...connections)} connections the time is mostly waiting in the one CMS process's queue.`,
  );
  if (dashboard?.weight)
    lines.push(
      `3: the rendered dashboard saved as \`${STATIC_PAGE}\` in the client folder of a copy of site/dist and served by the same site process.`,
    );
  for (const run of load ?? []) {
    lines.push(
      `Load, think time ${run.think / 1000} s: ${run.groups.map((g) => `${g.name} ${g.users} users, ${g.rps.toFixed(0)} req/s, p50 ${ms(g.p50)} / p95 ${ms(g.p95)} ms`).join('; ')}.`,
    );
    const slowest = run.groups
      .flatMap((g) => g.steps.filter((s) => s.requests > 0))
      .sort((a, b) => b.p95 - a.p95)
      .slice(0, 5);
    lines.push(
      `Slowest steps (p50 / p95): ${slowest.map((s) => `${s.step} ${ms(s.p50)} / ${ms(s.p95)} ms`).join('; ')}.`,
    );
    if (run.errors > 0)
      lines.push(
        `Errors: ${Object.entries(run.errorDetails)
          .map(([k, v]) => `${k} ×${v}`)
          .join('; ')}.`,
      );
  }
  if (result.plans) {
    lines.push(
      '',
      `Query plans (${result.client === 'sqlite' ? 'EXPLAIN QUERY PLAN' : 'EXPLAIN ANALYZE'}), the statements Strapi ran:`,
      '',
    );
    for (const group of result.plans) {
      lines.push(`- ${group.name}:`);
      for (const statement of group.statements) {
        lines.push(
          `  - \`${statement.sql.replace(/\s+/g, ' ').slice(0, 220)}${statement.sql.length > 220 ? ' …' : ''}\``,
        );
        for (const line of statement.plan) lines.push(`    ${line}`);
      }
    }
    const scans = fullScans(result);
    const small =
      options.scale < 0.1
        ? ' (at this scale the tables are small and scanning them is what a planner should do)'
        : '';
    lines.push(
      '',
      scans.length === 0
        ? 'No full scan of a large table in these plans.'
        : `Full scans${small}: ${scans.join('; ')}.`,
    );
  }
  return lines.join('\n');
}

const LARGE =
  /(strapi_sessions|up_users|profiles|language_skills|education_entries|employment_entries|documents|sharing_grants|sharing_audit_events|sharing_account_activity)\w*/;
/** Plan lines that read a whole large table instead of searching an index. */
function fullScans(result) {
  const found = new Set();
  for (const group of result.plans ?? []) {
    for (const statement of group.statements) {
      for (const line of statement.plan) {
        const sqlite = /^\s*SCAN (\S+)(?! USING (?:COVERING )?INDEX)/.exec(line);
        const pg = /Seq Scan on (\S+)/.exec(line);
        const table = sqlite ? aliasTable(statement.sql, sqlite[1]) : pg?.[1];
        if (table && LARGE.test(table) && !/USING (COVERING )?INDEX/.test(line))
          found.add(`${group.name}: ${table}`);
      }
    }
  }
  return [...found];
}
/** SQLite names a table by its alias in a plan (`SCAN t1`): the table behind it. */
function aliasTable(sql, alias) {
  const match = new RegExp(`[\`"]?(\\w+)[\`"]?\\s+as\\s+[\`"]?${alias}[\`"]?\\b`, 'i').exec(sql);
  return match?.[1] ?? alias;
}

// ---------------------------------------------------------------------------------------------

const started = Date.now();
const cpu = cpus();
console.log(`## MoBio benchmark, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
console.log('');
console.log(
  `Machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, ${process.platform}. ` +
    `Targets are ratios on this machine in this run. Staff member measured: ${Math.min(GRANTS_OF_MEASURED_STAFF, sizes(options.scale).newcomers)} grants expected.`,
);
console.log('');
for (const client of databases) {
  const result = await benchDatabase(client);
  console.log(report(result));
  console.log('');
}
console.log(`Total ${((Date.now() - started) / 1000).toFixed(0)} s.`);
process.exit(0);
