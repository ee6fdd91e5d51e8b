import { doubleMetaphone } from 'double-metaphone';
import { z } from 'zod';
import { CATALOGUE_KEY_MAX, CATALOGUE_KEY_PATTERN } from './plan-catalogue.js';
import {
  ACCESS_LEVELS,
  FIELDS_OF_ACTION,
  GOAL_STATUSES,
  MEASURE_RESPONSIBLES,
  SECTIONS,
} from './reference.js';
import {
  choice,
  documentId,
  isoDate,
  MESSAGES,
  optional,
  optionalText,
  text,
  textLanguage,
} from './rules.js';

export { isLanguageCode, type ErrorKey } from './rules.js';

/**
 * The schemas of the forms that are not records (grants, plans, account), imported by the site
 * (to show localized errors next to the field) and by the CMS (to refuse the same input); the
 * records' schemas are built from their field lists in fields.ts. Bodies are `.strict()`: an
 * unknown key, `owner` included, is refused, not ignored.
 */

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

/** How a word in Latin letters sounds: Double Metaphone's two codes (none for other scripts). */
const soundsOf = (word: string) => doubleMetaphone(word).filter(Boolean);

/**
 * Whether a person, by any of their name's spellings, is what a staff member searched for: the
 * search is part of a spelling, without regard to case or diacritics; or each of its words is, or
 * — from three Latin letters on — sounds like a word of the name (Double Metaphone), so that the
 * transliterations of one name find each other: Haddad and Hadad, Mohammed and Muhammad, Hosseini
 * and Husseini.
 */
export function nameMatches(spellings: readonly string[], search: string): boolean {
  const folded = spellings.map(foldForSearch);
  const query = foldForSearch(search.trim());
  if (folded.some((spelling) => spelling.includes(query))) return true;
  const sounds = new Set(folded.flatMap((spelling) => spelling.split(/[^a-z]+/).flatMap(soundsOf)));
  return query
    .split(/\s+/)
    .every(
      (word) =>
        folded.some((spelling) => spelling.includes(word)) ||
        (/^[a-z]{3,}$/.test(word) && soundsOf(word).some((code) => sounds.has(code))),
    );
}

/**
 * Fifteen characters from an alphabet without look-alikes (0/O, 1/I/L), shown as XXXXX-XXXXX-XXXXX:
 * 31^15, about 74 bits — out of reach of guessing at the rate the CMS and the site allow.
 */
/**
 * The most records a person keeps in one list (language skills, education, employment, documents):
 * more than any biography needs. Creating one more is refused on the site, and an import holding
 * more is refused whole; it also bounds what an import writes (4 lists × 500 rows).
 */
export const MAX_RECORDS_PER_LIST = 500;

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
