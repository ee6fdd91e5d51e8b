import { byLocale, localized } from './i18n/index.js';
import type { Locale, Localized } from './locales.js';

/**
 * Reference lists: coded values stored in the database, with a label in every locale (the
 * labels in the catalogues of ./i18n, under `reference`).
 * The CMS schemas use the codes as enumerations (a test checks they match); the site shows the
 * newcomer's language, the admin panel and PDFs German. Countries and languages are not listed
 * here: their codes are ISO 3166 / ISO 639 and their names come from Intl.DisplayNames.
 */
function reference<const T extends Record<string, Localized>>(labels: T) {
  const codes = Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]];
  return { codes, labels, label: (code: keyof T & string, locale: Locale) => labels[code][locale] };
}

/** Common European Framework of Reference levels; a mother tongue is a flag of its own. */
export const CEFR_LEVELS = reference(byLocale((c) => c.reference.cefrLevels));

export const MOTHER_TONGUE: Localized = localized((c) => c.motherTongue);

/** The five CEFR skills of the Europass self-assessment grid. */
export const CEFR_SKILLS = reference(byLocale((c) => c.reference.cefrSkills));

/** ISCED 2011 levels of education. */
export const ISCED_LEVELS = reference(byLocale((c) => c.reference.iscedLevels));

export const EDUCATION_KINDS = reference(byLocale((c) => c.reference.educationKinds));

/** Where the recognition of a foreign qualification in Germany stands. */
export const RECOGNITION_STATUSES = reference(byLocale((c) => c.reference.recognitionStatuses));

export const DOCUMENT_KINDS = reference(byLocale((c) => c.reference.documentKinds));

/** Fields of action of an integration plan (VwV Integrationsmanagement). */
export const FIELDS_OF_ACTION = reference(byLocale((c) => c.reference.fieldsOfAction));

export const GOAL_STATUSES = reference(byLocale((c) => c.reference.goalStatuses));

/** Who carries out an agreed measure. */
export const MEASURE_RESPONSIBLES = reference(byLocale((c) => c.reference.measureResponsibles));

export const PLAN_STATUSES = reference(byLocale((c) => c.reference.planStatuses));

export const FAMILY_STATUSES = reference(byLocale((c) => c.reference.familyStatuses));

/** Residence status in Germany, coarse; the exact title goes into free text. */
export const RESIDENCE_STATUSES = reference(byLocale((c) => c.reference.residenceStatuses));

export const ORGANISATION_KINDS = reference(byLocale((c) => c.reference.organisationKinds));

/** The parts of a newcomer's data that can be shared one by one. */
export const SECTIONS = reference(byLocale((c) => c.reference.sections));
export type Section = (typeof SECTIONS.codes)[number];
/** The sections a newcomer keeps as lists of entries (the profile is one record; plans are written by staff). */
export const LIST_SECTIONS = [
  'languages',
  'education',
  'employment',
  'documents',
] as const satisfies readonly Section[];

/**
 * Why a District administrator acts on a newcomer's account (finds, locks, unlocks or deletes it):
 * chosen from this list, so that the newcomer reads the reason in their own language.
 */
export const ACCOUNT_REASONS = reference(byLocale((c) => c.reference.accountReasons));
export type AccountReason = (typeof ACCOUNT_REASONS.codes)[number];

export const ACCESS_LEVELS = reference(byLocale((c) => c.reference.accessLevels));
export type Access = (typeof ACCESS_LEVELS.codes)[number];

/** Every reference list by name, for tests and for the CMS schema check. */
export const REFERENCE_LISTS = {
  cefrLevels: CEFR_LEVELS,
  cefrSkills: CEFR_SKILLS,
  iscedLevels: ISCED_LEVELS,
  educationKinds: EDUCATION_KINDS,
  recognitionStatuses: RECOGNITION_STATUSES,
  documentKinds: DOCUMENT_KINDS,
  fieldsOfAction: FIELDS_OF_ACTION,
  goalStatuses: GOAL_STATUSES,
  measureResponsibles: MEASURE_RESPONSIBLES,
  planStatuses: PLAN_STATUSES,
  familyStatuses: FAMILY_STATUSES,
  residenceStatuses: RESIDENCE_STATUSES,
  organisationKinds: ORGANISATION_KINDS,
  sections: SECTIONS,
  accessLevels: ACCESS_LEVELS,
} as const;
