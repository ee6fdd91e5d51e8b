import {
  DEFAULT_LOCALE,
  FIELDS_OF_ACTION,
  GOAL_STATUSES,
  LOCALES,
  MEASURE_RESPONSIBLES,
  PLAN_ITEM_KINDS,
  PLAN_STATUSES,
  type Locale,
} from '@mobio/config';
import { z } from 'zod';
import type { MessageKey } from '../i18n';
import { callCms, cmsFailureOf, type CmsFailure } from './cms';

/*
 * The newcomer's integration plan: read through the CMS's content API (only the owner's plans
 * come back), accepted through the sharing plugin's route. Like lib/sharing.ts nothing here throws
 * and no CMS text reaches a page.
 */

// A coded value this site does not know yet (a newer CMS) fails the parse and the page shows the
// "cannot load" notice, rather than an untranslated code.
// A goal or measure names a catalogue entry (shown in the reader's language) or is the adviser's free text.
const goalSchema = z.object({
  catalogueKey: z.string().nullish(),
  description: z.string().nullish(),
  dueDate: z.string().nullish(),
  status: z.enum(GOAL_STATUSES.codes),
});
const measureSchema = z.object({
  catalogueKey: z.string().nullish(),
  description: z.string().nullish(),
  responsible: z.enum(MEASURE_RESPONSIBLES.codes),
  responsibleName: z.string().nullish(),
  dueDate: z.string().nullish(),
  status: z.enum(GOAL_STATUSES.codes),
});
const fieldSchema = z.object({
  field: z.enum(FIELDS_OF_ACTION.codes),
  situation: z.string().nullish(),
  goals: z
    .array(goalSchema)
    .nullish()
    .transform((list) => list ?? []),
  measures: z
    .array(measureSchema)
    .nullish()
    .transform((list) => list ?? []),
});
const planSchema = z.object({
  documentId: z.string(),
  title: z.string().nullish(),
  version: z.number().int(),
  planStatus: z.enum(PLAN_STATUSES.codes),
  fieldsOfAction: z
    .array(fieldSchema)
    .nullish()
    .transform((list) => list ?? []),
  reviews: z
    .array(z.object({ date: z.string(), note: z.string().nullish() }))
    .nullish()
    .transform((list) => list ?? []),
  notes: z.string().nullish(),
  proposedAt: z.coerce.date().nullish(),
  acceptedAt: z.coerce.date().nullish(),
  acceptedVersion: z.number().int().nullish(),
  /** The language the adviser wrote the free text in (ISO 639), when they said so. */
  textLanguage: z
    .string()
    .nullish()
    .transform((code) => (code && /^[a-z]{2,3}$/.test(code) ? code : undefined)),
});
export type Plan = z.infer<typeof planSchema>;

const acceptanceSchema = z.object({
  data: z.object({ documentId: z.string(), version: z.number(), acceptedAt: z.coerce.date() }),
});
export type Acceptance = z.infer<typeof acceptanceSchema>['data'];

// Strapi 5 with rest.strictParams answers 400 to a populate it does not understand: `populate=reviews`
// cannot stand beside the object form, and `populate[reviews]=true` is refused ("Invalid key");
// `*` is accepted for the component and for the components inside one (goals, measures).
const PLANS_QUERY = 'populate[fieldsOfAction][populate]=*&populate[reviews]=*&sort=updatedAt:desc';

// Every plan call answers with the plan page's own failure mapping.
const call = <T>(
  method: 'GET' | 'POST',
  path: string,
  jwt: string,
  schema: z.ZodType<T>,
  body?: unknown,
) => callCms(method, path, jwt, schema, body, planFailureOf);

const versionErrorSchema = z.object({
  error: z.object({
    details: z.object({ errors: z.array(z.object({ message: z.string() })).min(1) }),
  }),
});

/**
 * A CMS error answer as a localized failure. The plugin's 'error.planVersion' (the plan was
 * proposed anew, or is no longer proposed, since the page was loaded) gets the plan page's own message.
 */
export function planFailureOf(status: number, body: unknown): CmsFailure {
  const parsed = versionErrorSchema.safeParse(body);
  if (
    status === 400 &&
    parsed.success &&
    parsed.data.error.details.errors[0].message === 'error.planVersion'
  ) {
    const key: MessageKey = 'plan.error.changed';
    return { key, fields: {}, status: 400 };
  }
  const failure = cmsFailureOf(status, body);
  // The form has one field the CMS could name (version), and it is hidden: its message goes to the form.
  return { ...failure, key: failure.fields.version ?? failure.key, fields: {} };
}

/** All my integration plans, most recently changed first. */
export const fetchPlans = (jwt: string) =>
  call(
    'GET',
    `/api/integration-plans?${PLANS_QUERY}`,
    jwt,
    z.object({ data: z.array(planSchema) }).transform((body) => body.data),
  );

/**
 * The plan the newcomer sees: the most recently changed one that is not a draft. Drafts are the
 * adviser's work in progress and are not shown.
 */
export function visiblePlan(plans: readonly Plan[]): Plan | undefined {
  return plans.find((plan) => plan.planStatus !== 'draft');
}

/** Agrees to one version of a plan; the CMS refuses (error.planVersion) when that is not the proposed version. */
export const acceptPlan = (jwt: string, documentId: string, version: number) =>
  call(
    'POST',
    `/api/sharing/plans/${encodeURIComponent(documentId)}/accept`,
    jwt,
    acceptanceSchema.transform((body) => body.data),
    { data: { version } },
  );

const catalogueSchema = z.object({
  data: z.array(
    z.object({
      key: z.string(),
      field: z.enum(FIELDS_OF_ACTION.codes),
      kind: z.enum(PLAN_ITEM_KINDS),
      // German always; another language is null while the district has not translated its own entry.
      label: z.object(
        Object.fromEntries(
          LOCALES.map((locale) => [
            locale,
            locale === DEFAULT_LOCALE ? z.string() : z.string().nullable(),
          ]),
        ) as unknown as Record<Locale, z.ZodType<string | null>>,
      ),
    }),
  ),
});
export type CatalogueLabels = ReadonlyMap<string, Record<Locale, string | null>>;

/** Whether the plan names any catalogue entry (only then the catalogue is fetched). */
export const usesCatalogue = (plan: Plan) =>
  plan.fieldsOfAction.some((field) =>
    [...field.goals, ...field.measures].some((item) => item.catalogueKey),
  );

/** The plan catalogue (built-in and the district's own entries), as labels by key. */
export const fetchCatalogue = (jwt: string) =>
  call(
    'GET',
    '/api/sharing/plan-catalogue',
    jwt,
    catalogueSchema.transform(
      (body): CatalogueLabels => new Map(body.data.map((entry) => [entry.key, entry.label])),
    ),
  );

/**
 * What a goal or measure says, for a reader of `locale`: a catalogue entry in their language, or in
 * German marked as not yet translated (an entry the district added without that translation), or
 * the adviser's free text as written.
 */
export type ItemText =
  | { kind: 'catalogue'; text: string; lang: Locale; untranslated: boolean }
  | { kind: 'free'; text: string };

export function itemText(
  item: { catalogueKey?: string | null; description?: string | null },
  catalogue: CatalogueLabels,
  locale: Locale,
): ItemText {
  const label = item.catalogueKey ? catalogue.get(item.catalogueKey) : undefined;
  if (!label) return { kind: 'free', text: item.description ?? item.catalogueKey ?? '' };
  const own = label[locale];
  return own
    ? { kind: 'catalogue', text: own, lang: locale, untranslated: false }
    : { kind: 'catalogue', text: label.de as string, lang: 'de', untranslated: true };
}

/**
 * Whether the reader meets text in the plan that is not in their language: a district goal nobody
 * has translated yet, or anything the adviser wrote in another language (or did not say which).
 */
export function hasForeignText(plan: Plan, catalogue: CatalogueLabels, locale: Locale): boolean {
  const items = plan.fieldsOfAction
    .flatMap((field) => [...field.goals, ...field.measures])
    .map((item) => itemText(item, catalogue, locale));
  const untranslatedEntry = items.some((text) => text.kind === 'catalogue' && text.untranslated);
  const byAdviser =
    items.some((text) => text.kind === 'free') ||
    [
      plan.notes,
      ...plan.fieldsOfAction.map((field) => field.situation),
      ...plan.reviews.map((review) => review.note),
    ].some(Boolean);
  return untranslatedEntry || (byAdviser && plan.textLanguage !== locale);
}

/** A date-only value of the CMS ('2027-06-30') as a Date for the site's formatters. */
export function dayOf(value: string): Date {
  // Noon UTC: the same calendar day in Berlin, whatever the server's zone.
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value);
}
