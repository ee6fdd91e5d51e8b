/**
 * Every language MoBio has a catalogue for (config/src/i18n/<locale>.json).
 * An installation offers all of them or some (the LOCALES variable); the order is the order of
 * the language switcher.
 */
export const LOCALES = ['de', 'en', 'ar', 'fa', 'fr', 'uk'] as const;
export type Locale = (typeof LOCALES)[number];

/** German is the district's working language and the fallback for everything. */
export const DEFAULT_LOCALE: Locale = 'de';

/** Languages written right to left, those with a catalogue and those a district may add next. */
export const RTL_LOCALES: readonly string[] = ['ar', 'fa', 'ps', 'ckb'];

/** Text direction for a locale: Arabic, Farsi, Pashto and Sorani Kurdish are written right to left. */
export function dirOf(locale: Locale): 'ltr' | 'rtl' {
  return RTL_LOCALES.includes(locale) ? 'rtl' : 'ltr';
}

/** Narrowing check for a string coming from a URL, a cookie or a header. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Narrowing check against the languages an installation offers (`config.locales`). */
export function isOffered(offered: readonly Locale[], value: unknown): value is Locale {
  return isLocale(value) && offered.includes(value);
}

/** A text in every locale; the compiler refuses a missing one. */
export type Localized = Record<Locale, string>;

/** The district's time zone: dates are shown in it, and "until 24 December" ends there at midnight. */
export const DISTRICT_TIME_ZONE = 'Europe/Berlin';

/** The calendar day of a moment in the district's time zone, as 'YYYY-MM-DD'. */
export function districtDay(date: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: DISTRICT_TIME_ZONE }).format(date);
}

/** The last millisecond of a calendar day ('2026-12-24') in the district's time zone. */
export function endOfDistrictDay(day: string): Date {
  const utcEnd = new Date(`${day}T23:59:59.999Z`);
  // The zone's offset at that moment (+1 h in winter, +2 h in summer for Berlin), read from ICU.
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: DISTRICT_TIME_ZONE,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(utcEnd)
      .map((part) => [part.type, part.value]),
  );
  const local = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
    999,
  );
  return new Date(utcEnd.getTime() - (local - utcEnd.getTime()));
}
