import { byLocale, CONFIG_CATALOGUES } from './i18n/index.js';
import type { Locale } from './locales.js';

/** Labels of the CV (Lebenslauf), Europass-like: personal data, languages with the CEFR grid, education, work. */
export const CV_LABELS = byLocale((c) => c.cv);

/** Profile fields a newcomer may choose to put on the CV; the name is always there. */
export const CV_PERSONAL_FIELDS = [
  'birth',
  'nationality',
  'contact',
  'address',
  'familyStatus',
] as const;
export type CvPersonalField = (typeof CV_PERSONAL_FIELDS)[number];

/** The CV labels in one locale. */
export function cvLabels(locale: Locale): Record<keyof typeof CV_LABELS, string> {
  return CONFIG_CATALOGUES[locale].cv;
}
