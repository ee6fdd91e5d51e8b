/** The languages MoBio speaks. Order is the order of the language switcher. */
export const LOCALES = ['de', 'en', 'ar', 'fa', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

/** German is the district's working language and the fallback for everything. */
export const DEFAULT_LOCALE: Locale = 'de';

const RTL: ReadonlySet<Locale> = new Set<Locale>(['ar', 'fa']);

/** Text direction for a locale: Arabic and Farsi are written right to left. */
export function dirOf(locale: Locale): 'ltr' | 'rtl' {
  return RTL.has(locale) ? 'rtl' : 'ltr';
}

/** Narrowing check for a string coming from a URL, a cookie or a header. */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Each locale's name written in that locale, for the language switcher. */
export const LOCALE_NAMES: Record<Locale, string> = {
  de: 'Deutsch',
  en: 'English',
  ar: 'العربية',
  fa: 'فارسی',
  fr: 'Français',
};

/** A text in every locale; the compiler refuses a missing one. */
export type Localized = Record<Locale, string>;
