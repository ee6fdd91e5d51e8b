import { describe, expect, it } from 'vitest';
import { CONFIG_CATALOGUES, catalogueSchema, checkCatalogue, LOCALE_NAMES } from '../i18n/index';
import { LOCALES } from '../locales';
import de from '../i18n/de.json';

const copy = <T>(value: T): T => structuredClone(value);

type Texts = { [key: string]: string | Texts };
/** Every text of a catalogue with its path (`site.landing.title`, `cv.title`, …). */
const textsOf = (texts: Texts, path = ''): Array<[string, string]> =>
  Object.entries(texts).flatMap(([key, value]) =>
    typeof value === 'string' ? [[path + key, value]] : textsOf(value, `${path}${key}.`),
  );

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

  it('writes Ukrainian without Russian letters and with the typographic apostrophe (’)', () => {
    for (const [key, value] of textsOf(CONFIG_CATALOGUES.uk))
      expect(value, key).not.toMatch(/[ЁЫЭЪёыэъ]|[а-яєіїґ]'[а-яєіїґ]/i);
  });

  it('writes Persian with Persian yeh and kaf, Arabic with Arabic ones', () => {
    // ي (U+064A) and ك (U+0643) look right in isolation but break Persian search and sorting.
    for (const [key, value] of textsOf(CONFIG_CATALOGUES.fa))
      expect(value, key).not.toMatch(/[\u064A\u0643]/);
    for (const [key, value] of textsOf(CONFIG_CATALOGUES.ar))
      expect(value, key).not.toMatch(/[\u06CC\u06A9]/);
  });

  it('holds the site’s texts too, so a translator works in one file per language', () => {
    expect(CONFIG_CATALOGUES.fr.site['events.where']).toBe('Où');
    const raw = copy(CONFIG_CATALOGUES.en);
    delete (raw.site as Partial<typeof raw.site>)['landing.title'];
    expect(() => checkCatalogue('en.json', de, raw)).toThrow(/en\.json[\s\S]*landing\.title/);
  });

  it('names every language in that language', () => {
    expect(LOCALE_NAMES.de).toBe('Deutsch');
    expect(new Set(Object.values(LOCALE_NAMES)).size).toBe(LOCALES.length);
  });
});
