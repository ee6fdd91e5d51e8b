import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * `npm run typecheck` checks every source file in the repository: each tracked TypeScript,
 * JavaScript and Astro file is in the program of one of the tsconfigs its steps run, and is checked
 * there (no `// @ts-nocheck`; a JavaScript file under `checkJs` or with `// @ts-check` at its top).
 * The steps are read from the script itself, so a new `tsc -p` step is all it takes to cover a new
 * folder.
 */

const ROOT = resolve(__dirname, '../..');
const SOURCE = /\.(ts|tsx|mts|cts|js|mjs|cjs|astro)$/;
const JS = /\.(js|mjs|cjs)$/;

/** Tracked files that no step checks, each with its reason. */
const EXCEPTIONS: Record<string, string> = {
  'plugins/sharing/strapi-server.js':
    "Strapi's one-line CommonJS entry of the plugin: it requires the compiled dist/ of server/src " +
    '(checked by `tsc -p plugins/sharing`), which a program taking it in would check as JavaScript',
};

type Step = { command: string; tsconfig: string; extraExtensions: ts.FileExtensionInfo[] };

/** The tsconfig behind each step of a `typecheck` script run in `dir`. */
function steps(dir: string): Step[] {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    scripts: Record<string, string>;
  };
  return pkg.scripts.typecheck!.split('&&').flatMap((raw): Step[] => {
    const command = raw.trim();
    const tsc = /^tsc -p (\S+)( --noEmit)?$/.exec(command);
    if (tsc) {
      const target = join(dir, tsc[1]!);
      const tsconfig = target.endsWith('.json') ? target : join(target, 'tsconfig.json');
      return [{ command, tsconfig, extraExtensions: [] }];
    }
    const workspace = /^npm run typecheck -w (\S+)$/.exec(command);
    if (workspace) return steps(join(dir, workspace[1]!));
    // astro check: the workspace's tsconfig, with .astro files taken in as the Astro language
    // server takes them.
    if (/^(\w+=\S+ )*astro check$/.test(command)) {
      const astro = {
        extension: '.astro',
        isMixedContent: true,
        scriptKind: ts.ScriptKind.Deferred,
      };
      return [{ command, tsconfig: join(dir, 'tsconfig.json'), extraExtensions: [astro] }];
    }
    throw new Error(`typecheck step "${command}" in ${dir}: teach this test which files it checks`);
  });
}

/** The files a step checks, relative to the repository. */
function checkedBy(step: Step): string[] {
  const parsed = ts.getParsedCommandLineOfConfigFile(
    step.tsconfig,
    undefined,
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
      },
    },
    undefined,
    undefined,
    step.extraExtensions,
  );
  if (!parsed) throw new Error(`${step.tsconfig}: not readable`);
  expect(parsed.errors.map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual(
    [],
  );
  return parsed.fileNames
    .filter((file) => {
      const text = readFileSync(file, 'utf8');
      if (/^\s*\/\/ @ts-nocheck/m.test(text)) return false;
      // A JavaScript file is checked when the program says so or it asks, before any code.
      return !JS.test(file) || parsed.options.checkJs || /^(#!.*\n)?\/\/ @ts-check\n/.test(text);
    })
    .map((file) => relative(ROOT, file));
}

describe('npm run typecheck', () => {
  const all = steps(ROOT);

  it('knows the tsconfig behind each step of the script', () => {
    expect(all.filter((step) => !existsSync(step.tsconfig)).map((s) => s.command)).toEqual([]);
    expect(all.map((step) => relative(ROOT, step.tsconfig))).toContain('site/tsconfig.json');
  });

  it('checks every tracked source file', () => {
    const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
      .split('\0')
      .filter((file) => SOURCE.test(file));
    const checked = new Set(all.flatMap(checkedBy));
    const unchecked = tracked.filter((file) => !checked.has(file) && !(file in EXCEPTIONS));
    expect(unchecked).toEqual([]);
    // An exception that has become checked, or has gone, is taken out of the list.
    expect(Object.keys(EXCEPTIONS).filter((f) => checked.has(f) || !tracked.includes(f))).toEqual(
      [],
    );
  });
});
