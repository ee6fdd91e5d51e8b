import type { Core } from '@strapi/strapi';
import { UID } from './uids';

// A plan's content: as versions freeze and compare it (shared by the plans service and the
// versioning middleware, middlewares/document-service/plan-versioning.ts), and as the plan editor
// reads it (the admin takes these types through api-types.ts).

type Row = Record<string, any>;

/** What a version freezes: the plan's content, not its bookkeeping. */
const CONTENT = ['title', 'fieldsOfAction', 'reviews', 'notes', 'textLanguage'] as const;
/** Set only by the newcomer's acceptance, never by an edit. */
export const ACCEPTANCE = ['acceptedAt', 'acceptedVersion'] as const;
/** Set only by proposing (middlewares/document-service/plan-versioning.ts), never by an edit. */
export const PROPOSAL = ['version', 'proposedAt'] as const;

/** Equal as stored values: both empty, or the same number, date or text. */
export function sameValue(a: unknown, b: unknown): boolean {
  if ((a === null || a === undefined || a === '') && (b === null || b === undefined || b === ''))
    return true;
  if (a === null || a === undefined || b === null || b === undefined) return false;
  const time = (v: unknown) => (typeof v === 'number' ? NaN : new Date(v as string).getTime());
  if (!Number.isNaN(time(a)) && !Number.isNaN(time(b))) return time(a) === time(b);
  return String(a) === String(b);
}

/** JSON with object keys sorted: PostgreSQL's jsonb gives keys back in its own order. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Row)[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Plan content without ids, so that two saves of the same content compare equal. */
export function contentOf(plan: Row): Row {
  const strip = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(strip)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value)
              .filter(([key]) => key !== 'id' && key !== '__component')
              .map(([key, v]) => [key, strip(v)]),
          )
        : value;
  return Object.fromEntries(CONTENT.map((key) => [key, strip(plan[key] ?? null)]));
}

/** A plan's content (fields of action with goals and measures, reviews); with its owner for the system's reads. */
export const CONTENT_POPULATE = {
  fieldsOfAction: { populate: { goals: true, measures: true } },
  reviews: true,
};
export const PLAN_POPULATE = { ...CONTENT_POPULATE, owner: { select: ['id'] } };

/** The newest frozen version of a plan, if it was ever proposed. */
export const latestVersionOf = (strapi: Core.Strapi, planId: number) =>
  strapi.db
    .query(UID.planVersion)
    .findOne({ where: { plan: { id: planId } }, orderBy: { version: 'desc' } });

/** A coded value with its label in every language MoBio speaks (the admin shows de or en). */
export interface Choice {
  code: string;
  label: Record<string, string | null | undefined>;
}

/** A goal of a plan as the editor reads and writes it. */
export interface PlanGoal {
  catalogueKey: string | null;
  description: string | null;
  dueDate: string | null;
  status: string;
}

export interface PlanMeasure extends PlanGoal {
  responsible: string;
  responsibleName: string | null;
}

/** A plan as the editor shows it: content and bookkeeping, no ids of components, no owner. */
export interface EditorPlan {
  documentId: string;
  planStatus: string;
  version: number;
  proposedAt: string | null;
  acceptedAt: string | null;
  acceptedVersion: number | null;
  title: string | null;
  notes: string | null;
  textLanguage: string | null;
  fieldsOfAction: Array<{
    field: string;
    situation: string | null;
    goals: PlanGoal[];
    measures: PlanMeasure[];
  }>;
  reviews: Array<{ date: string; note: string | null }>;
}
