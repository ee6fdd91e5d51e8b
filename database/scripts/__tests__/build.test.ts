import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { ROOT, missingOutputs } from '../build.mjs';

describe('build what is missing', () => {
  it('names every build output a fresh clone lacks, and none after the build', () => {
    expect(missingOutputs(mkdtempSync(join(tmpdir(), 'mobio-clone-')))).toEqual([
      'config/dist/index.js',
      'plugins/sharing/dist/server/index.js',
      'cms/dist/src/index.js',
      'cms/dist/build/index.html',
      'site/dist/server/entry.mjs',
    ]);
    // npm test builds before it runs the tests.
    expect(missingOutputs()).toEqual([]);
  });

  it('runs before every npm script whose code imports the built packages', () => {
    const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const checked = [];
    for (const [name, command] of Object.entries(scripts)) {
      const script = /node ((?!database\/scripts\/build\.mjs)[\w/-]+\.mjs)/.exec(command)?.[1];
      if (!script || !readFileSync(join(ROOT, script), 'utf8').includes("from '@mobio/config'")) continue;
      expect(command, `npm run ${name}`).toMatch(/^node database\/scripts\/build\.mjs && /);
      checked.push(name);
    }
    expect(checked).toEqual(expect.arrayContaining(['start', 'demo', 'bench', 'doctor', 'backup', 'restore', 'deploy:nginx']));
  });
});
