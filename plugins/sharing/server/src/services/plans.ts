import type { Core } from '@strapi/strapi';
import {
  DEFAULT_LOCALE,
  FIELDS_OF_ACTION,
  GOAL_STATUSES,
  LOCALES,
  MEASURE_RESPONSIBLES,
  PLAN_STATUSES,
  isOffered,
  type Locale,
  type PlanContent,
} from '@mobio/config';
import { errors } from '@strapi/utils';
import { isGrantActive, type Actor } from '../access';
import { AUDITED_EVENTS } from './audit';
import { getService } from '../utils';
import { pluginConfig } from '../config';
import { UID } from '../uids';
import {
  CONTENT_POPULATE,
  PLAN_POPULATE,
  canonical,
  contentOf,
  latestVersionOf,
  type Choice,
  type EditorPlan,
} from '../plan-content';

type Row = Record<string, any>;

/** The coded values the plan editor offers, labelled in every language (the admin shows its own). */
const choicesOf = (list: {
  codes: readonly string[];
  labels: Record<string, Record<Locale, string>>;
}): Choice[] => list.codes.map((code) => ({ code, label: list.labels[code] }));
const EDITOR_CHOICES: Record<
  'fieldsOfAction' | 'goalStatuses' | 'responsibles' | 'planStatuses' | 'textLanguages',
  Choice[]
> = {
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
type EditorVersion = { version: number; proposedAt: string; acceptedAt: string | null };

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
      populate: CONTENT_POPULATE as never,
      sort: 'updatedAt:desc',
      limit: 1,
    })) as Row[];
    return plan ?? null;
  }

  /** A plan as the editor shows it: content and bookkeeping, no ids of components, no owner. */
  function editorPlan(plan: Row): EditorPlan {
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

  /**
   * The newcomer's language for their plan: the one they use MoBio in, or German when the
   * installation no longer offers it (as the site and the mails do).
   */
  async function ownerLocale(ownerId: number | undefined): Promise<Locale> {
    const profile: Row | null = ownerId
      ? await strapi.db
          .query(UID.profile)
          .findOne({ where: { owner: { id: ownerId } }, select: ['uiLocale'] })
      : null;
    return isOffered(pluginConfig(strapi).locales, profile?.uiLocale)
      ? profile.uiLocale
      : DEFAULT_LOCALE;
  }

  return {
    /** The language of the newcomer whose plan this is (ownerLocale). */
    async localeOf(documentId: string): Promise<Locale> {
      const row: Row | null = await strapi.db
        .query(UID.integrationPlan)
        .findOne({ where: { documentId }, populate: { owner: { select: ['id'] } } });
      return ownerLocale(row?.owner?.id);
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
          // The language the person reads the plan in (the proposal's preview names it).
          locale: await ownerLocale(ownerId),
        },
        canWrite,
        plan: plan ? editorPlan(plan) : null,
        versions: versions.map(({ version, proposedAt, acceptedAt }): EditorVersion => ({
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
