// @ts-check
import { spawn } from 'node:child_process';
import { cpSync, existsSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT } from '@mobio/config';

export const SITE_DIST = join(REPO_ROOT, 'site', 'dist');
/** The static copy of the rendered dashboard, served from the copied build's client folder. */
export const STATIC_PAGE = '/bench-static-dashboard.html';

/**
 * Starts the site as built in site/dist — from a copy in the benchmark's folder, so that a build
 * running meanwhile cannot change it under the benchmark and so that the static page can be put
 * beside the build's own assets without touching site/dist. Returns undefined when there is no build.
 */
export async function startSite({ dir, env, waitFor }) {
  if (!existsSync(join(SITE_DIST, 'server', 'entry.mjs'))) return undefined;
  const copy = join(dir, 'site-dist');
  cpSync(SITE_DIST, copy, { recursive: true });
  // The build imports the site's dependencies by name, and npm may keep them in site/node_modules
  // (Astro 7 and what it brings are not hoisted): the copy finds them there, as site/dist does,
  // and the rest in the repository's node_modules above. Removing `dir` removes only the link.
  const siteModules = join(REPO_ROOT, 'site', 'node_modules');
  if (existsSync(siteModules)) symlinkSync(siteModules, join(dir, 'node_modules'), 'dir');
  // Port 0: the server binds a port the system gives it and names it in its "Server listening on"
  // line, so that no other process can take the port between choosing it and binding it.
  const child = spawn(process.execPath, [join(copy, 'server', 'entry.mjs')], {
    env: { ...process.env, ...env, NODE_ENV: 'production', HOST: '127.0.0.1', PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  /** @type {string} */
  const url = await new Promise((resolve, reject) => {
    let output = '';
    /** @param {Buffer} chunk */
    const read = (chunk) => {
      output += chunk;
      const found = /Server listening on (http:\/\/127\.0\.0\.1:[1-9]\d*)/.exec(output)?.[1];
      if (!found) return;
      // The rest of its log is not needed.
      child.stdout.off('data', read).resume();
      resolve(found);
    };
    child.stdout.on('data', read);
    child.once('exit', (code) =>
      reject(new Error(`the site exited (${code}) before it listened:\n${output}`)),
    );
  });
  await waitFor(child, `${url}/health`, 200);
  return {
    url,
    child,
    /** Writes `html` as a plain file the site's static handler serves. */
    addStaticPage: (html) => writeFileSync(join(copy, 'client', STATIC_PAGE.slice(1)), html),
  };
}

/**
 * What the page makes a browser download: the HTML plus every stylesheet, script and module
 * preload it links, each gzip-compressed (level 6), in bytes.
 */
export async function pageWeight(url, html) {
  /** @type {{ css: string[], js: string[] }} */
  const assets = { css: [], js: [] };
  for (const tag of html.match(/<(?:link|script)\b[^>]*>/g) ?? []) {
    const src = /\b(?:href|src)="([^"]+)"/.exec(tag)?.[1];
    if (!src || (/^(?:https?:)?\/\//.test(src) && !src.startsWith(url))) continue;
    if (tag.startsWith('<script')) assets.js.push(src);
    else if (/rel="stylesheet"/.test(tag)) assets.css.push(src);
    else if (/rel="modulepreload"/.test(tag)) assets.js.push(src);
  }
  const gz = (text) => gzipSync(Buffer.from(text)).length;
  let inlineJs = 0;
  for (const script of html.match(/<script\b(?![^>]*\bsrc=)[^>]*>[\s\S]*?<\/script>/g) ?? [])
    inlineJs += gz(script);
  const fetchAll = async (list) => {
    let total = 0;
    for (const src of new Set(list)) {
      const res = await fetch(new URL(src, url));
      if (res.status !== 200) throw new Error(`${src}: ${res.status}`);
      total += gz(Buffer.from(await res.arrayBuffer()));
    }
    return total;
  };
  return {
    html: gz(html),
    css: await fetchAll(assets.css),
    js: (await fetchAll(assets.js)) + inlineJs,
    files: assets,
  };
}
