import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Every relative link in README.md and docs/*.md names a file that exists, and every `#anchor` a
 * heading of the file it points into, as GitHub makes anchors from headings.
 */

const ROOT = resolve(import.meta.dirname, '../..');
const FILES = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

/** The text outside fenced code blocks and inline code, where links and headings live. */
function prose(markdown: string): string[] {
  let fenced = false;
  return markdown.split('\n').flatMap((line) => {
    if (/^\s*(```|~~~)/.test(line)) {
      fenced = !fenced;
      return [];
    }
    return fenced ? [] : [line.replace(/`[^`]*`/g, (code) => code.replace(/[[\]()]/g, ' '))];
  });
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
function anchorsOf(markdown: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const heading = !fenced && /^#{1,6} (.+?)\s*#*$/.exec(line)?.[1];
    if (!heading) continue;
    const text = heading.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[`*]/g, '');
    const base = text
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
      .replace(/ /g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

/** Every link target of a markdown file: `[text](target)` outside code. */
function linksOf(markdown: string): string[] {
  return prose(markdown).flatMap((line) =>
    [...line.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((match) => match[1]!),
  );
}

describe('the links of the README and the handbook', () => {
  it.each(FILES)('%s: every relative link and anchor resolves', (file) => {
    const markdown = readFileSync(join(ROOT, file), 'utf8');
    const broken: string[] = [];
    const relativeLinks = linksOf(markdown).filter((target) => !/^[a-z][a-z+.-]*:/i.test(target));
    for (const target of relativeLinks) {
      const [path, anchor] = target.split('#') as [string, string | undefined];
      const into = path === '' ? join(ROOT, file) : resolve(dirname(join(ROOT, file)), path);
      if (!existsSync(into)) {
        broken.push(`${target}: no file ${relative(ROOT, into)}`);
        continue;
      }
      if (anchor !== undefined && into.endsWith('.md')) {
        if (!anchorsOf(readFileSync(into, 'utf8')).has(decodeURIComponent(anchor)))
          broken.push(
            `${target}: no heading with the anchor #${anchor} in ${relative(ROOT, into)}`,
          );
      }
    }
    expect(broken).toEqual([]);
  });

  it('finds the links it checks', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(linksOf(readme)).toEqual(
      expect.arrayContaining(['docs/operating.md#requirements', 'docs/configuration.md']),
    );
    expect(
      anchorsOf(
        '# A\n## Accounts: what each role can and cannot do\n## 1. Packages and user\n## A',
      ),
    ).toEqual(
      new Set(['a', 'accounts-what-each-role-can-and-cannot-do', '1-packages-and-user', 'a-1']),
    );
  });
});
