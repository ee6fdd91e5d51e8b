import {
  CEFR_SKILLS,
  COUNTRY_CODES,
  countryName,
  DOCUMENT_FIELD_DEFS,
  documentMetadataSchema,
  EDUCATION_ENTRY_FIELD_DEFS,
  educationEntrySchema,
  EMPLOYMENT_ENTRY_FIELD_DEFS,
  employmentEntrySchema,
  type FieldDef,
  type FieldKind,
  isLanguageCode,
  LANGUAGE_SKILL_FIELD_DEFS,
  LOCALE_NAMES,
  languageSkillSchema,
  NO_COUNTRY,
  PROFILE_FIELD_DEFS,
  type Locale,
  type Section,
} from '@mobio/config';
import { z } from 'zod';
import type { MessageKey } from '../i18n';
import { siteConfig } from './config';
import { type FieldErrors, validate } from './forms';
import { callCms, type CmsResult } from './cms';

/*
 * The newcomer's own records as the site edits them: each form is the shared zod schema (the CMS
 * refuses what it refuses) plus the list of its fields, both from config's field definitions
 * (fields.ts), in the order the page shows them. Which records come back is the CMS's sharing
 * rule; the site only asks with the newcomer's JWT.
 */

export type { FieldKind };

export interface Choice {
  value: string;
  label: string;
  /** Set when the label is in another language than the page (a language's own name). */
  lang?: string;
}

/** A field as the form shows it: config's definition (fields.ts) with the choices in the UI language. */
export interface FieldSpec {
  name: string;
  kind: FieldKind;
  label: (locale: Locale) => string;
  hint?: (locale: Locale) => string;
  required?: boolean;
  autocomplete?: string;
  /** Free text in any language: shown with dir="auto" so Arabic in a German page reads right. */
  freeText?: boolean;
  choices?: (locale: Locale) => Choice[];
  /** Shown just before the field: the plain-language description of the CEFR levels. */
  before?: 'cefrGuide';
}

/** A form value: one string, or the checked values of a group of checkboxes. */
export type FormValue = string | string[];
export type FormValues = Record<string, FormValue>;

const sortedByLabel = (locale: Locale, choices: Choice[]) =>
  choices.sort((a, b) => a.label.localeCompare(b.label, locale));

const referenceChoices =
  (list: { codes: readonly string[]; label: (code: never, locale: Locale) => string }) =>
  (locale: Locale): Choice[] =>
    list.codes.map((code) => ({ value: code, label: list.label(code as never, locale) }));

/** Every country, in the UI language, alphabetical. */
const countryChoices = (locale: Locale): Choice[] =>
  sortedByLabel(
    locale,
    COUNTRY_CODES.map((code) => ({ value: code, label: countryName(code, locale) })),
  );

/** The countries, then stateless and unknown. */
const nationalityChoices = (locale: Locale): Choice[] => [
  ...countryChoices(locale),
  ...Object.values(NO_COUNTRY).map((code) => ({ value: code, label: countryName(code, locale) })),
];

/**
 * The languages offered in the lists: those newcomers to Germany most often speak, and the big
 * world languages. A code given another way (the API) is kept on the form as it is.
 */
export const LANGUAGE_CODES = [
  'ar',
  'fa',
  'prs',
  'ps',
  'ku',
  'ckb',
  'tr',
  'ti',
  'am',
  'so',
  'om',
  'ur',
  'hi',
  'bn',
  'pa',
  'ta',
  'ru',
  'uk',
  'pl',
  'ro',
  'bg',
  'sq',
  'sr',
  'hr',
  'bs',
  'mk',
  'el',
  'hy',
  'ka',
  'az',
  'uz',
  'tg',
  'zh',
  'vi',
  'es',
  'pt',
  'it',
  'fr',
  'en',
  'de',
  'nl',
  'ha',
  'yo',
  'ig',
  'sw',
  'ln',
  'wo',
  'ff',
].filter(isLanguageCode);

const languageChoices = (locale: Locale): Choice[] => {
  const names = new Intl.DisplayNames([locale], { type: 'language' });
  return sortedByLabel(
    locale,
    LANGUAGE_CODES.map((code) => ({ value: code, label: names.of(code) ?? code })),
  );
};

/** The UI languages the installation offers, each in its own name, for "which language are the letters in". */
const uiLanguageChoices = (): Choice[] =>
  siteConfig().locales.map((code) => ({ value: code, label: LOCALE_NAMES[code], lang: code }));

const CHOICES = {
  country: countryChoices,
  nationality: nationalityChoices,
  language: languageChoices,
  uiLanguage: uiLanguageChoices,
};

/**
 * The fields of a record's form, in config's order: those the newcomer fills in (not the links to
 * their entries, added per newcomer by documentLinkFields, nor what is set elsewhere).
 */
function formFields(fields: FieldDef[]): FieldSpec[] {
  return fields
    .filter((field) => field.form !== false && field.values !== 'entry')
    .map((field) => specOf(field));
}

function specOf(field: FieldDef, choices = choicesOf(field)): FieldSpec {
  return {
    name: field.name,
    kind: field.kind,
    label: field.label!,
    hint: field.hint,
    required: field.required,
    autocomplete: field.autocomplete,
    freeText: field.freeText,
    choices,
    // The description of the CEFR levels comes before the first skill.
    before: field.name === CEFR_SKILLS.codes[0] ? 'cefrGuide' : undefined,
  };
}

function choicesOf({ values }: FieldDef): FieldSpec['choices'] {
  if (values === undefined || values === 'entry') return undefined;
  return typeof values === 'string' ? CHOICES[values] : referenceChoices(values);
}

export const PROFILE_FIELDS: FieldSpec[] = formFields(PROFILE_FIELD_DEFS);

/** A kind of record the newcomer keeps a list of: its API, form, fields and where its pages live. */
export interface RecordKind {
  /** The URL segment: /<locale>/records/<slug>. */
  slug: 'languages' | 'education' | 'employment' | 'documents';
  section: Section;
  api: string;
  schema: z.ZodType;
  fields: FieldSpec[];
  /** The CMS's sort for the list. */
  sort: string;
}

export const RECORD_KINDS = {
  languages: {
    slug: 'languages',
    section: 'languages',
    api: '/api/language-skills',
    schema: languageSkillSchema,
    sort: 'native:desc',
    fields: formFields(LANGUAGE_SKILL_FIELD_DEFS),
  },
  education: {
    slug: 'education',
    section: 'education',
    api: '/api/education-entries',
    schema: educationEntrySchema,
    sort: 'from:desc',
    fields: formFields(EDUCATION_ENTRY_FIELD_DEFS),
  },
  employment: {
    slug: 'employment',
    section: 'employment',
    api: '/api/employment-entries',
    schema: employmentEntrySchema,
    sort: 'from:desc',
    fields: formFields(EMPLOYMENT_ENTRY_FIELD_DEFS),
  },
  documents: {
    slug: 'documents',
    section: 'documents',
    api: '/api/documents',
    schema: documentMetadataSchema,
    sort: 'createdAt:desc',
    // The links to entries are added per newcomer (their own entries are the choices): documentLinkFields.
    fields: formFields(DOCUMENT_FIELD_DEFS),
  },
} as const satisfies Record<string, RecordKind>;

export type RecordSlug = keyof typeof RECORD_KINDS;
export const isRecordSlug = (value: unknown): value is RecordSlug =>
  typeof value === 'string' && value in RECORD_KINDS;

/** The fields linking a document to one of the newcomer's entries; the choices are those entries. */
export const DOCUMENT_LINKS = ['educationEntry', 'employmentEntry', 'languageSkill'] as const;
export type DocumentLink = (typeof DOCUMENT_LINKS)[number];
const LINK_OF: Record<DocumentLink, { slug: RecordSlug }> = {
  educationEntry: { slug: 'education' },
  employmentEntry: { slug: 'employment' },
  languageSkill: { slug: 'languages' },
};

/** The document field that links a document to an entry of this kind. */
export const linkFieldOf = (slug: Exclude<RecordSlug, 'documents'>): DocumentLink =>
  DOCUMENT_LINKS.find((link) => LINK_OF[link].slug === slug)!;

/** A stored record as the CMS returns it: its id and its plain values (relations as { documentId }). */
const recordSchema = z.looseObject({ documentId: z.string() });
export type StoredRecord = z.infer<typeof recordSchema>;
const data = <T extends z.ZodType>(schema: T) =>
  z.object({ data: schema }).transform((body) => (body as { data: z.output<T> }).data);

/** How a record is named in lists and choices, in the UI language. */
export function recordTitle(slug: RecordSlug, record: StoredRecord, locale: Locale): string {
  const value = (name: string) =>
    typeof record[name] === 'string' ? (record[name] as string) : '';
  switch (slug) {
    case 'languages':
      return (
        new Intl.DisplayNames([locale], { type: 'language' }).of(value('language')) ??
        value('language')
      );
    case 'education':
      return value('institution');
    case 'employment':
      return [value('occupation'), value('employer')].filter(Boolean).join(', ');
    case 'documents':
      return value('title');
  }
}

/** The link fields of the document form, each offering the newcomer's own entries of that kind. */
export function documentLinkFields(
  entries: Record<DocumentLink, StoredRecord[]>,
  locale: Locale,
): FieldSpec[] {
  return DOCUMENT_LINKS.map((name) =>
    specOf(
      DOCUMENT_FIELD_DEFS.find((field) => field.name === name)!,
      () =>
        entries[name].map((entry) => ({
          value: entry.documentId,
          label: recordTitle(LINK_OF[name].slug, entry, locale),
        })),
    ),
  );
}

/** The populate query that brings a document's links back as their documentIds. */
const DOCUMENT_POPULATE = DOCUMENT_LINKS.map(
  (name) => `populate[${name}][fields][0]=documentId`,
).join('&');
const populateOf = (slug: RecordSlug) => (slug === 'documents' ? `&${DOCUMENT_POPULATE}` : '');

/** The newcomer's own records of a kind (at most 100, which is more than anyone's biography holds). */
export const listRecords = (jwt: string, slug: RecordSlug) =>
  callCms(
    'GET',
    `${RECORD_KINDS[slug].api}?sort=${RECORD_KINDS[slug].sort}&pagination[pageSize]=100${populateOf(slug)}`,
    jwt,
    data(z.array(recordSchema)),
  );

export const getRecord = (jwt: string, slug: RecordSlug, documentId: string) =>
  callCms(
    'GET',
    `${RECORD_KINDS[slug].api}/${encodeURIComponent(documentId)}?${populateOf(slug).slice(1)}`,
    jwt,
    data(recordSchema),
  );

export const createRecord = (jwt: string, slug: RecordSlug, values: unknown) =>
  callCms('POST', RECORD_KINDS[slug].api, jwt, data(recordSchema), { data: values });

export const updateRecord = (jwt: string, slug: RecordSlug, documentId: string, values: unknown) =>
  callCms(
    'PUT',
    `${RECORD_KINDS[slug].api}/${encodeURIComponent(documentId)}`,
    jwt,
    data(recordSchema),
    { data: values },
  );

export const deleteRecord = (jwt: string, slug: RecordSlug, documentId: string) =>
  callCms(
    'DELETE',
    `${RECORD_KINDS[slug].api}/${encodeURIComponent(documentId)}`,
    jwt,
    z.unknown(),
  );

/** The profile, or null before the newcomer saved it the first time. */
export async function getProfile(jwt: string) {
  const result = await callCms('GET', '/api/profiles/me', jwt, data(recordSchema));
  if (!result.ok && result.failure.status === 404) return { ok: true as const, data: null };
  return result;
}

export const saveProfile = (jwt: string, values: unknown) =>
  callCms('PUT', '/api/profiles/me', jwt, data(recordSchema), { data: values });

/** A stored record as form values: '' for nothing, 'on' for a true checkbox, a relation as its documentId. */
export function toFormValues(
  fields: FieldSpec[],
  record: Record<string, unknown> | null | undefined,
): FormValues {
  return Object.fromEntries(
    fields.map(({ name, kind }) => {
      const value = record?.[name];
      if (kind === 'checkboxes') return [name, Array.isArray(value) ? value.map(String) : []];
      if (kind === 'checkbox') return [name, value === true ? 'on' : ''];
      if (value && typeof value === 'object' && 'documentId' in value)
        return [name, String(value.documentId)];
      return [name, value === null || value === undefined ? '' : String(value)];
    }),
  );
}

/** The fields of a posted form; a body that is not a form reads as an empty one (and fails validation). */
export async function readFields(request: Request, fields: FieldSpec[]): Promise<FormValues> {
  let form: FormData | undefined;
  try {
    form = await request.formData();
  } catch {
    form = undefined;
  }
  return fromFormData(form, fields);
}

export function fromFormData(form: FormData | undefined, fields: FieldSpec[]): FormValues {
  const text = (value: FormDataEntryValue | null | undefined) =>
    typeof value === 'string' ? value : '';
  return Object.fromEntries(
    fields.map(({ name, kind }) =>
      kind === 'checkboxes'
        ? [name, (form?.getAll(name) ?? []).map(text).filter(Boolean)]
        : [name, text(form?.get(name))],
    ),
  );
}

/** Which of the profile's fields are filled in, for the dashboard. */
export function filledFields(
  fields: FieldSpec[],
  record: Record<string, unknown> | null,
): { filled: number; total: number } {
  const values = toFormValues(fields, record);
  const filled = fields.filter(({ name }) =>
    Array.isArray(values[name]) ? values[name].length > 0 : values[name] !== '',
  ).length;
  return { filled, total: fields.length };
}

export interface FormOutcome {
  /** What the person typed: shown again when the form comes back with errors. */
  values: FormValues;
  errors: FieldErrors;
  formError?: MessageKey;
  status: number;
  saved?: StoredRecord;
}

/**
 * A posted record form: checked with the shared schema first (errors beside the fields without
 * asking the CMS), then saved; the CMS's own refusals come back the same way.
 */
export async function submitRecordForm(
  request: Request,
  fields: FieldSpec[],
  schema: z.ZodType,
  save: (data: unknown) => Promise<CmsResult<StoredRecord>>,
): Promise<FormOutcome> {
  const values = await readFields(request, fields);
  const valid = validate(schema, values);
  if (!valid.ok) return { values, errors: valid.errors, status: 400 };
  const result = await save(valid.data);
  if (result.ok) return { values, errors: {}, status: 200, saved: result.data };
  const { fields: errors, key, status } = result.failure;
  return { values, errors, formError: Object.keys(errors).length > 0 ? undefined : key, status };
}

/**
 * The fields of a kind's form. A document's form also offers to link it to one of the newcomer's
 * entries (a list that cannot be loaded offers none, and the form still works).
 */
export async function formFieldsOf(
  jwt: string,
  slug: RecordSlug,
  locale: Locale,
): Promise<FieldSpec[]> {
  const fields: FieldSpec[] = [...RECORD_KINDS[slug].fields];
  if (slug !== 'documents') return fields;
  const lists = await Promise.all(
    DOCUMENT_LINKS.map((link) => listRecords(jwt, LINK_OF[link].slug)),
  );
  const entries = Object.fromEntries(
    DOCUMENT_LINKS.map((link, index) => [link, lists[index].ok ? lists[index].data : []]),
  );
  return [
    ...fields,
    ...documentLinkFields(entries as Record<DocumentLink, StoredRecord[]>, locale),
  ];
}
