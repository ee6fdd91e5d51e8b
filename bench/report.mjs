// @ts-check
import { fullScans } from './measurements/query-plans.mjs';
import { STATIC_PAGE } from './site.mjs';

const ms = (v) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
const pair = (m) => `${ms(m.p50)} / ${ms(m.p95)} ms`;
const ratio = (a, b) => `${(a.p50 / b.p50).toFixed(2)}× / ${(a.p95 / b.p95).toFixed(2)}×`;
const yes = (ok) => (ok ? 'yes' : '**no**');
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const failures = (...runs) => {
  const n = runs.reduce((sum, r) => sum + r.failures, 0);
  return n === 0 ? '' : ` (${n} failed requests!)`;
};

/**
 * One database's figures as Markdown: the table of measurements against their targets, then the
 * notes under it and the query plans.
 * @param {any} result what benchDatabase returned
 * @param {import('./options.mjs').BenchOptions} options
 */
export function report(result, options) {
  const { connections } = options;
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
