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
import { cpus, totalmem } from 'node:os';
import { benchDatabase } from './database.mjs';
import { parseOptions } from './options.mjs';
import { report } from './report.mjs';
import { GRANTS_OF_MEASURED_STAFF, sizes } from './seed.mjs';

/*
 * The parts, one job each: options.mjs (the command line), target.mjs (a database's folder and
 * environment), processes.mjs (starting and stopping the CMS and the site), seed.mjs and seed/
 * (the district), database.mjs (one database's run), measurements/ (one file per item), measure.mjs
 * and load.mjs (autocannon and the load test), report.mjs (the Markdown table).
 */

const options = parseOptions();

const started = Date.now();
const cpu = cpus();
console.log(`## MoBio benchmark, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
console.log('');
console.log(
  `Machine: ${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB RAM, Node ${process.version}, ${process.platform}. ` +
    `Targets are ratios on this machine in this run. Staff member measured: ${Math.min(GRANTS_OF_MEASURED_STAFF, sizes(options.scale).newcomers)} grants expected.`,
);
console.log('');
for (const client of options.databases) {
  const result = await benchDatabase(client, options);
  console.log(report(result, options));
  console.log('');
}
console.log(`Total ${((Date.now() - started) / 1000).toFixed(0)} s.`);
process.exit(0);
