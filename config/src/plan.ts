import { byLocale, CONFIG_CATALOGUES } from './i18n/index.js';
import type { Locale } from './locales.js';

/** Labels of the integration plan PDF (German beside the newcomer's language). */
export const PLAN_LABELS = byLocale((c) => c.plan);

/** The plan labels in one locale. */
export function planLabels(locale: Locale): Record<keyof typeof PLAN_LABELS, string> {
  return CONFIG_CATALOGUES[locale].plan;
}
