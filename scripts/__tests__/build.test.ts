import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE_MAJOR, ROOT, missingOutputs, nodeTooOld } from '../build.mjs';

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
    const { scripts } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    /** Whether a script, or a module it imports from the repository, imports the built config. */
    const importsConfig = (file: string, seen = new Set<string>()): boolean => {
      if (seen.has(file)) return false;
      seen.add(file);
      const code = readFileSync(file, 'utf8');
      if (code.includes("from '@mobio/config'")) return true;
      return [...code.matchAll(/from '(\.{1,2}\/[^']+\.mjs)'/g)].some(([, relative]) =>
        importsConfig(join(dirname(file), relative), seen),
      );
    };
    const checked: string[] = [];
    for (const [name, command] of Object.entries(scripts)) {
      const script = /node ((?!scripts\/build\.mjs)[\w/-]+\.mjs)/.exec(command)?.[1];
      if (!script || !importsConfig(join(ROOT, script))) continue;
      expect(command, `npm run ${name}`).toMatch(/^node scripts\/build\.mjs && /);
      checked.push(name);
    }
    expect(checked).toEqual(
      expect.arrayContaining([
        'start',
        'demo',
        'bench',
        'doctor',
        'backup',
        'restore',
        'deploy:nginx',
      ]),
    );
  });

  it('stops npm start and the other scripts on a Node.js older than the one the project names', () => {
    expect(nodeTooOld('20.20.2')).toBe(true);
    expect(nodeTooOld('22.12.0')).toBe(true);
    expect(nodeTooOld('24.0.0')).toBe(false);
    expect(nodeTooOld('26.1.0')).toBe(false);
    expect(nodeTooOld()).toBe(false);
    // One version everywhere: engines, .nvmrc, .node-version.
    const { engines } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      engines: { node: string };
    };
    expect(engines.node).toBe(`>=${NODE_MAJOR}`);
    expect(readFileSync(join(ROOT, '.nvmrc'), 'utf8').trim()).toBe(String(NODE_MAJOR));
    expect(readFileSync(join(ROOT, '.node-version'), 'utf8').trim()).toBe(String(NODE_MAJOR));
  });

  it('tells how to get the right Node.js when started on an older one', () => {
    // The script's own check, run as if on Node 20: the version is read from process.versions.
    const run = spawnSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `
      Object.defineProperty(process, 'version', { value: 'v20.20.2' });
      Object.defineProperty(process.versions, 'node', { value: '20.20.2' });
      process.argv[1] = ${JSON.stringify(join(ROOT, 'scripts/build.mjs'))};
      await import(${JSON.stringify(join(ROOT, 'scripts/build.mjs'))});
    `,
      ],
      { encoding: 'utf8' },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`Node.js ${NODE_MAJOR} or newer is needed, this is v20.20.2`);
    expect(run.stderr).toContain(`npm i -g node@${NODE_MAJOR}`);
  });
});
