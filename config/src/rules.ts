import { z } from 'zod';
import { COUNTRY_CODES, NATIONALITY_CODES } from './countries.js';

/**
 * The building blocks of the schemas: rules of single values (a text of at most n characters, a
 * date in the past, a country, …), shared by the record fields (fields.ts) and the other forms
 * (records.ts). Error messages are catalogue keys (`error.required`, …), never sentences, so each
 * side shows them in its own language.
 */

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

const countrySet = new Set(COUNTRY_CODES);
const nationalitySet = new Set(NATIONALITY_CODES);

/** Whether ICU knows an ISO 639 language code (two or three letters). */
export function isLanguageCode(code: string): boolean {
  if (!/^[a-z]{2,3}$/.test(code)) return false;
  const name = languageNames.of(code);
  return name !== undefined && name !== code;
}

export const MESSAGES = {
  required: 'error.required',
  tooLong: 'error.tooLong',
  invalid: 'error.invalid',
  date: 'error.date',
  dateOrder: 'error.dateOrder',
  future: 'error.future',
  country: 'error.country',
  language: 'error.language',
  choice: 'error.choice',
  email: 'error.email',
  phone: 'error.phone',
  number: 'error.number',
  latinName: 'error.latinName',
} as const;
export type ErrorKey = (typeof MESSAGES)[keyof typeof MESSAGES];

/** An HTML form sends '' for an empty field: that means "no value" (null clears it in the CMS). */
export const emptyToNull = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? null : value;
export const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(emptyToNull, schema.nullish());

export const text = (max: number) =>
  z
    .string({ error: MESSAGES.required })
    .trim()
    .min(1, MESSAGES.required)
    .max(max, MESSAGES.tooLong);
export const optionalText = (max: number) =>
  optional(z.string({ error: MESSAGES.invalid }).trim().max(max, MESSAGES.tooLong));
export const choice = <const T extends readonly [string, ...string[]]>(codes: T) =>
  z.enum(codes, { error: MESSAGES.choice });

export const isoDate = z.iso.date({ error: MESSAGES.date });
export const pastDate = isoDate.refine(
  (value) => value <= new Date().toISOString().slice(0, 10),
  MESSAGES.future,
);
export const country = z
  .string({ error: MESSAGES.country })
  .refine((code) => countrySet.has(code), MESSAGES.country);
/** A country, or stateless, or unknown (countries.ts). */
export const nationality = z
  .string({ error: MESSAGES.country })
  .refine((code) => nationalitySet.has(code), MESSAGES.country);
export const language = z
  .string({ error: MESSAGES.language })
  .refine(isLanguageCode, MESSAGES.language);
export const bool = z.preprocess(
  (value) => value === 'on' || value === 'true' || value === true,
  z.boolean(),
);

/** The language a free text was typed in: any ISO 639 code, not only the five UI languages. */
export const textLanguage = optional(language);

/**
 * A name as the passport or residence document spells it: Latin letters with their diacritics
 * (é, ü, ş, ğ, ł …, precomposed or combining), spaces, hyphens and apostrophes — nothing of another
 * script, so that staff who read only Latin letters can tell people apart and find them.
 */
export const latinName = z
  .string({ error: MESSAGES.latinName })
  .trim()
  .max(200, MESSAGES.tooLong)
  .regex(/^\p{Script=Latin}[\p{Script=Latin}\p{M} '’‘ʼ-]*$/u, MESSAGES.latinName);

export function checkPeriod(
  entry: { from?: string | null; to?: string | null },
  ctx: z.RefinementCtx,
) {
  if (entry.from && entry.to && entry.to < entry.from) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: MESSAGES.dateOrder });
  }
}

export const documentId = z.string().regex(/^[a-z0-9]{24}$/, MESSAGES.invalid);
