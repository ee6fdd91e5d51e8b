import { z } from 'zod';
import { LOCALES, type Locale, type Localized } from '../locales.js';
import ar from './ar.json' with { type: 'json' };
import de from './de.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import fa from './fa.json' with { type: 'json' };
import fr from './fr.json' with { type: 'json' };
import uk from './uk.json' with { type: 'json' };

/**
 * MoBio's texts, one catalogue per language in this folder: the site's (`site`), the record
 * fields' labels, reference lists, CEFR levels, receipt, CV and plan PDFs, mails, the plan
 * catalogue, each language's own name. German is the reference: every other catalogue must have
 * exactly its keys, checked when the module loads.
 */
export type ConfigCatalogue = typeof de;

const PLACEHOLDER = /\{(\w+)\}/g;

const placeholdersOf = (text: string) =>
  [...text.matchAll(PLACEHOLDER)]
    .map((m) => m[1])
    .sort()
    .join(',');

type Reference = { [key: string]: string | Reference };

/**
 * The schema a catalogue must satisfy: exactly the reference's keys (at every level of nesting),
 * each a non-empty text with the same `{placeholders}` as the reference, so a translation can
 * neither drop a text nor a name.
 */
export function catalogueSchema(reference: Reference): z.ZodType {
  return z.strictObject(
    Object.fromEntries(
      Object.entries(reference).map(([key, text]) => [
        key,
        typeof text !== 'string'
          ? catalogueSchema(text)
          : z
              .string()
              .trim()
              .min(1, 'is empty')
              .refine((value) => placeholdersOf(value) === placeholdersOf(text), {
                error: `must have the placeholders {${placeholdersOf(text)}} like the German text`,
              }),
      ]),
    ),
  );
}

/** Checks one catalogue against the reference; throws naming the file and each bad key. */
export function checkCatalogue<T>(file: string, reference: T & Reference, raw: unknown): T {
  const parsed = catalogueSchema(reference).safeParse(raw);
  if (!parsed.success)
    throw new Error(`Catalogue ${file} is wrong:\n${z.prettifyError(parsed.error)}`);
  return parsed.data as T;
}

const RAW: Record<Locale, unknown> = { de, en, ar, fa, fr, uk };

/** config's catalogue of each language, checked against the German one at load. */
export const CONFIG_CATALOGUES = Object.fromEntries(
  LOCALES.map((locale) => [
    locale,
    checkCatalogue(`config/src/i18n/${locale}.json`, de, RAW[locale]),
  ]),
) as Record<Locale, ConfigCatalogue>;

/** One text of the catalogues in every locale. */
export function localized(pick: (catalogue: ConfigCatalogue) => string): Localized {
  return Object.fromEntries(
    LOCALES.map((locale) => [locale, pick(CONFIG_CATALOGUES[locale])]),
  ) as Localized;
}

/** A group of texts of the catalogues, each in every locale (key → locale → text). */
export function byLocale<K extends string>(
  pick: (catalogue: ConfigCatalogue) => Record<K, string>,
): Record<K, Localized> {
  return Object.fromEntries(
    (Object.keys(pick(de)) as K[]).map((key) => [
      key,
      localized((catalogue) => pick(catalogue)[key]),
    ]),
  ) as Record<K, Localized>;
}

/** Each locale's name written in that locale, for the language switcher. */
export const LOCALE_NAMES: Record<Locale, string> = localized((catalogue) => catalogue.localeName);
