import {
  CONFIG_CATALOGUES,
  DEFAULT_LOCALE,
  DISTRICT_TIME_ZONE,
  LOCALES,
  type ConfigCatalogue,
  type Locale,
} from '@mobio/config';

/**
 * The site's texts: the `site` section of each language's one catalogue,
 * `config/src/i18n/<code>.json`, checked against German when config loads.
 */
export type MessageKey = keyof ConfigCatalogue['site'];
type Catalogue = Record<MessageKey, string>;
export type MessageParams = Record<string, string | number>;
/** Looks a message up in one locale and fills in its `{name}` placeholders. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

const PLACEHOLDER = /\{(\w+)\}/g;

const CATALOGUES = Object.fromEntries(
  LOCALES.map((locale) => [locale, CONFIG_CATALOGUES[locale].site]),
) as Record<Locale, Catalogue>;

const KEYS = new Set<string>(Object.keys(CATALOGUES.de));
/** `message` as a catalogue key, when it is one (a schema's or the CMS's message); else undefined. */
export const knownKey = (message: unknown): MessageKey | undefined =>
  typeof message === 'string' && KEYS.has(message) ? (message as MessageKey) : undefined;

// First Strong Isolate … Pop Directional Isolate: a German name inside an Arabic sentence keeps
// its own direction and does not drag the surrounding punctuation along.
const isolate = (value: string) => `\u2068${value}\u2069`;

/**
 * The message function for a locale: `t('landing.keep', { municipality })`. Text parameters are
 * wrapped in Unicode direction isolates, numbers formatted for the locale; a missing parameter throws.
 */
export function t(locale: Locale): Translate {
  const catalogue = CATALOGUES[locale] ?? CATALOGUES[DEFAULT_LOCALE];
  return (key, params = {}) =>
    catalogue[key].replace(PLACEHOLDER, (_, name: string) => {
      if (!(name in params)) throw new Error(`Message ${key} needs the parameter {${name}}`);
      const value = params[name];
      return typeof value === 'string' ? isolate(value) : formatNumber(locale, value);
    });
}

// Events are held in the district's time, whatever zone the server runs in; and in the Gregorian
// calendar, like the letters and appointment cards newcomers get (Intl would pick the Solar Hijri
// calendar for Persian).
const DATE_TIME: Intl.DateTimeFormatOptions = {
  dateStyle: 'full',
  timeStyle: 'short',
  timeZone: DISTRICT_TIME_ZONE,
  calendar: 'gregory',
};

/** A date and time for display in the locale, e.g. "Dienstag, 3. März 2026 um 18:00". */
export function formatDateTime(
  locale: Locale,
  date: Date,
  options: Intl.DateTimeFormatOptions = {},
): string {
  return new Intl.DateTimeFormat(locale, { ...DATE_TIME, ...options }).format(date);
}

/** A day for display in the locale, e.g. "3. März 2026" (the district's time zone, Gregorian calendar). */
export function formatDate(locale: Locale, date: Date): string {
  return new Intl.DateTimeFormat(locale, {
    ...DATE_TIME,
    dateStyle: 'long',
    timeStyle: undefined,
  }).format(date);
}

/** A period for display in the locale; a shared date is written once ("Dienstag, 3. März 2026, 18:00–20:00 Uhr"). */
export function formatDateTimeRange(
  locale: Locale,
  start: Date,
  end: Date,
  options: Intl.DateTimeFormatOptions = {},
): string {
  return new Intl.DateTimeFormat(locale, { ...DATE_TIME, ...options }).formatRange(start, end);
}

/** A number for display in the locale (Arabic gets the digits Intl gives for 'ar'). */
export function formatNumber(
  locale: Locale,
  value: number,
  options: Intl.NumberFormatOptions = {},
): string {
  return new Intl.NumberFormat(locale, options).format(value);
}

const KB = 1024;
const MB = 1024 * KB;

/** A file's size in the locale's digits and unit: kB below one megabyte (a small scan is not "0 MB"), else MB. */
export function formatFileSize(locale: Locale, bytes: number): string {
  const [value, unit] = bytes < MB ? [bytes / KB, 'kilobyte'] : [bytes / MB, 'megabyte'];
  return formatNumber(locale, value, {
    style: 'unit',
    unit,
    maximumFractionDigits: value < 10 ? 1 : 0,
  });
}
