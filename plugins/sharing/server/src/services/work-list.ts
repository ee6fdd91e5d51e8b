import type { Core } from '@strapi/strapi';
import { districtDay, FIELDS_OF_ACTION, SECTIONS, type Section } from '@mobio/config';
import { isGrantActive, type Actor } from '../access';
import { linkedTo } from '../linked-to';
import { getService } from '../utils';
import { UID } from '../uids';

type Row = Record<string, any>;
type Staff = Extract<Actor, { kind: 'staff' }>;
type GrantRow = {
  sections: Section[];
  expiresAt: string;
  revokedAt: string | null;
  createdAt: string;
  updatedAt: string;
  owner: { id: number; documentId: string };
};

/** How far ahead the work list looks for due dates and ending grants. */
export const WORK_LIST_DAYS = 14;
/** A pause longer than this starts a new visit (as the newcomer's access log groups visits). */
const VISIT_GAP_MS = 30 * 60_000;
const DAY_MS = 86_400_000;
/** Goals and measures still to be done. */
const OPEN = new Set(['open', 'inProgress']);

export type WorkItemKind =
  | 'firstShare'
  | 'grantGiven'
  | 'grantChanged'
  | 'grantRevoked'
  | 'planAccepted'
  | 'reviewDue'
  | 'goalDue'
  | 'measureDue'
  | 'grantEnding';

/** One line of the work list. `ownerId` and `name` only while the person shares something with me. */
export interface WorkItem {
  kind: WorkItemKind;
  ownerId: string | null;
  name: string | null;
  /** When it happened, or when it is due (YYYY-MM-DD for due dates). */
  date: string;
  overdue: boolean;
  /** What it is about, in German: sections, a field of action and goal, a plan version. */
  detail: string;
  /** Where one click leads: the person's record or their plan; nothing when no longer shared. */
  link: 'record' | 'plan' | null;
}

export interface WorkList {
  since: string;
  news: WorkItem[];
  due: WorkItem[];
  counts: { news: number; due: number; overdue: number };
}

const ms = (value: unknown) => new Date(value as string).getTime();
const iso = (value: unknown) => new Date(value as string).toISOString();
const sectionsOf = (sections: Section[]) =>
  sections.map((section) => SECTIONS.label(section, 'de')).join(', ');

/**
 * The integration manager's work list: what changed since her last visit and what is due soon,
 * computed only from what is shared with her. Grants are hers to know (she is their grantee); a
 * person's name and plan only while that person shares with her, the plan only with a plan grant
 * and read through the document service as her, so the sharing rule scopes it and the person's
 * access log shows the look.
 */
const workList = ({ strapi }: { strapi: Core.Strapi }) => {
  /** The start of the previous visit; opening the list within a visit keeps the same answer. */
  async function lastVisit(staffId: number, now: Date): Promise<Date> {
    const store = strapi.store({ type: 'plugin', name: 'sharing', key: `work-list-${staffId}` });
    const seen = (await store.get({})) as { previous: string; latest: string } | null;
    const fresh = !seen || now.getTime() - ms(seen.latest) > VISIT_GAP_MS;
    const previous = !seen
      ? new Date(now.getTime() - WORK_LIST_DAYS * DAY_MS).toISOString()
      : fresh
        ? seen.latest
        : seen.previous;
    await store.set({ value: { previous, latest: now.toISOString() } });
    return new Date(previous);
  }

  async function grantsTo(staffId: number): Promise<GrantRow[]> {
    const rows: GrantRow[] = await strapi.db.query(UID.grant).findMany({
      where: { id: { $in: linkedTo(strapi, UID.grant, 'grantee', staffId) } },
      select: ['sections', 'expiresAt', 'revokedAt', 'createdAt', 'updatedAt'],
      populate: { owner: { select: ['id', 'documentId'] } },
    });
    return rows.filter((row) => row.owner);
  }

  /** The plans I may read now, read as me (scoped and audited by the document service). */
  async function plansOf(sharing: Map<number, string>): Promise<Map<number, Row>> {
    if (sharing.size === 0) return new Map();
    const plans: Row[] = await strapi.documents(UID.integrationPlan as never).findMany({
      fields: ['planStatus', 'acceptedAt', 'acceptedVersion'],
      populate: {
        fieldsOfAction: { populate: { goals: true, measures: true } },
        reviews: true,
      },
    } as never);
    if (plans.length === 0) return new Map();
    const owners: Row[] = await strapi.db.query(UID.integrationPlan).findMany({
      where: { id: { $in: plans.map((plan) => plan.id) } },
      select: ['id'],
      populate: { owner: { select: ['id'] } },
    });
    const ownerOf = new Map(owners.map((row) => [row.id, row.owner?.id as number | undefined]));
    const byOwner = new Map<number, Row>();
    for (const plan of plans) {
      const owner = ownerOf.get(plan.id);
      if (owner !== undefined && sharing.has(owner)) byOwner.set(owner, plan);
    }
    return byOwner;
  }

  async function itemText(kind: 'goal' | 'measure', field: string, item: Row): Promise<string> {
    const label = item.catalogueKey
      ? ((await getService(strapi, 'catalogue').find(item.catalogueKey))?.label.de ??
        item.catalogueKey)
      : (item.description ?? '');
    return `${FIELDS_OF_ACTION.label(field as never, 'de')}: ${label}`;
  }

  return {
    /** The work list of a staff member at `now`; marks this visit. */
    async forStaff(actor: Staff, now = new Date()): Promise<WorkList> {
      const since = await lastVisit(actor.id, now);
      const today = districtDay(now);
      const horizon = districtDay(new Date(now.getTime() + WORK_LIST_DAYS * DAY_MS));
      const grants = await grantsTo(actor.id);
      const active = grants.filter((grant) => isGrantActive(grant, now));
      // Who shares with me now, by id → documentId; only they are named and linked.
      const sharing = new Map<number, string>(
        active.map((grant) => [grant.owner.id, grant.owner.documentId]),
      );
      const names = new Map<number, string | null>();
      for (const ownerId of sharing.keys())
        names.set(ownerId, await getService(strapi, 'staff').nameOf(actor, ownerId));
      const who = (ownerId: number, link: WorkItem['link']) =>
        sharing.has(ownerId)
          ? { ownerId: sharing.get(ownerId)!, name: names.get(ownerId) ?? null, link }
          : { ownerId: null, name: null, link: null };
      const firstGrant = new Map<number, number>();
      for (const grant of grants) {
        const at = ms(grant.createdAt);
        firstGrant.set(grant.owner.id, Math.min(at, firstGrant.get(grant.owner.id) ?? at));
      }

      const news: WorkItem[] = [];
      const due: WorkItem[] = [];
      const after = (value: unknown) => !!value && ms(value) > since.getTime();
      for (const grant of grants) {
        const owner = grant.owner.id;
        const detail = sectionsOf(grant.sections);
        const line = { ...who(owner, 'record'), detail, overdue: false };
        if (grant.revokedAt && after(grant.revokedAt))
          news.push({ ...line, kind: 'grantRevoked', date: iso(grant.revokedAt) });
        else if (after(grant.createdAt))
          news.push({
            ...line,
            kind: firstGrant.get(owner) === ms(grant.createdAt) ? 'firstShare' : 'grantGiven',
            date: iso(grant.createdAt),
          });
        else if (!grant.revokedAt && after(grant.updatedAt))
          news.push({ ...line, kind: 'grantChanged', date: iso(grant.updatedAt) });
        const ends = districtDay(new Date(grant.expiresAt));
        if (active.includes(grant) && ends <= horizon)
          due.push({ ...line, kind: 'grantEnding', date: ends });
      }

      const readable = new Map(
        [...sharing].filter(([owner]) =>
          active.some((grant) => grant.owner.id === owner && grant.sections.includes('plans')),
        ),
      );
      for (const [owner, plan] of await plansOf(readable)) {
        const line = who(owner, 'plan');
        if (after(plan.acceptedAt))
          news.push({
            ...line,
            kind: 'planAccepted',
            date: iso(plan.acceptedAt),
            overdue: false,
            detail: `Fassung ${plan.acceptedVersion ?? ''}`.trim(),
          });
        const dueOn = (date: string | null | undefined) => !!date && date <= horizon;
        for (const review of plan.reviews ?? [])
          // A past review with a note has taken place; without one it is still to be done.
          if (dueOn(review.date) && (review.date >= today || !review.note?.trim()))
            due.push({
              ...line,
              kind: 'reviewDue',
              date: review.date,
              overdue: review.date < today,
              detail: '',
            });
        for (const field of plan.fieldsOfAction ?? [])
          for (const kind of ['goal', 'measure'] as const)
            for (const item of field[`${kind}s`] ?? [])
              if (dueOn(item.dueDate) && OPEN.has(item.status ?? 'open'))
                due.push({
                  ...line,
                  kind: kind === 'goal' ? 'goalDue' : 'measureDue',
                  date: item.dueDate,
                  overdue: item.dueDate < today,
                  detail: await itemText(kind, field.field, item),
                });
      }

      news.sort((a, b) => b.date.localeCompare(a.date));
      due.sort((a, b) => a.date.localeCompare(b.date));
      return {
        since: since.toISOString(),
        news,
        due,
        counts: {
          news: news.length,
          due: due.length,
          overdue: due.filter((item) => item.overdue).length,
        },
      };
    },
  };
};

export type WorkListService = ReturnType<typeof workList>;
export default workList;
