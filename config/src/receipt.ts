import { byLocale, CONFIG_CATALOGUES } from './i18n/index.js';
import type { Locale } from './locales.js';

/**
 * Labels of the consent receipt (one per grant), modelled on ISO/IEC TS 27560 and the Kantara
 * consent receipt: who shared what with whom, for which purpose, from when until when, how to revoke.
 */
export const RECEIPT_LABELS = byLocale((c) => c.receipt);

/** The receipt labels in one locale. */
export function receiptLabels(locale: Locale): Record<keyof typeof RECEIPT_LABELS, string> {
  return CONFIG_CATALOGUES[locale].receipt;
}
