import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  ACCEPTANCE,
  PLAN_POPULATE,
  PROPOSAL,
  canonical,
  contentOf,
  latestVersionOf,
  sameValue,
} from '../../plan-content';
import { getService } from '../../utils';
import { UID } from '../../uids';

type Row = Record<string, any>;

/**
 * Integration plans are versioned: a plan saved as "proposed" with content that differs from the
 * last version is frozen as a new version; an accepted plan whose content changes is a draft
 * again. Hand-made acceptances and version numbers are refused: only the newcomer accepts.
 */
export function planVersioning(strapi: Core.Strapi) {
  return async (
    ctx: { uid: string; action: string; params: Row },
    next: () => Promise<unknown>,
  ) => {
    if (ctx.uid !== UID.integrationPlan || !['create', 'update'].includes(ctx.action))
      return next();
    const actor = getService(strapi, 'access').currentActor();
    // Every writer, system code included: a goal or measure names a catalogue entry or says itself.
    await getService(strapi, 'catalogue').checkPlanItems(ctx.params.data?.fieldsOfAction);
    if (actor.kind !== 'system') {
      const before: Row | null =
        ctx.action === 'update'
          ? await strapi.db
              .query(UID.integrationPlan)
              .findOne({ where: { documentId: ctx.params.documentId } })
          : null;
      const data: Row = ctx.params.data ?? {};
      const changed = (key: string) => key in data && !sameValue(data[key], before?.[key]);
      if (
        ACCEPTANCE.some(changed) ||
        (data.planStatus === 'accepted' && before?.planStatus !== 'accepted')
      ) {
        throw new errors.ForbiddenError('Only the newcomer accepts a plan.');
      }
      // A new plan starts at version 1 (the schema's default); after that only proposing counts up.
      const proposalChanged = before
        ? PROPOSAL.some(changed)
        : (data.version ?? 1) !== 1 || Boolean(data.proposedAt);
      if (proposalChanged)
        throw new errors.ForbiddenError('The version of a plan is counted by proposing it.');
    }
    const result = (await next()) as Row;
    const plan: Row = await strapi.db
      .query(UID.integrationPlan)
      .findOne({ where: { documentId: result.documentId }, populate: PLAN_POPULATE });
    if (!plan?.owner) return result;
    const latest = await latestVersionOf(strapi, plan.id);
    const unchanged = latest && canonical(latest.content) === canonical(contentOf(plan));
    if (plan.planStatus === 'accepted' && !unchanged) {
      // What was agreed has changed: the plan is a draft again until it is proposed and accepted anew.
      await strapi.db
        .query(UID.integrationPlan)
        .update({ where: { id: plan.id }, data: { planStatus: 'draft' } });
      return { ...result, planStatus: 'draft' };
    }
    if (plan.planStatus !== 'proposed' || unchanged) return result;
    const version = (latest?.version ?? 0) + 1;
    const proposedAt = new Date();
    await strapi.db.query(UID.planVersion).create({
      data: {
        owner: plan.owner.id,
        plan: plan.id,
        version,
        content: contentOf(plan),
        proposedAt,
      },
    });
    await strapi.db
      .query(UID.integrationPlan)
      .update({ where: { id: plan.id }, data: { version, proposedAt } });
    return { ...result, version, proposedAt };
  };
}
