#!/usr/bin/env node
// @ts-check
/**
 * Builds what is missing — @mobio/config, the sharing plugin, the CMS with its admin panel, the
 * site — before a script that needs them starts. The scripts import @mobio/config, whose code is
 * its build output, so on a fresh clone they could not even load: package.json runs this first
 * (`node scripts/build.mjs && node scripts/start.mjs`). Imports nothing of the project.
 * `--rebuild` builds even when everything is there. On a Node.js older than the project's
 * (package.json engines, .nvmrc) it stops first with a message saying how to get the right one.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUTPUTS = [
  'config/dist/index.js',
  'plugins/sharing/dist/server/index.js',
  'cms/dist/src/index.js',
  'cms/dist/build/index.html',
  'site/dist/server/entry.mjs',
];

/** The Node.js major the project runs on; Astro 7 and better-sqlite3 13 refuse older ones. */
export const NODE_MAJOR = 24;

/** Whether `version` (as in `process.versions.node`) is older than NODE_MAJOR. */
export const nodeTooOld = (version = process.versions.node) =>
  Number(version.split('.')[0]) < NODE_MAJOR;

/** The build outputs missing under `root`. */
export const missingOutputs = (root = ROOT) =>
  OUTPUTS.filter((file) => !existsSync(join(root, file)));

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (nodeTooOld()) {
    console.error(
      `[mobio] Node.js ${NODE_MAJOR} or newer is needed, this is ${process.version}. Install Node.js ${NODE_MAJOR} (docs/operating.md, "Requirements": nvm install, npm i -g node@${NODE_MAJOR} or NodeSource ${NODE_MAJOR}.x) and run the command again.`,
    );
    process.exit(1);
  }
  const missing = missingOutputs();
  if (process.argv.includes('--rebuild') || missing.length > 0) {
    console.log(
      `[mobio] Building (config, plugin, CMS admin panel, site; about a minute)${missing.length > 0 ? `: ${missing.join(', ')} missing` : ''}…`,
    );
    const build = spawnSync('npm', ['run', 'build'], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, STRAPI_TELEMETRY_DISABLED: 'true' },
    });
    process.exit(build.status ?? 1);
  }
}
