import { LOCALES } from '@mobio/config';
import { describe, expect, it } from 'vitest';
import ar from '../ar.json';
import de from '../de.json';
import en from '../en.json';
import fa from '../fa.json';
import fr from '../fr.json';
import uk from '../uk.json';
import {
  catalogueSchema,
  formatDateTime,
  formatDateTimeRange,
  formatNumber,
  parseCatalogue,
  t,
} from '..';

const RAW = { ar, de, en, fa, fr, uk };

describe('catalogueSchema', () => {
  it.each(LOCALES)('accepts the %s catalogue', (locale) => {
    expect(() => parseCatalogue(locale, RAW[locale])).not.toThrow();
  });

  it('rejects a catalogue with a key removed, naming the key', () => {
    const { 'landing.title': _removed, ...rest } = en;
    const result = catalogueSchema(de).safeParse(rest);
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain('landing.title');
  });

  it('rejects a catalogue with a key the German one does not have', () => {
    const result = catalogueSchema(de).safeParse({ ...en, 'landing.extra': 'Extra' });
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain('landing.extra');
  });

  it('rejects an empty or blank text', () => {
    expect(catalogueSchema(de).safeParse({ ...fr, 'info.heading': '' }).success).toBe(false);
    expect(catalogueSchema(de).safeParse({ ...fr, 'info.heading': '   ' }).success).toBe(false);
  });

  it('rejects a translation that drops or renames a {placeholder}', () => {
    expect(catalogueSchema(de).safeParse({ ...ar, 'landing.keep': 'بدون اسم' }).success).toBe(
      false,
    );
    expect(catalogueSchema(de).safeParse({ ...ar, 'landing.keep': '{district}' }).success).toBe(
      false,
    );
  });

  it('names the locale when parseCatalogue fails', () => {
    expect(() => parseCatalogue('fa', { ...fa, 'nav.language': '' })).toThrow(/fa\.json/);
  });

  it.each(LOCALES)('has no empty string in the %s catalogue', (locale) => {
    for (const [key, value] of Object.entries(RAW[locale])) expect(value.trim(), key).not.toBe('');
  });

  it('writes Ukrainian without Russian letters and with the typographic apostrophe (’)', () => {
    for (const [key, value] of Object.entries(uk))
      expect(value, key).not.toMatch(/[ЁЫЭЪёыэъ]|[а-яєіїґ]'[а-яєіїґ]/i);
  });

  it('writes Persian with Persian yeh and kaf, Arabic with Arabic ones', () => {
    // ي (U+064A) and ك (U+0643) look right in isolation but break Persian search and sorting.
    for (const [key, value] of Object.entries(fa)) expect(value, key).not.toMatch(/[\u064A\u0643]/);
    for (const [key, value] of Object.entries(ar)) expect(value, key).not.toMatch(/[\u06CC\u06A9]/);
  });
});

describe('t', () => {
  it('returns the text of the locale', () => {
    expect(t('fr')('events.where')).toBe('Où');
  });

  it('fills {placeholders}, isolating text so its direction cannot mix with the sentence', () => {
    expect(t('ar')('landing.keep', { municipality: 'Landkreis X' })).toContain(
      '\u2068Landkreis X\u2069',
    );
  });

  it('throws when a placeholder has no value', () => {
    expect(() => t('de')('landing.keep')).toThrow(/municipality/);
  });
});

describe('formatting helpers', () => {
  const date = new Date('2030-03-05T17:00:00Z');

  it('formats a date in the locale and the district time zone', () => {
    expect(formatDateTime('de', date)).toBe('Dienstag, 5. März 2030 um 18:00');
    expect(formatDateTime('en', date)).toContain('Tuesday');
  });

  it('uses the Gregorian calendar also for Persian', () => {
    expect(formatDateTime('fa', date)).toContain('۲۰۳۰');
  });

  it('writes a period with the shared date once', () => {
    expect(formatDateTimeRange('de', date, new Date('2030-03-05T19:00:00Z'))).toBe(
      'Dienstag, 5. März 2030, 18:00–20:00 Uhr',
    );
  });

  it('uses the digits Intl gives for Arabic and Persian', () => {
    expect(formatNumber('ar', 1234)).toBe(new Intl.NumberFormat('ar').format(1234));
    expect(formatNumber('fa', 12)).toBe('۱۲');
  });
});
