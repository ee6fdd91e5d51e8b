import type { Core } from '@strapi/strapi';
import {
  DEFAULT_LOCALE,
  DISTRICT_TIME_ZONE,
  FIELDS_OF_ACTION,
  GOAL_STATUSES,
  LOCALES,
  MEASURE_RESPONSIBLES,
  PLAN_LABELS,
  PLAN_STATUSES,
  dirOf,
  fill,
  isOffered,
  nameForStaff,
  type Locale,
  type PlanContent,
} from '@mobio/config';
import { errors } from '@strapi/utils';
import { isGrantActive, type Actor } from '../access';
import { AUDITED_EVENTS } from './audit';
import { getService } from '../utils';
import { textDir } from './cv';
import { pluginConfig } from '../config';
import { UID } from '../uids';
/** What a version freezes: the plan's content, not its bookkeeping. */
const CONTENT = ['title', 'fieldsOfAction', 'reviews', 'notes', 'textLanguage'] as const;
/** Set only by the newcomer's acceptance, never by an edit. */
export const ACCEPTANCE = ['acceptedAt', 'acceptedVersion'] as const;
/** Set only by proposing (middlewares/document-service/plan-versioning.ts), never by an edit. */
export const PROPOSAL = ['version', 'proposedAt'] as const;

type Row = Record<string, any>;

/** The coded values the plan editor offers, labelled in every language (the admin shows its own). */
const choicesOf = (list: {
  codes: readonly string[];
  labels: Record<string, Record<Locale, string>>;
}) => list.codes.map((code) => ({ code, label: list.labels[code] }));
const EDITOR_CHOICES = {
  fieldsOfAction: choicesOf(FIELDS_OF_ACTION),
  goalStatuses: choicesOf(GOAL_STATUSES),
  responsibles: choicesOf(MEASURE_RESPONSIBLES),
  planStatuses: choicesOf(PLAN_STATUSES),
  textLanguages: LOCALES.map((code) => ({
    code,
    label: Object.fromEntries(
      LOCALES.map((locale) => [
        locale,
        new Intl.DisplayNames([locale], { type: 'language' }).of(code),
      ]),
    ),
  })),
};
type Staff = Extract<Actor, { kind: 'staff' }>;

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
const contentPopulate = {
  fieldsOfAction: { populate: { goals: true, measures: true } },
  reviews: true,
};
export const PLAN_POPULATE = { ...contentPopulate, owner: { select: ['id'] } };

/** The newest frozen version of a plan, if it was ever proposed. */
export const latestVersionOf = (strapi: Core.Strapi, planId: number) =>
  strapi.db
    .query(UID.planVersion)
    .findOne({ where: { plan: { id: planId } }, orderBy: { version: 'desc' } });

/**
 * Integration plans are versioned: when staff save a plan as "proposed" with content that differs
 * from the last version, that content is frozen as a new plan version. The newcomer accepts a
 * version (recorded with time and number); staff cannot set an acceptance themselves.
 */
const plans = ({ strapi }: { strapi: Core.Strapi }) => {
  const latestVersion = (planId: number) => latestVersionOf(strapi, planId);

  /** The owner behind an active plans grant of this staff member, and whether it lets them write. */
  async function planGrant(actor: Staff, ownerDocumentId: string) {
    const grants = (await getService(strapi, 'access').grantsOf(actor)).filter(
      (grant) =>
        grant.ownerDocumentId === ownerDocumentId &&
        grant.sections.includes('plans') &&
        isGrantActive(grant, new Date()),
    );
    if (grants.length === 0) throw new errors.NotFoundError('error.notFound');
    return {
      ownerId: grants[0].ownerId,
      canWrite: grants.some((grant) => grant.access === 'write'),
    };
  }

  /** The newest plan of the owner that is not archived, read as the caller (scoped, audited). */
  async function currentPlan(ownerId: number): Promise<Row | null> {
    const [plan] = (await strapi.documents(UID.integrationPlan).findMany({
      filters: { owner: { id: ownerId }, planStatus: { $ne: 'archived' } } as never,
      populate: contentPopulate as never,
      sort: 'updatedAt:desc',
      limit: 1,
    })) as Row[];
    return plan ?? null;
  }

  /** A plan as the editor shows it: content and bookkeeping, no ids of components, no owner. */
  function editorPlan(plan: Row) {
    const item = ({ id, __component, ...rest }: Row) => rest;
    return {
      documentId: plan.documentId as string,
      planStatus: plan.planStatus as string,
      version: plan.version as number,
      proposedAt: plan.proposedAt ?? null,
      acceptedAt: plan.acceptedAt ?? null,
      acceptedVersion: plan.acceptedVersion ?? null,
      title: plan.title ?? null,
      notes: plan.notes ?? null,
      textLanguage: plan.textLanguage ?? null,
      fieldsOfAction: (plan.fieldsOfAction ?? []).map((field: Row) => ({
        field: field.field,
        situation: field.situation ?? null,
        goals: (field.goals ?? []).map(item),
        measures: (field.measures ?? []).map(item),
      })),
      reviews: (plan.reviews ?? []).map(item),
    };
  }

  return {
    /**
     * A plan as data for its PDF, German beside `locale`. Read through the document service as
     * the caller, so only the owner or a grantee of the plans section gets it (and staff reads are audited).
     */
    async pdfData(documentId: string, locale: Locale) {
      const plan = (await strapi.documents(UID.integrationPlan).findOne({
        documentId,
        populate: { fieldsOfAction: { populate: ['goals', 'measures'] }, reviews: true } as never,
      })) as Row | null;
      if (!plan) throw new errors.NotFoundError('error.notFound');
      const row: Row = await strapi.db
        .query(UID.integrationPlan)
        .findOne({ where: { documentId }, populate: { owner: { select: ['id'] } } });
      const profile: Row | null = await strapi.db.query(UID.profile).findOne({
        where: { owner: { id: row.owner?.id } },
        select: ['givenNames', 'familyName', 'latinName'],
      });
      const pair = (de: string, other: string) => ({ de, other });
      const label = (key: keyof typeof PLAN_LABELS) =>
        pair(PLAN_LABELS[key].de, PLAN_LABELS[key][locale]);
      const coded = (list: { label(code: never, l: Locale): string }, code: string) =>
        pair(list.label(code as never, 'de'), list.label(code as never, locale));
      const day = (value: string | null) =>
        value
          ? new Intl.DateTimeFormat('de-DE', {
              dateStyle: 'medium',
              timeZone: DISTRICT_TIME_ZONE,
            }).format(new Date(value))
          : '';
      const free = (text: string | null | undefined) =>
        text ? { text, dir: textDir(text) } : null;
      const catalogue = new Map(
        (await getService(strapi, 'catalogue').list()).map((entry) => [entry.key, entry]),
      );
      // A catalogue entry in both languages; where the district has not translated its own entry
      // yet, the German stands alone and the other side says so. Free text as written.
      const what = (item: Row) => {
        const entry = item.catalogueKey ? catalogue.get(item.catalogueKey) : undefined;
        if (!entry)
          return { catalogue: null, free: free(item.description) ?? free(item.catalogueKey) };
        return {
          catalogue: pair(
            entry.label.de as string,
            entry.label[locale] ?? PLAN_LABELS.untranslated[locale],
          ),
          free: null,
        };
      };
      const name = profile
        ? nameForStaff(
            profile as { givenNames: string; familyName: string; latinName?: string | null },
          )
        : '';
      const header = (l: Locale) =>
        `${PLAN_LABELS.person[l]} ${name} · ${PLAN_LABELS.version[l]} ${plan.version} · ${PLAN_LABELS.status[l]}: ${PLAN_STATUSES.label(plan.planStatus, l)}`;
      const accepted = (l: Locale) =>
        fill(PLAN_LABELS.accepted[l], {
          date: day(plan.acceptedAt),
          version: String(plan.acceptedVersion),
        });
      return {
        locale,
        dir: dirOf(locale),
        bilingual: locale !== 'de',
        municipality: pluginConfig(strapi).municipality.name,
        labels: Object.fromEntries(
          (Object.keys(PLAN_LABELS) as Array<keyof typeof PLAN_LABELS>).map((key) => [
            key,
            label(key),
          ]),
        ),
        de: { title: PLAN_LABELS.title.de },
        title: label('title'),
        header: pair(header('de'), header(locale)),
        accepted: plan.acceptedAt ? pair(accepted('de'), accepted(locale)) : null,
        fields: (plan.fieldsOfAction ?? []).map((field: Row) => ({
          title: coded(FIELDS_OF_ACTION, field.field),
          situation: free(field.situation),
          goals: (field.goals ?? []).map((goal: Row) => ({
            what: what(goal),
            due: day(goal.dueDate),
            status: coded(GOAL_STATUSES, goal.status),
          })),
          measures: (field.measures ?? []).map((measure: Row) => ({
            what: what(measure),
            who: coded(MEASURE_RESPONSIBLES, measure.responsible),
            name: free(measure.responsibleName),
            due: day(measure.dueDate),
            status: coded(GOAL_STATUSES, measure.status),
          })),
        })),
        reviews: (plan.reviews ?? []).map((review: Row) => ({
          date: day(review.date),
          note: free(review.note),
        })),
        notes: free(plan.notes),
      };
    },

    /**
     * The newcomer's language for their plan: the one they use MoBio in, or German when the
     * installation no longer offers it (as the site and the mails do).
     */
    async localeOf(documentId: string): Promise<Locale> {
      const row: Row | null = await strapi.db
        .query(UID.integrationPlan)
        .findOne({ where: { documentId }, populate: { owner: { select: ['id'] } } });
      const profile: Row | null = row?.owner
        ? await strapi.db
            .query(UID.profile)
            .findOne({ where: { owner: { id: row.owner.id } }, select: ['uiLocale'] })
        : null;
      return isOffered(pluginConfig(strapi).locales, profile?.uiLocale)
        ? profile.uiLocale
        : DEFAULT_LOCALE;
    },

    /**
     * The plan editor's view of a newcomer's current plan (the newest one not archived), with its
     * versions. Only for a staff member holding an active grant of the plans section; every read
     * goes through the document service as that staff member, so it is scoped and in the log.
     */
    async editorView(actor: Staff, ownerDocumentId: string) {
      const { ownerId, canWrite } = await planGrant(actor, ownerDocumentId);
      const plan = await currentPlan(ownerId);
      const versions = plan
        ? ((await strapi.documents(UID.planVersion).findMany({
            filters: { owner: { id: ownerId }, plan: { documentId: plan.documentId } } as never,
            fields: ['version', 'proposedAt', 'acceptedAt'] as never,
            sort: 'version:desc',
          })) as Row[])
        : [];
      return {
        owner: {
          id: ownerDocumentId,
          name: await getService(strapi, 'staff').nameOf(actor, ownerId),
        },
        canWrite,
        plan: plan ? editorPlan(plan) : null,
        versions: versions.map(({ version, proposedAt, acceptedAt }) => ({
          version,
          proposedAt,
          acceptedAt: acceptedAt ?? null,
        })),
        choices: EDITOR_CHOICES,
      };
    },

    /**
     * Saves what staff wrote into the current plan, or starts one. A proposal that is changed goes
     * back to draft (the newcomer is not asked to agree to a moving text); an agreed plan that is
     * changed does too (the versioning middleware). Unchanged, nothing moves.
     */
    async save(actor: Staff, ownerDocumentId: string, content: PlanContent) {
      const { ownerId, canWrite } = await planGrant(actor, ownerDocumentId);
      if (!canWrite) throw new errors.ForbiddenError('error.planReadOnly');
      const plan = await currentPlan(ownerId);
      if (!plan) {
        await strapi.documents(UID.integrationPlan).create({
          data: { ...content, owner: ownerId, planStatus: 'draft', version: 1 } as never,
        });
        return this.editorView(actor, ownerDocumentId);
      }
      await strapi.documents(UID.integrationPlan).update({
        documentId: plan.documentId,
        data: {
          ...content,
          ...(plan.planStatus === 'proposed' ? { planStatus: 'draft' } : {}),
        } as never,
      });
      if (plan.planStatus === 'proposed') {
        const saved: Row = await strapi.db
          .query(UID.integrationPlan)
          .findOne({ where: { id: plan.id }, populate: PLAN_POPULATE });
        const latest = await latestVersion(plan.id);
        if (latest && canonical(latest.content) === canonical(contentOf(saved))) {
          await strapi.db
            .query(UID.integrationPlan)
            .update({ where: { id: plan.id }, data: { planStatus: 'proposed' } });
        }
      }
      return this.editorView(actor, ownerDocumentId);
    },

    /** Puts the current plan before the newcomer: its content is frozen as the next version. */
    async propose(actor: Staff, ownerDocumentId: string) {
      const { ownerId, canWrite } = await planGrant(actor, ownerDocumentId);
      if (!canWrite) throw new errors.ForbiddenError('error.planReadOnly');
      const plan = await currentPlan(ownerId);
      if (!plan) throw new errors.NotFoundError('error.notFound');
      if (plan.planStatus === 'accepted') {
        throw new errors.ValidationError('error.planAgreed', {
          errors: [{ path: ['planStatus'], message: 'error.planAgreed' }],
        });
      }
      if (plan.planStatus !== 'proposed')
        await strapi
          .documents(UID.integrationPlan)
          .update({ documentId: plan.documentId, data: { planStatus: 'proposed' } as never });
      return this.editorView(actor, ownerDocumentId);
    },

    /** The newcomer accepts the proposed version of their plan. */
    async accept(owner: Extract<Actor, { kind: 'newcomer' }>, documentId: string, version: number) {
      // Through the document service: the sharing rule decides whether this plan is the caller's.
      const plan = await strapi.documents(UID.integrationPlan).findOne({ documentId });
      if (!plan) throw new errors.NotFoundError('error.notFound');
      const row: Row = await strapi.db
        .query(UID.integrationPlan)
        .findOne({ where: { documentId }, populate: { owner: { select: ['id'] } } });
      const latest = await latestVersion(row.id);
      if (row.planStatus !== 'proposed' || !latest || latest.version !== version) {
        throw new errors.ValidationError('error.planVersion', {
          errors: [{ path: ['version'], message: 'error.planVersion' }],
        });
      }
      const acceptedAt = new Date();
      await strapi.db
        .query(UID.planVersion)
        .update({ where: { id: latest.id }, data: { acceptedAt } });
      await strapi.db.query(UID.integrationPlan).update({
        where: { id: row.id },
        data: { planStatus: 'accepted', acceptedAt, acceptedVersion: version },
      });
      await getService(strapi, 'audit').record([
        {
          actor: owner,
          ownerId: owner.id,
          action: AUDITED_EVENTS.PLAN_ACCEPT,
          section: 'plans',
          resource: { type: UID.planVersion, id: latest.documentId },
        },
      ]);
      return { documentId, version, acceptedAt };
    },
  };
};

export type PlansService = ReturnType<typeof plans>;
export default plans;
