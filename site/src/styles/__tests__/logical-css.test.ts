import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../..', import.meta.url));

// Physical directions break right-to-left pages; each has a logical twin (inline-start/end).
const PHYSICAL = [
  /(?<![\w-])(?:margin|padding|border|scroll-margin|scroll-padding)-(?:left|right)(?![\w])/,
  /(?<![\w-])border-(?:top|bottom)-(?:left|right)-radius/,
  /(?<![\w-])(?:left|right)\s*:/,
  /text-align\s*:\s*(?:left|right)\b/,
  /(?<![\w-])(?:float|clear)\s*:\s*(?:left|right)\b/,
];

/** Every physical-direction declaration in a stylesheet or component, as "line: text". */
function physicalProperties(source: string): string[] {
  // Comments may talk about "left-to-right"; only code counts. Line breaks are kept for line numbers.
  const code = source.replace(/\/\*[\s\S]*?\*\/|<!--[\s\S]*?-->/g, (comment) =>
    comment.replace(/[^\n]/g, ' '),
  );
  return code
    .split('\n')
    .flatMap((line, index) =>
      PHYSICAL.some((pattern) => pattern.test(line)) ? [`${index + 1}: ${line.trim()}`] : [],
    );
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : filesUnder(path);
    return ['.css', '.astro'].includes(extname(entry.name)) ? [path] : [];
  });
}

describe('physicalProperties', () => {
  it.each([
    'margin-left: 1rem;',
    'padding-right: 0;',
    'border-left: 1px solid;',
    'border-right-width: 2px;',
    'border-top-left-radius: 4px;',
    'left: 0;',
    '  right : 2px;',
    'text-align: left;',
    'text-align:right;',
    'float: left;',
    'clear: right;',
  ])('catches %s', (declaration) => {
    expect(physicalProperties(`.x {\n  ${declaration}\n}`)).toHaveLength(1);
  });

  it.each([
    'margin-inline-start: 1rem;',
    'padding-inline: 0;',
    'border-inline-start: 4px solid;',
    'inset-inline-end: 0;',
    'text-align: start;',
    'text-align: end;',
    '/* left-to-right and right-to-left */',
    '<!-- left: 0 -->',
  ])('lets %s pass', (declaration) => {
    expect(physicalProperties(`.x {\n  ${declaration}\n}`)).toEqual([]);
  });

  it('reports the line number', () => {
    expect(physicalProperties('a {}\n\nb { margin-left: 0 }')).toEqual(['3: b { margin-left: 0 }']);
  });
});

describe('site stylesheets and components', () => {
  const files = filesUnder(SRC);

  it('finds the files to scan', () => {
    expect(files.some((file) => file.endsWith('global.css'))).toBe(true);
    expect(files.some((file) => file.endsWith('Base.astro'))).toBe(true);
  });

  it('use logical properties only (inline-start/end, not left/right)', () => {
    const found = files.flatMap((file) =>
      physicalProperties(readFileSync(file, 'utf8')).map((hit) => `${relative(SRC, file)}:${hit}`),
    );
    expect(found, `physical properties found, use logical ones:\n${found.join('\n')}`).toEqual([]);
  });
});

describe('numbered lists', () => {
  it('count in Persian and Arabic digits on Persian and Arabic pages, as the text does', () => {
    const css = readFileSync(join(SRC, 'styles/global.css'), 'utf8');
    expect(css).toMatch(/ol:lang\(fa\)\s*\{\s*list-style-type:\s*persian;/);
    expect(css).toMatch(/ol:lang\(ar\)\s*\{\s*list-style-type:\s*arabic-indic;/);
  });
});
