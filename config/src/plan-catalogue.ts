/*
 * The catalogue of standard goals and measures of an integration plan, per field of action.
 *
 * What integration managers agree on with newcomers again and again (VwV Integrationsmanagement
 * Baden-Württemberg and everyday practice: integration course, B1 / DTZ, recognition of foreign
 * qualifications, Jobcenter and Agentur für Arbeit, flat search and WBS, family doctor, Kita place,
 * sports club and volunteering, debt counselling, residence permit, settlement permit,
 * naturalisation …). A plan goal or measure names an entry by its key; the newcomer's site and the
 * plan PDF show it in the newcomer's language, so the goal agreement is one they can read.
 *
 * TRANSLATIONS AWAIT REVIEW BY NATIVE SPEAKERS: the German texts are the reference; the English,
 * Arabic (Modern Standard Arabic), Persian (Iran, with ZWNJ) and French texts were written for
 * MoBio and have not yet been checked by native readers. Names of German offices and benefits
 * (Jobcenter, Bürgergeld, WBS, DTZ …) stay beside the translation where a newcomer meets them as such.
 *
 * The texts are in the catalogues of ./i18n (`planCatalogue`, field → kind → slug); the German one
 * says which entries exist. Keys are `<field>.<goal|measure>.<slug>` and never change once used:
 * plans and frozen plan versions store them. A District administrator adds entries in the admin panel (the sharing
 * plugin's catalogue-entry type); those are merged with these at run time.
 */
import { CONFIG_CATALOGUES, localized } from './i18n/index.js';
import type { Locale, Localized } from './locales.js';
import { FIELDS_OF_ACTION } from './reference.js';

export type FieldOfAction = (typeof FIELDS_OF_ACTION.codes)[number];
export const PLAN_ITEM_KINDS = ['goal', 'measure'] as const;
export type PlanItemKind = (typeof PLAN_ITEM_KINDS)[number];

export interface CatalogueEntry {
  key: string;
  field: FieldOfAction;
  kind: PlanItemKind;
  label: Localized;
}

/** Longest key a plan stores (the components' `catalogueKey` maxLength). */
export const CATALOGUE_KEY_MAX = 100;
/** `<field>.<goal|measure>.<slug>`: lower-case letters, digits and hyphens in the slug. */
export const CATALOGUE_KEY_PATTERN = /^([A-Za-z]+)\.(goal|measure)\.([a-z0-9]+(?:-[a-z0-9]+)*)$/;

/** The German catalogue's plan texts, field → kind → slug; the compiler refuses a missing field or kind. */
const TEXTS: Record<FieldOfAction, Record<PlanItemKind, Record<string, string>>> = CONFIG_CATALOGUES
  .de.planCatalogue;

/** The built-in catalogue: every standard goal and measure, in the order of the fields of action. */
export const PLAN_CATALOGUE: readonly CatalogueEntry[] = Object.freeze(
  FIELDS_OF_ACTION.codes.flatMap((field) =>
    PLAN_ITEM_KINDS.flatMap((kind) =>
      Object.keys(TEXTS[field][kind]).map((slug) =>
        Object.freeze({
          key: `${field}.${kind}.${slug}`,
          field,
          kind,
          label: localized((c) => (c.planCatalogue[field][kind] as Record<string, string>)[slug]),
        }),
      ),
    ),
  ),
);

const BY_KEY: ReadonlyMap<string, CatalogueEntry> = new Map(
  PLAN_CATALOGUE.map((entry) => [entry.key, entry]),
);

/** A built-in catalogue entry by its key, or undefined. */
export function catalogueEntry(key: string): CatalogueEntry | undefined {
  return BY_KEY.get(key);
}

/** The label of a built-in entry in one locale, or undefined for an unknown key. */
export function catalogueLabel(key: string, locale: Locale): string | undefined {
  return BY_KEY.get(key)?.label[locale];
}
