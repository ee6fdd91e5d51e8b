import { z } from 'zod';
import { CONFIG_CATALOGUES, type ConfigCatalogue } from './i18n/index.js';
import { LOCALES, type Locale } from './locales.js';
import {
  CEFR_LEVELS,
  CEFR_SKILLS,
  DOCUMENT_KINDS,
  EDUCATION_KINDS,
  FAMILY_STATUSES,
  ISCED_LEVELS,
  RECOGNITION_STATUSES,
  RESIDENCE_STATUSES,
} from './reference.js';
import {
  bool,
  checkPeriod,
  choice,
  country,
  documentId,
  isoDate,
  language,
  latinName,
  MESSAGES,
  nationality,
  optional,
  optionalText,
  pastDate,
  text,
} from './rules.js';

/*
 * The fields of a newcomer's records, each defined once: its name, its zod rule, how the form
 * asks for it, where its choices come from, its label and hint (in the `field` section of
 * config's catalogues) and how staff see it. The records' zod schemas are built from these lists,
 * the site's forms and the staff record view are derived from them, and a test checks the CMS's
 * schema.json of each record against them (maxLength, enumeration values, required).
 */

/** How the newcomer's form asks for a field. */
export type FieldKind =
  'text' | 'textarea' | 'date' | 'email' | 'tel' | 'number' | 'select' | 'checkbox' | 'checkboxes';

/** A reference list of reference.ts: coded values with a label in every locale. */
export interface CodeList {
  codes: readonly [string, ...string[]];
  label(code: never, locale: Locale): string;
}

/**
 * Where a field's values come from: a reference list; every country (ISO 3166, countries.ts); a
 * nationality (a country, stateless or unknown); a language (ISO 639); the UI languages the
 * installation offers; or one of the newcomer's own entries.
 */
export type FieldValues =
  CodeList | 'country' | 'nationality' | 'language' | 'uiLanguage' | 'entry';

/** How staff see a field in the record view, in German; free text keeps its own direction. */
export type StaffView =
  'text' | 'free' | 'date' | 'country' | 'language' | 'languages' | 'number' | 'codes';

type LabelKey = keyof ConfigCatalogue['field'];

export interface FieldDef {
  name: string;
  rule: z.ZodType;
  kind: FieldKind;
  values?: FieldValues;
  required?: boolean;
  /** The longest text the rule accepts (the CMS attribute's maxLength). */
  max?: number;
  /** Free text in any language: shown with dir="auto", so Arabic in a German page reads right. */
  freeText?: boolean;
  autocomplete?: string;
  /** How staff see it in the record view; without it the field is not shown there. */
  staff?: StaffView;
  /** Not asked on the newcomer's record form (set elsewhere, or not offered). */
  form?: false;
  /** The label in a locale: the `field` catalogue section, or a reference list's (CEFR skills). */
  label?: (locale: Locale) => string;
  hint?: (locale: Locale) => string;
  /** What staff read instead of `label` where the form asks the newcomer a question. */
  staffLabel?: (locale: Locale) => string;
}

/** A field as written below: `label` names its text in the catalogue (default: the name). */
type Input = Omit<FieldDef, 'label' | 'hint' | 'staffLabel'> & {
  label?: LabelKey | ((locale: Locale) => string);
  /** The field has a hint, `<label>Hint` in the catalogue. */
  hint?: true;
  /** No label in the catalogue (a field that is not on the form). */
  unlabelled?: true;
  staffLabel?: LabelKey;
};

const catalogueText = (key: string) => {
  if (!(key in CONFIG_CATALOGUES.de.field)) throw new Error(`No text field.${key} in config`);
  return (locale: Locale) => CONFIG_CATALOGUES[locale].field[key as LabelKey];
};

function fields(...inputs: Input[]): FieldDef[] {
  return inputs.map(({ label, hint, unlabelled, staffLabel, ...field }) => {
    const key = typeof label === 'string' ? label : field.name;
    return {
      ...field,
      label: unlabelled ? undefined : typeof label === 'function' ? label : catalogueText(key),
      hint: hint && catalogueText(`${key}Hint`),
      staffLabel: staffLabel && catalogueText(staffLabel),
    };
  });
}

const requiredText = (max: number) => ({ rule: text(max), max, required: true });
const optionalUpTo = (max: number) => ({ rule: optionalText(max), max });
const codes = (list: CodeList & { codes: readonly [string, ...string[]] }) => ({
  rule: optional(choice(list.codes)),
  values: list,
});

const textLanguage: Input = {
  name: 'textLanguage',
  rule: optional(language),
  kind: 'select',
  values: 'language',
  max: 3,
  hint: true,
};
const place: Input = {
  name: 'place',
  ...optionalUpTo(200),
  kind: 'text',
  freeText: true,
  staff: 'free',
};
const inCountry: Input = {
  name: 'country',
  rule: optional(country),
  kind: 'select',
  values: 'country',
  max: 2,
  staff: 'country',
};
const period: Input[] = [
  { name: 'from', rule: optional(isoDate), kind: 'date', staff: 'date' },
  { name: 'to', rule: optional(isoDate), kind: 'date', hint: true, staff: 'date' },
];
const notes: Input = {
  name: 'notes',
  ...optionalUpTo(2000),
  kind: 'textarea',
  freeText: true,
  staff: 'free',
};

export const PROFILE_FIELD_DEFS = fields(
  {
    name: 'givenNames',
    ...requiredText(200),
    kind: 'text',
    autocomplete: 'given-name',
    freeText: true,
    staff: 'free',
  },
  {
    name: 'familyName',
    ...requiredText(200),
    kind: 'text',
    autocomplete: 'family-name',
    freeText: true,
    staff: 'free',
  },
  // Latin letters only (the rule says so), but dir="auto" keeps it left-to-right in an Arabic page.
  {
    name: 'latinName',
    rule: optional(latinName),
    max: 200,
    kind: 'text',
    hint: true,
    autocomplete: 'off',
    freeText: true,
    staff: 'text',
  },
  {
    name: 'birthDate',
    rule: optional(pastDate),
    kind: 'date',
    autocomplete: 'bday',
    staff: 'date',
  },
  { name: 'birthPlace', ...optionalUpTo(200), kind: 'text', freeText: true, staff: 'free' },
  { ...inCountry, name: 'nationality', rule: optional(nationality), values: 'nationality' },
  {
    name: 'contactEmail',
    rule: optional(z.email({ error: MESSAGES.email }).max(254, MESSAGES.tooLong)),
    kind: 'email',
    autocomplete: 'email',
    staff: 'text',
  },
  {
    name: 'phone',
    rule: optional(
      z
        .string()
        .trim()
        .regex(/^\+?[0-9 ()/-]{5,30}$/, MESSAGES.phone),
    ),
    max: 30,
    kind: 'tel',
    hint: true,
    autocomplete: 'tel',
    staff: 'text',
  },
  {
    name: 'address',
    ...optionalUpTo(500),
    kind: 'textarea',
    autocomplete: 'street-address',
    freeText: true,
    staff: 'free',
  },
  {
    name: 'correspondenceLanguages',
    rule: optional(z.array(language).max(5, MESSAGES.tooLong)),
    kind: 'checkboxes',
    values: 'uiLanguage',
    staff: 'languages',
    staffLabel: 'correspondenceLanguagesShort',
  },
  { name: 'familyStatus', ...codes(FAMILY_STATUSES), kind: 'select', staff: 'codes' },
  {
    name: 'children',
    rule: optional(
      z.coerce
        .number({ error: MESSAGES.number })
        .int(MESSAGES.number)
        .min(0, MESSAGES.number)
        .max(30, MESSAGES.number),
    ),
    kind: 'number',
    staff: 'number',
  },
  { name: 'arrivalDate', rule: optional(pastDate), kind: 'date', staff: 'date' },
  { name: 'residenceStatus', ...codes(RESIDENCE_STATUSES), kind: 'select', staff: 'codes' },
  {
    name: 'residenceNote',
    ...optionalUpTo(500),
    kind: 'textarea',
    hint: true,
    freeText: true,
    staff: 'free',
  },
  // Chosen with the language switcher and the account settings, not on this form.
  {
    name: 'uiLocale',
    rule: optional(z.enum(LOCALES, { error: MESSAGES.choice })),
    kind: 'select',
    values: 'uiLanguage',
    form: false,
    unlabelled: true,
  },
  textLanguage,
);

export const LANGUAGE_SKILL_FIELD_DEFS = fields(
  {
    name: 'language',
    rule: language,
    kind: 'select',
    values: 'language',
    max: 3,
    required: true,
  },
  { name: 'native', rule: bool.default(false), kind: 'checkbox' },
  ...CEFR_SKILLS.codes.map((skill): Input => ({
    name: skill,
    ...codes(CEFR_LEVELS),
    kind: 'select',
    label: (locale) => CEFR_SKILLS.label(skill, locale),
    staff: 'codes',
  })),
  {
    name: 'courses',
    ...optionalUpTo(2000),
    kind: 'textarea',
    hint: true,
    freeText: true,
    staff: 'free',
  },
  notes,
  textLanguage,
);

export const EDUCATION_ENTRY_FIELD_DEFS = fields(
  {
    name: 'kind',
    rule: choice(EDUCATION_KINDS.codes),
    kind: 'select',
    values: EDUCATION_KINDS,
    required: true,
    label: 'educationKind',
    staff: 'codes',
  },
  { name: 'institution', ...requiredText(300), kind: 'text', freeText: true, staff: 'free' },
  place,
  inCountry,
  ...period,
  { name: 'degree', ...optionalUpTo(300), kind: 'text', freeText: true },
  { name: 'subject', ...optionalUpTo(300), kind: 'text', freeText: true, staff: 'free' },
  { name: 'iscedLevel', ...codes(ISCED_LEVELS), kind: 'select', hint: true, staff: 'codes' },
  { name: 'recognitionStatus', ...codes(RECOGNITION_STATUSES), kind: 'select', staff: 'codes' },
  notes,
  textLanguage,
);

export const EMPLOYMENT_ENTRY_FIELD_DEFS = fields(
  { name: 'occupation', ...requiredText(200), kind: 'text', freeText: true },
  { name: 'employer', ...optionalUpTo(300), kind: 'text', freeText: true, staff: 'free' },
  place,
  inCountry,
  ...period,
  { name: 'tasks', ...optionalUpTo(4000), kind: 'textarea', freeText: true, staff: 'free' },
  { name: 'skills', ...optionalUpTo(2000), kind: 'textarea', freeText: true, staff: 'free' },
  {
    name: 'iscoCode',
    rule: optional(
      z
        .string()
        .trim()
        .regex(/^[0-9]{1,4}$/, MESSAGES.invalid),
    ),
    max: 4,
    kind: 'text',
    hint: true,
    staff: 'text',
  },
  textLanguage,
);

/** Metadata of a stored document; the file itself travels beside it. */
export const DOCUMENT_FIELD_DEFS = fields(
  { name: 'title', ...requiredText(200), kind: 'text', label: 'documentTitle', freeText: true },
  {
    name: 'kind',
    rule: choice(DOCUMENT_KINDS.codes),
    kind: 'select',
    values: DOCUMENT_KINDS,
    required: true,
    label: 'documentKind',
    staff: 'codes',
  },
  { name: 'issuer', ...optionalUpTo(300), kind: 'text', freeText: true, staff: 'free' },
  { name: 'issueDate', rule: optional(pastDate), kind: 'date', staff: 'date' },
  {
    name: 'language',
    rule: optional(language),
    kind: 'select',
    values: 'language',
    max: 3,
    label: 'documentLanguage',
    staff: 'language',
  },
  // The entries a document belongs to: the choices are the newcomer's own entries of that kind.
  {
    name: 'educationEntry',
    rule: optional(documentId),
    kind: 'select',
    values: 'entry',
    label: 'linkEducation',
  },
  {
    name: 'employmentEntry',
    rule: optional(documentId),
    kind: 'select',
    values: 'entry',
    label: 'linkEmployment',
  },
  {
    name: 'languageSkill',
    rule: optional(documentId),
    kind: 'select',
    values: 'entry',
    label: 'linkLanguage',
  },
  // Set by the CMS's translation upload, not on the form.
  {
    name: 'translationOf',
    rule: optional(documentId),
    kind: 'select',
    values: 'entry',
    form: false,
    unlabelled: true,
  },
);

/** A field's label as staff read it: German, and a name where the form asks the newcomer. */
export const staffLabelOf = (field: FieldDef): string | undefined =>
  (field.staffLabel ?? field.label)?.('de');

/** A record's zod schema: its fields' rules, strict (an unknown key, `owner` included, is refused). */
const schemaOf = (defs: FieldDef[]) =>
  z.object(Object.fromEntries(defs.map((field) => [field.name, field.rule]))).strict();

export const profileSchema = schemaOf(PROFILE_FIELD_DEFS);
export const languageSkillSchema = schemaOf(LANGUAGE_SKILL_FIELD_DEFS);
export const educationEntrySchema = schemaOf(EDUCATION_ENTRY_FIELD_DEFS).superRefine(checkPeriod);
export const employmentEntrySchema = schemaOf(EMPLOYMENT_ENTRY_FIELD_DEFS).superRefine(checkPeriod);
export const documentMetadataSchema = schemaOf(DOCUMENT_FIELD_DEFS);

export type ProfileInput = z.infer<typeof profileSchema>;
export type LanguageSkillInput = z.infer<typeof languageSkillSchema>;
export type EducationEntryInput = z.infer<typeof educationEntrySchema>;
export type EmploymentEntryInput = z.infer<typeof employmentEntrySchema>;
export type DocumentMetadataInput = z.infer<typeof documentMetadataSchema>;
