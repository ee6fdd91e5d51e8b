// @ts-check
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { REPO_ROOT } from '@mobio/config';
import { connect, postgresAdmin } from './db.mjs';
import { benchDocuments } from './documents.mjs';
import { adminLogin, newcomerLogin } from './http.mjs';
import { measure } from './measure.mjs';
import { measureDashboard } from './measurements/dashboard.mjs';
import { measureLoad } from './measurements/load.mjs';
import { queryPlans } from './measurements/query-plans.mjs';
import { measureRecord, prepareRecord } from './measurements/record.mjs';
import { measureShared } from './measurements/shared.mjs';
import { coldStarts } from './measurements/start.mjs';
import { settle, startCmsListening, stop, track, waitFor } from './processes.mjs';
import { BENCH_PASSWORDS, seedScale } from './seed.mjs';
import { startSite } from './site.mjs';
import { ADMIN, benchTarget } from './target.mjs';

const require = createRequire(join(REPO_ROOT, 'cms', 'package.json'));

/**
 * Seeds one database and measures everything on it; returns the figures (report.mjs prints them).
 * @param {'sqlite' | 'postgres'} client
 * @param {import('./options.mjs').BenchOptions} options
 */
export async function benchDatabase(client, options) {
  const { only, connections } = options;
  const result = { client, items: {} };
  const { dir, masterKey, target, env } = await benchTarget(client);
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

    if (only.has('start')) result.items.start = await coldStarts(env, options.starts, log);

    // --cpu-prof <dir>: a V8 CPU profile of the measured CMS process, written when it stops.
    const profile = options.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProf}`] : [];
    cms = await startCmsListening(env, [...profile, join(REPO_ROOT, 'bench/cms-server.mjs')]);
    // Where it listens now, for every request below.
    const cmsUrl = env.CMS_INTERNAL_URL;
    const staffToken = await adminLogin(cmsUrl, staff0.email, BENCH_PASSWORDS.staff);
    const owner = await newcomerLogin(cmsUrl, seed.newcomers[0].email);
    Object.assign(result, await prepareRecord(cmsUrl, staffToken, owner));
    const search = seed.searchTermOf(staff0);
    result.search = search;
    // After each run the CMS finishes what is still queued before the next one starts.
    const run = (targets, c) =>
      measure(targets, {
        connections: c,
        duration: options.duration,
        between: () => settle(cmsUrl),
      });
    const actors = { cmsUrl, staffToken, owner, search, connections };

    if (only.has('plans')) {
      log('query plans');
      result.plans = await queryPlans(db, cmsUrl, { staffToken, owner, search });
    }
    await db.close();

    if (only.has('record')) {
      log('1: the full record, checked and plain');
      result.items.record = await measureRecord(run, actors);
    }

    if (only.has('shared')) {
      log('2: shared with me');
      result.items.shared = await measureShared(run, actors);
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
      result.items.dashboard = await measureDashboard(run, { ...actors, site });
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

    if (only.has('load'))
      result.items.load = await measureLoad({ cmsUrl, siteUrl: site?.url, seed, options, log });
  } finally {
    await stop(site?.child);
    await stop(cms);
    if (!options.keep) {
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
