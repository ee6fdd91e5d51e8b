import { z } from 'zod';
import { LOCALES } from './locales.js';
import { CATALOGUE_KEY_MAX, CATALOGUE_KEY_PATTERN } from './plan-catalogue.js';
import {
  ACCESS_LEVELS,
  CEFR_LEVELS,
  DOCUMENT_KINDS,
  EDUCATION_KINDS,
  FAMILY_STATUSES,
  FIELDS_OF_ACTION,
  GOAL_STATUSES,
  ISCED_LEVELS,
  MEASURE_RESPONSIBLES,
  RECOGNITION_STATUSES,
  RESIDENCE_STATUSES,
  SECTIONS,
} from './reference.js';

/**
 * One schema per record and form, imported by the site (to show localized errors next to the
 * field) and by the CMS (to refuse the same input). Error messages are catalogue keys
 * (`error.required`, …), never sentences, so each side shows them in its own language.
 * Bodies are `.strict()`: an unknown key, `owner` included, is refused, not ignored.
 */

const NON_REGIONS = new Set(['EU', 'EZ', 'UN', 'QO', 'XA', 'XB', 'ZZ']);
const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** ISO 3166-1 alpha-2 codes that the platform's ICU names, without groupings like EU or UN. */
export const COUNTRY_CODES: readonly string[] = (() => {
  const codes: string[] = [];
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      if (!NON_REGIONS.has(code) && regionNames.of(code)) codes.push(code);
    }
  }
  return codes;
})();
const countrySet = new Set(COUNTRY_CODES);

/** Whether ICU knows an ISO 639 language code (two or three letters). */
export function isLanguageCode(code: string): boolean {
  if (!/^[a-z]{2,3}$/.test(code)) return false;
  const name = languageNames.of(code);
  return name !== undefined && name !== code;
}

const MESSAGES = {
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
const emptyToNull = (value: unknown) =>
  typeof value === 'string' && value.trim() === '' ? null : value;
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToNull, schema.nullish());

const text = (max: number) =>
  z
    .string({ error: MESSAGES.required })
    .trim()
    .min(1, MESSAGES.required)
    .max(max, MESSAGES.tooLong);
const optionalText = (max: number) =>
  optional(z.string({ error: MESSAGES.invalid }).trim().max(max, MESSAGES.tooLong));
const choice = <const T extends readonly [string, ...string[]]>(codes: T) =>
  z.enum(codes, { error: MESSAGES.choice });

const isoDate = z.iso.date({ error: MESSAGES.date });
const pastDate = isoDate.refine(
  (value) => value <= new Date().toISOString().slice(0, 10),
  MESSAGES.future,
);
const country = z
  .string({ error: MESSAGES.country })
  .refine((code) => countrySet.has(code), MESSAGES.country);
const language = z.string({ error: MESSAGES.language }).refine(isLanguageCode, MESSAGES.language);
const bool = z.preprocess(
  (value) => value === 'on' || value === 'true' || value === true,
  z.boolean(),
);

/** The language a free text was typed in: any ISO 639 code, not only the five UI languages. */
const textLanguage = optional(language);

/**
 * A name as the passport or residence document spells it: Latin letters with their diacritics
 * (é, ü, ş, ğ, ł …, precomposed or combining), spaces, hyphens and apostrophes — nothing of another
 * script, so that staff who read only Latin letters can tell people apart and find them.
 */
const latinName = z
  .string({ error: MESSAGES.latinName })
  .trim()
  .max(200, MESSAGES.tooLong)
  .regex(/^\p{Script=Latin}[\p{Script=Latin}\p{M} '’‘ʼ-]*$/u, MESSAGES.latinName);

/**
 * A newcomer's name as staff see it: as typed, with the Latin spelling beside it when it was given
 * and differs ("أمل حداد (Amal Haddad)"). The one place the two spellings are put together.
 */
export function nameForStaff(
  profile: { givenNames: string; familyName: string; latinName?: string | null },
  withLatin = true,
): string {
  const original = `${profile.givenNames} ${profile.familyName}`;
  const latin = withLatin ? profile.latinName?.trim() : undefined;
  return latin && latin !== original ? `${original} (${latin})` : original;
}

/** Text folded for a search: lower case, without diacritics (Haddād, HADDAD and haddad match). */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('und').normalize('NFC');
}

function checkPeriod(entry: { from?: string | null; to?: string | null }, ctx: z.RefinementCtx) {
  if (entry.from && entry.to && entry.to < entry.from) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: MESSAGES.dateOrder });
  }
}

export const profileSchema = z
  .object({
    givenNames: text(200),
    familyName: text(200),
    latinName: optional(latinName),
    birthDate: optional(pastDate),
    birthPlace: optionalText(200),
    nationality: optional(country),
    correspondenceLanguages: optional(z.array(language).max(5, MESSAGES.tooLong)),
    contactEmail: optional(z.email({ error: MESSAGES.email }).max(254, MESSAGES.tooLong)),
    phone: optional(
      z
        .string()
        .trim()
        .regex(/^\+?[0-9 ()/-]{5,30}$/, MESSAGES.phone),
    ),
    address: optionalText(500),
    familyStatus: optional(choice(FAMILY_STATUSES.codes)),
    children: optional(
      z.coerce
        .number({ error: MESSAGES.number })
        .int(MESSAGES.number)
        .min(0, MESSAGES.number)
        .max(30, MESSAGES.number),
    ),
    arrivalDate: optional(pastDate),
    residenceStatus: optional(choice(RESIDENCE_STATUSES.codes)),
    residenceNote: optionalText(500),
    uiLocale: optional(z.enum(LOCALES, { error: MESSAGES.choice })),
    textLanguage,
  })
  .strict();

const cefr = optional(choice(CEFR_LEVELS.codes));

export const languageSkillSchema = z
  .object({
    language,
    native: bool.default(false),
    listening: cefr,
    reading: cefr,
    spokenInteraction: cefr,
    spokenProduction: cefr,
    writing: cefr,
    courses: optionalText(2000),
    notes: optionalText(2000),
    textLanguage,
  })
  .strict();

export const educationEntrySchema = z
  .object({
    kind: choice(EDUCATION_KINDS.codes),
    iscedLevel: optional(choice(ISCED_LEVELS.codes)),
    institution: text(300),
    place: optionalText(200),
    country: optional(country),
    from: optional(isoDate),
    to: optional(isoDate),
    degree: optionalText(300),
    subject: optionalText(300),
    recognitionStatus: optional(choice(RECOGNITION_STATUSES.codes)),
    notes: optionalText(2000),
    textLanguage,
  })
  .strict()
  .superRefine(checkPeriod);

export const employmentEntrySchema = z
  .object({
    occupation: text(200),
    iscoCode: optional(
      z
        .string()
        .trim()
        .regex(/^[0-9]{1,4}$/, MESSAGES.invalid),
    ),
    employer: optionalText(300),
    place: optionalText(200),
    country: optional(country),
    from: optional(isoDate),
    to: optional(isoDate),
    tasks: optionalText(4000),
    skills: optionalText(2000),
    textLanguage,
  })
  .strict()
  .superRefine(checkPeriod);

const documentId = z.string().regex(/^[a-z0-9]{24}$/, MESSAGES.invalid);

/** Metadata of a stored document; the file itself travels beside it. */
export const documentMetadataSchema = z
  .object({
    kind: choice(DOCUMENT_KINDS.codes),
    title: text(200),
    issuer: optionalText(300),
    issueDate: optional(pastDate),
    language: optional(language),
    educationEntry: optional(documentId),
    employmentEntry: optional(documentId),
    languageSkill: optional(documentId),
    translationOf: optional(documentId),
  })
  .strict();

export type ProfileInput = z.infer<typeof profileSchema>;
export type LanguageSkillInput = z.infer<typeof languageSkillSchema>;
export type EducationEntryInput = z.infer<typeof educationEntrySchema>;
export type EmploymentEntryInput = z.infer<typeof employmentEntrySchema>;
export type DocumentMetadataInput = z.infer<typeof documentMetadataSchema>;

/**
 * Fifteen characters from an alphabet without look-alikes (0/O, 1/I/L), shown as XXXXX-XXXXX-XXXXX:
 * 31^15, about 74 bits — out of reach of guessing at the rate the CMS and the site allow.
 */
export const INVITATION_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const INVITATION_LENGTH = 15;
/** A code as it is shown and read aloud: groups of five. */
export const formatInvitationCode = (code: string) => code.match(/.{1,5}/g)!.join('-');
const invitationCode = z
  .string({ error: MESSAGES.invalid })
  .transform((value) => value.toUpperCase().replace(/[\s-]/g, ''))
  .pipe(
    z
      .string()
      .regex(
        new RegExp(`^[${INVITATION_ALPHABET}]{${INVITATION_LENGTH}}$`),
        'error.invitationCode',
      ),
  );

const sections = z
  .array(choice(SECTIONS.codes), { error: 'error.sections' })
  .min(1, 'error.sections')
  .refine((list) => new Set(list).size === list.length, 'error.sections');
const futureDate = isoDate.refine(
  (value) => value > new Date().toISOString().slice(0, 10),
  'error.pastExpiry',
);

function writeOnlyForPlans(grant: { access?: string; sections?: string[] }, ctx: z.RefinementCtx) {
  if (grant.access === 'write' && !grant.sections?.includes('plans')) {
    ctx.addIssue({ code: 'custom', path: ['access'], message: 'error.writeOnlyPlans' });
  }
}

/**
 * A newcomer's grant to one staff member, found by invitation code or picked from the directory.
 * `expiresAt` is a day; its upper bound (GRANT_DEFAULT_DAYS, at most four years) is the server's.
 */
export const grantRequestSchema = z
  .object({
    invitationCode: optional(invitationCode),
    grantee: optional(documentId),
    sections,
    access: choice(ACCESS_LEVELS.codes).default('read'),
    purpose: text(500),
    expiresAt: optional(futureDate),
  })
  .strict()
  .superRefine((grant, ctx) => {
    if (Boolean(grant.invitationCode) === Boolean(grant.grantee)) {
      ctx.addIssue({ code: 'custom', path: ['grantee'], message: 'error.granteeOrCode' });
    }
    writeOnlyForPlans(grant, ctx);
  });

/** What the owner may change on an existing grant: sections, access, purpose and expiry. */
export const grantUpdateSchema = z
  .object({
    sections,
    access: choice(ACCESS_LEVELS.codes).default('read'),
    purpose: text(500),
    expiresAt: optional(futureDate),
  })
  .strict()
  .superRefine(writeOnlyForPlans);

export type GrantRequest = z.infer<typeof grantRequestSchema>;
export type GrantUpdate = z.infer<typeof grantUpdateSchema>;

/** A problem with one field: its path in the form and a catalogue key for the message. */
export interface FieldError {
  path: string[];
  message: string;
}

export type Parsed<T> = { success: true; data: T } | { success: false; errors: FieldError[] };

/** Field errors of a zod failure, with unknown keys named (`error.unknownField:owner`). */
export function fieldErrors(error: z.ZodError, dropPrefix?: string): FieldError[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String);
    return {
      path: dropPrefix && path[0] === dropPrefix ? path.slice(1) : path,
      message:
        issue.code === 'unrecognized_keys'
          ? `error.unknownField:${issue.keys.join(',')}`
          : issue.message,
    };
  });
}

/**
 * Checks a REST body `{ data: … }` with a form's schema. Unknown keys, `owner` among them, are
 * errors: the client can never choose the owner of a record.
 */
export function parseRequestData<T extends z.ZodType>(
  schema: T,
  body: unknown,
): Parsed<z.output<T>> {
  const result = z.object({ data: schema }, { error: MESSAGES.invalid }).strict().safeParse(body);
  if (result.success) return { success: true, data: (result.data as { data: z.output<T> }).data };
  return { success: false, errors: fieldErrors(result.error, 'data') };
}

/** Deleting one's account asks for the password again. */
export const accountDeletionSchema = z
  .object({ password: z.string({ error: MESSAGES.required }).min(1, MESSAGES.required) })
  .strict();

/** The newcomer accepts one version of their integration plan. */
export const planAcceptanceSchema = z
  .object({
    version: z.coerce
      .number({ error: MESSAGES.number })
      .int(MESSAGES.number)
      .min(1, MESSAGES.number),
  })
  .strict();

/** A standard goal or measure of the catalogue, by its key (checked against the catalogue by the CMS). */
const catalogueKey = optional(
  z
    .string({ error: MESSAGES.invalid })
    .trim()
    .max(CATALOGUE_KEY_MAX, MESSAGES.tooLong)
    .regex(CATALOGUE_KEY_PATTERN, MESSAGES.invalid),
);

/** A goal or a measure names a catalogue entry or says in free text what is meant. */
function keyOrText(
  item: { catalogueKey?: string | null; description?: string | null },
  ctx: z.RefinementCtx,
) {
  if (!item.catalogueKey && !item.description)
    ctx.addIssue({ code: 'custom', path: ['description'], message: MESSAGES.required });
}

const planGoal = z
  .object({
    catalogueKey,
    description: optionalText(1000),
    dueDate: optional(isoDate),
    status: choice(GOAL_STATUSES.codes).default('open'),
  })
  .strict()
  .superRefine(keyOrText);

const planMeasure = z
  .object({
    catalogueKey,
    description: optionalText(1000),
    responsible: choice(MEASURE_RESPONSIBLES.codes),
    responsibleName: optionalText(200),
    dueDate: optional(isoDate),
    status: choice(GOAL_STATUSES.codes).default('open'),
  })
  .strict()
  .superRefine(keyOrText);

/**
 * What staff write into an integration plan: per field of action the situation, goals and
 * measures; review dates and notes. Version, status and acceptance are the system's (the plan
 * editor proposes a version with a separate request; only the newcomer accepts).
 */
export const planContentSchema = z
  .object({
    title: optionalText(200),
    fieldsOfAction: z
      .array(
        z
          .object({
            field: choice(FIELDS_OF_ACTION.codes),
            situation: optionalText(4000),
            goals: z.array(planGoal).max(30, MESSAGES.tooLong).default([]),
            measures: z.array(planMeasure).max(30, MESSAGES.tooLong).default([]),
          })
          .strict(),
      )
      .max(FIELDS_OF_ACTION.codes.length, MESSAGES.tooLong)
      .refine(
        (fields) => new Set(fields.map((f) => f.field)).size === fields.length,
        MESSAGES.choice,
      )
      .default([]),
    reviews: z
      .array(z.object({ date: isoDate, note: optionalText(2000) }).strict())
      .max(20, MESSAGES.tooLong)
      .default([]),
    notes: optionalText(4000),
    textLanguage,
  })
  .strict();
export type PlanContent = z.infer<typeof planContentSchema>;
