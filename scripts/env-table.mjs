// @ts-check
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { envTable } from '../config/dist/env-docs.js';

/**
 * Writes the configuration table, generated from the environment schema (`.describe()` of each
 * variable in config/src/env-schema.ts), between the markers of docs/configuration.md. Run it through
 * `npm run docs:config`, which builds config first; a test fails while the file differs.
 */

const FILE = resolve(fileURLToPath(import.meta.url), '../../docs/configuration.md');
const START = '<!-- config-table:start -->';
const END = '<!-- config-table:end -->';

const text = readFileSync(FILE, 'utf8');
const [before, rest] = text.split(START);
const after = rest?.split(END)[1];
if (before === undefined || after === undefined) {
  console.error(`${FILE}: the markers ${START} and ${END} are missing`);
  process.exit(1);
}
writeFileSync(FILE, `${before}${START}\n\n${envTable()}\n\n${END}${after}`);
console.log(`[mobio] wrote the configuration table into ${FILE}`);
