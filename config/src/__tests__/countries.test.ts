import { describe, expect, it } from 'vitest';
import { COUNTRY_CODES, countryName, NATIONALITY_CODES, NO_COUNTRY } from '../countries';
import { CONFIG_CATALOGUES } from '../i18n';
import { LOCALES } from '../locales';
import { country, nationality } from '../rules';

describe('the country and nationality lists', () => {
  it('hold today’s countries only, each once, with its own name in every language', () => {
    expect(COUNTRY_CODES.length).toBeGreaterThanOrEqual(249);
    expect(new Set(COUNTRY_CODES).size).toBe(COUNTRY_CODES.length);
    for (const code of ['DE', 'RU', 'RS', 'YE', 'SY', 'AF', 'UA', 'ER', 'XK'])
      expect(COUNTRY_CODES, code).toContain(code);
    // Withdrawn codes that ICU still names (as Germany, Russia, Serbia, Yemen, Congo…).
    for (const code of ['DD', 'SU', 'YU', 'CS', 'YD', 'ZR', 'BU', 'TP', 'AN', 'UK', 'FX'])
      expect(COUNTRY_CODES, code).not.toContain(code);
    for (const locale of LOCALES) {
      const names = NATIONALITY_CODES.map((code) => countryName(code, locale));
      const twice = names.filter((name, index) => names.indexOf(name) !== index);
      expect(twice, locale).toEqual([]);
      // A name, never the bare code.
      expect(
        NATIONALITY_CODES.filter((code) => countryName(code, locale) === code),
        locale,
      ).toEqual([]);
    }
    expect(countryName('DE', 'de')).toBe('Deutschland');
    expect(countryName('SY', 'de')).toBe('Syrien');
    expect(countryName('SY', 'ar')).toBe('سوريا');
    expect(countryName('RU', 'uk')).toBe('Росія');
  });

  it('offer stateless and unknown as nationalities, named from the catalogues, not as countries', () => {
    for (const locale of LOCALES) {
      expect(countryName(NO_COUNTRY.stateless, locale)).toBe(
        CONFIG_CATALOGUES[locale].reference.noCountry.stateless,
      );
      expect(countryName(NO_COUNTRY.unknown, locale)).toBe(
        CONFIG_CATALOGUES[locale].reference.noCountry.unknown,
      );
    }
    expect(countryName('XS', 'de')).toBe('Staatenlos');
    for (const code of ['XS', 'XX']) {
      expect(nationality.safeParse(code).success, code).toBe(true);
      expect(country.safeParse(code).success, code).toBe(false);
    }
    for (const code of ['DD', 'SU', 'de', 'ZZ'])
      expect(nationality.safeParse(code).success, code).toBe(false);
  });
});
