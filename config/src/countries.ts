import countries from 'i18n-iso-countries/index.js';
import ar from 'i18n-iso-countries/langs/ar.json' with { type: 'json' };
import de from 'i18n-iso-countries/langs/de.json' with { type: 'json' };
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import fa from 'i18n-iso-countries/langs/fa.json' with { type: 'json' };
import fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import uk from 'i18n-iso-countries/langs/uk.json' with { type: 'json' };
import { byLocale } from './i18n/index.js';
import type { Locale } from './locales.js';

/*
 * Countries and nationalities. Which codes exist comes from i18n-iso-countries (ISO 3166-1, today's
 * countries only), not from probing ICU: ICU still names withdrawn codes (DD "Germany", SU
 * "Russia", YU "Serbia"), so the lists showed countries twice. The names are CLDR's everyday ones
 * through ICU ("Syrien", not the package's "Syrien, Arabische Republik"), which is what the lists
 * showed so far; the package's own names stand in where a runtime's ICU has none. Nationality adds
 * what German offices record for refugees: stateless and unknown.
 */
for (const names of [ar, de, en, fa, fr, uk]) countries.registerLocale(names);

/** ISO 3166-1 alpha-2 codes of today's countries (Kosovo's XK as German offices use it). */
export const COUNTRY_CODES: readonly string[] = Object.keys(countries.getAlpha2Codes());

/**
 * The two nationalities that are no country, in user-assigned codes of ISO 3166-1 (two letters like
 * the countries, so they fit the same column): "staatenlos" and "ungeklärt".
 */
export const NO_COUNTRY = { stateless: 'XS', unknown: 'XX' } as const;
const NO_COUNTRY_LABELS = byLocale((c) => c.reference.noCountry);

/** A nationality: a country's code, or stateless, or unknown. */
export const NATIONALITY_CODES: readonly string[] = [
  ...COUNTRY_CODES,
  NO_COUNTRY.stateless,
  NO_COUNTRY.unknown,
];

/** A country's or nationality's name in the language; the code itself when it is neither. */
export function countryName(code: string, locale: Locale): string {
  if (code === NO_COUNTRY.stateless) return NO_COUNTRY_LABELS.stateless[locale];
  if (code === NO_COUNTRY.unknown) return NO_COUNTRY_LABELS.unknown[locale];
  return regionNames(locale).of(code) ?? countries.getName(code, locale) ?? code;
}

const displayNames = new Map<Locale, Intl.DisplayNames>();
const regionNames = (locale: Locale) => {
  let names = displayNames.get(locale);
  if (!names) {
    names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    displayNames.set(locale, names);
  }
  return names;
};
