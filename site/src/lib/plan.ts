import { FIELDS_OF_ACTION, GOAL_STATUSES, MEASURE_RESPONSIBLES, PLAN_STATUSES } from '@mobio/config';
import { z } from 'zod';
import type { MessageKey } from '../i18n';
import { requestCms } from './cms-request';
import { sharingFailureOf, type SharingFailure } from './sharing';

/*
 * The newcomer's integration plan: read through the CMS's content API (only the owner's plans
 * come back), accepted through the sharing plugin's route. Like lib/sharing.ts nothing here throws
 * and no CMS text reaches a page.
 */

// A coded value this site does not know yet (a newer CMS) fails the parse and the page shows the
// "cannot load" notice, rather than an untranslated code.
const goalSchema = z.object({
  description: z.string(),
  dueDate: z.string().nullish(),
  status: z.enum(GOAL_STATUSES.codes),
});
const measureSchema = z.object({
  description: z.string(),
  responsible: z.enum(MEASURE_RESPONSIBLES.codes),
  responsibleName: z.string().nullish(),
  dueDate: z.string().nullish(),
  status: z.enum(GOAL_STATUSES.codes),
});
const fieldSchema = z.object({
  field: z.enum(FIELDS_OF_ACTION.codes),
  situation: z.string().nullish(),
  goals: z.array(goalSchema).nullish().transform((list) => list ?? []),
  measures: z.array(measureSchema).nullish().transform((list) => list ?? []),
});
const planSchema = z.object({
  documentId: z.string(),
  title: z.string().nullish(),
  version: z.number().int(),
  planStatus: z.enum(PLAN_STATUSES.codes),
  fieldsOfAction: z.array(fieldSchema).nullish().transform((list) => list ?? []),
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

export type PlanResult<T> = { ok: true; data: T } | { ok: false; failure: SharingFailure };
const CMS_DOWN: SharingFailure = { key: 'auth.cmsUnavailable', fields: {}, status: 503 };

// Strapi 5 with rest.strictParams answers 400 to a populate it does not understand: `populate=reviews`
// cannot stand beside the object form, and `populate[reviews]=true` is refused ("Invalid key");
// `*` is accepted for the component and for the components inside one (goals, measures).
const PLANS_QUERY = 'populate[fieldsOfAction][populate]=*&populate[reviews]=*&sort=updatedAt:desc';

async function call<T>(method: 'GET' | 'POST', path: string, jwt: string, schema: z.ZodType<T>, body?: unknown): Promise<PlanResult<T>> {
  return requestCms(method, path, { jwt, schema, body, failureOf: planFailureOf, down: CMS_DOWN });
}

const versionErrorSchema = z.object({
  error: z.object({ details: z.object({ errors: z.array(z.object({ message: z.string() })).min(1) }) }),
});

/**
 * A CMS error answer as a localized failure. The plugin's 'error.planVersion' (the plan was
 * proposed anew, or is no longer proposed, since the page was loaded) gets the plan page's own message.
 */
export function planFailureOf(status: number, body: unknown): SharingFailure {
  const parsed = versionErrorSchema.safeParse(body);
  if (status === 400 && parsed.success && parsed.data.error.details.errors[0].message === 'error.planVersion') {
    const key: MessageKey = 'plan.error.changed';
    return { key, fields: {}, status: 400 };
  }
  const failure = sharingFailureOf(status, body);
  // The form has one field the CMS could name (version), and it is hidden: its message goes to the form.
  return { ...failure, key: failure.fields.version ?? failure.key, fields: {} };
}

/** All my integration plans, most recently changed first. */
export const fetchPlans = (jwt: string) =>
  call('GET', `/api/integration-plans?${PLANS_QUERY}`, jwt, z.object({ data: z.array(planSchema) }).transform((body) => body.data));

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

/** A date-only value of the CMS ('2027-06-30') as a Date for the site's formatters. */
export function dayOf(value: string): Date {
  // Noon UTC: the same calendar day in Berlin, whatever the server's zone.
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T12:00:00Z` : value);
}
