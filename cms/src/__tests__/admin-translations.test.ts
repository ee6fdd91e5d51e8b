import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import ours from '../admin/translations/de.json';
import pluginDe from '../../../plugins/sharing/admin/src/translations/de.json';
import pluginEn from '../../../plugins/sharing/admin/src/translations/en.json';

const STRAPI = fileURLToPath(new URL('../../../node_modules/@strapi/', import.meta.url));
const PLUGIN_ADMIN = fileURLToPath(new URL('../../../plugins/sharing/admin/src/', import.meta.url));

/** The admin catalogues staff see every day: the panel, the Content Manager, the media library, accounts, locales. */
const CATALOGUES: Array<[string, string]> = [
  ['admin/dist/admin/admin/src/translations/', ''],
  ['content-manager/dist/admin/translations/', 'content-manager.'],
  ['upload/dist/admin/translations/', 'upload.'],
  ['plugin-users-permissions/dist/admin/translations/', 'users-permissions.'],
  ['i18n/dist/admin/translations/', 'i18n.'],
];

async function catalogue(
  dir: string,
  locale: string,
  prefix: string,
): Promise<Record<string, string>> {
  const { default: data } = (await import(join(STRAPI, dir, `${locale}.json.mjs`))) as {
    default: Record<string, string>;
  };
  return Object.fromEntries(Object.entries(data).map(([key, text]) => [`${prefix}${key}`, text]));
}

/** The ICU arguments of a message (`{name}`, `{count, plural, …}`), not the words inside its branches. */
const placeholders = (text: string) =>
  [...text.matchAll(/\{\s*(\w+)\s*[,}]/g)].map((match) => match[1]).sort();

describe('the admin panel in German', () => {
  it('has a German text for every string of Strapi’s panels that staff use (Strapi’s own German plus ours)', async () => {
    const missing: string[] = [];
    for (const [dir, prefix] of CATALOGUES) {
      const english = await catalogue(dir, 'en', prefix);
      const german = { ...(await catalogue(dir, 'de', prefix)), ...ours } as Record<string, string>;
      missing.push(
        ...Object.keys(english).filter((key) => english[key].trim() && !german[key]?.trim()),
      );
    }
    expect(
      missing,
      'English strings without German (add them to cms/src/admin/translations/de.json)',
    ).toEqual([]);
  });

  it('translates only strings that exist, with the same placeholders', async () => {
    const english: Record<string, string> = {};
    for (const [dir, prefix] of CATALOGUES)
      Object.assign(english, await catalogue(dir, 'en', prefix));
    for (const [key, text] of Object.entries(ours as Record<string, string>)) {
      expect(english[key], `${key} is no string of Strapi 5.54`).toBeDefined();
      expect(placeholders(text), key).toEqual(placeholders(english[key]));
    }
  });
});

describe('the staff workspace’s catalogues', () => {
  const sources = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return name === '__tests__' ? [] : sources(path);
      return /\.tsx?$/.test(name) ? [readFileSync(path, 'utf8')] : [];
    });

  it('has the same keys in German and English, none empty, with the same placeholders', () => {
    expect(Object.keys(pluginEn).sort()).toEqual(Object.keys(pluginDe).sort());
    for (const [key, text] of Object.entries(pluginDe)) {
      const english = (pluginEn as Record<string, string>)[key];
      expect(text.trim() && english.trim(), key).toBeTruthy();
      expect(placeholders(english), key).toEqual(placeholders(text));
    }
  });

  it('knows every key the pages ask for, and no page writes German itself', () => {
    const code = sources(PLUGIN_ADMIN).join('\n');
    const asked = [...code.matchAll(/\bt\(\s*'([\w.]+)'/g)].map((match) => match[1]);
    expect(asked.length).toBeGreaterThan(50);
    expect(asked.filter((key) => !(key in pluginDe))).toEqual([]);
    // German words in string literals or JSX text would be strings outside the catalogue.
    const literals =
      code
        .replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')
        .match(/(['"`>])[^'"`<>{}\n]*[äöüßÄÖÜ][^'"`<>{}\n]*\1?/g) ?? [];
    expect(literals).toEqual([]);
  });
});
