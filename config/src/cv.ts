import { CONFIG_CATALOGUES, type ConfigCatalogue } from './i18n/index.js';
import type { Locale } from './locales.js';

/** Profile fields a newcomer may choose to put on the CV; the name is always there. */
export const CV_PERSONAL_FIELDS = [
  'birth',
  'nationality',
  'contact',
  'address',
  'familyStatus',
] as const;
export type CvPersonalField = (typeof CV_PERSONAL_FIELDS)[number];

type CvLabel =
  | keyof ConfigCatalogue['cv']
  | 'nationality'
  | 'address'
  | 'familyStatus'
  | 'recognition'
  | 'language';

/**
 * The labels of the CV (Lebenslauf), Europass-like, in one locale: its own headings (`cv` in
 * config's catalogues) and, where the CV names a record field, that field's label (`field`).
 */
export function cvLabels(locale: Locale): Record<CvLabel, string> {
  const { cv, field } = CONFIG_CATALOGUES[locale];
  return {
    ...cv,
    nationality: field.nationality,
    address: field.address,
    familyStatus: field.familyStatus,
    recognition: field.recognitionStatus,
    language: field.language,
  };
}
