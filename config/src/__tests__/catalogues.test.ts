import { describe, expect, it } from 'vitest';
import { CONFIG_CATALOGUES, catalogueSchema, checkCatalogue, LOCALE_NAMES } from '../i18n/index';
import { LOCALES } from '../locales';
import de from '../i18n/de.json';

const copy = <T>(value: T): T => structuredClone(value);

describe("config's catalogues", () => {
  it.each(LOCALES)('the %s catalogue has exactly the German keys', (locale) => {
    expect(() => checkCatalogue(`${locale}.json`, de, CONFIG_CATALOGUES[locale])).not.toThrow();
  });

  it('refuses a catalogue missing a nested key, naming its path and the file', () => {
    const raw = copy(CONFIG_CATALOGUES.en);
    delete (raw.reference.cefrLevels as Partial<typeof raw.reference.cefrLevels>).B2;
    expect(() => checkCatalogue('en.json', de, raw)).toThrow(
      /en\.json[\s\S]*reference\.cefrLevels/,
    );
  });

  it('refuses a key German does not have', () => {
    const raw = copy(CONFIG_CATALOGUES.fr);
    Object.assign(raw.planCatalogue.language.goal, { extra: 'En trop' });
    expect(catalogueSchema(de).safeParse(raw).success).toBe(false);
  });

  it('refuses an empty text and a dropped {placeholder}', () => {
    const empty = copy(CONFIG_CATALOGUES.ar);
    empty.cv.title = ' ';
    expect(catalogueSchema(de).safeParse(empty).success).toBe(false);
    const dropped = copy(CONFIG_CATALOGUES.fa);
    dropped.mail.retentionNotice.body = 'بدون تاریخ';
    expect(() => checkCatalogue('fa.json', de, dropped)).toThrow(/placeholders/);
  });

  it('names every language in that language', () => {
    expect(LOCALE_NAMES.de).toBe('Deutsch');
    expect(new Set(Object.values(LOCALE_NAMES)).size).toBe(LOCALES.length);
  });
});
