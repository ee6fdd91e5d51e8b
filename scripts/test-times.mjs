// @ts-check
/**
 * The slowest test files of one or more vitest JSON reports (`--reporter=json`), for CI's summary:
 * `node scripts/test-times.mjs [--top N] <label>=<report.json> ...`. A report that is missing (its
 * phase did not run) is said, not an error.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');

/**
 * @param {string[]} args
 * @returns {{ top: number, reports: Array<{ label: string, file: string }> }}
 */
export function parseArgs(args) {
  let top = 10;
  /** @type {Array<{ label: string, file: string }>} */
  const reports = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--top') top = Number(args[++i]);
    else {
      const [label, file] = /** @type {[string, string]} */ (args[i].split(/=(.*)/s, 2));
      reports.push({ label, file });
    }
  }
  return { top, reports };
}

/**
 * Each test file's time in each report, slowest first.
 * @param {Array<{ label: string, file: string }>} reports
 * @returns {{ rows: Array<{ label: string, file: string, seconds: number, tests: number }>, missing: string[] }}
 */
export function slowestFiles(reports) {
  /** @type {Array<{ label: string, file: string, seconds: number, tests: number }>} */
  const rows = [];
  const missing = [];
  for (const report of reports) {
    if (!existsSync(report.file)) {
      missing.push(report.label);
      continue;
    }
    /** @type {{ testResults: Array<{ name: string, startTime: number, endTime: number, assertionResults: unknown[] }> }} */
    const json = JSON.parse(readFileSync(report.file, 'utf8'));
    for (const result of json.testResults) {
      rows.push({
        label: report.label,
        file: relative(ROOT, result.name),
        seconds: (result.endTime - result.startTime) / 1000,
        tests: result.assertionResults.length,
      });
    }
  }
  rows.sort((a, b) => b.seconds - a.seconds);
  return { rows, missing };
}

if (import.meta.filename === process.argv[1]) {
  const { top, reports } = parseArgs(process.argv.slice(2));
  const { rows, missing } = slowestFiles(reports);
  console.log(`The ${Math.min(top, rows.length)} slowest of ${rows.length} test files:`);
  for (const row of rows.slice(0, top))
    console.log(
      `${row.seconds.toFixed(1).padStart(7)} s  ${row.label.padEnd(10)} ${row.file} (${row.tests} tests)`,
    );
  for (const label of missing) console.log(`(no report from ${label}: that phase did not run)`);
}
