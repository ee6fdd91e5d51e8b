import type { Core } from '@strapi/strapi';
import { LIST_SECTIONS, profileSchema, type Section } from '@mobio/config';
import type { Actor } from '../access';
import { getService } from '../utils';

type Newcomer = Extract<Actor, { kind: 'newcomer' }>;

const PROFILE_FIELDS = Object.keys(profileSchema.shape);

/**
 * What the newcomer's dashboard shows, in one answer instead of seven: the profile, how many
 * entries each list has, the grants in force, the latest plan that is not a draft (drafts are
 * the adviser's work in progress) and an announced erasure of the account. Records are read through the document service, so the sharing
 * rule scopes them to the caller's own like every other read; it must run in the newcomer's request.
 */
const overview = ({ strapi }: { strapi: Core.Strapi }) => ({
  async of(owner: Newcomer) {
    const documents = (section: Section) =>
      strapi.documents(getService(strapi, 'access').sectionType(section) as never);
    const [profile, grants, plan, erasure, ...counts] = await Promise.all([
      documents('profile').findFirst({ fields: PROFILE_FIELDS as never }),
      getService(strapi, 'grant').list(owner),
      documents('plans').findFirst({
        filters: { planStatus: { $ne: 'draft' } },
        sort: 'updatedAt:desc',
        fields: ['title', 'planStatus'] as never,
      }),
      getService(strapi, 'erasure-request').pending(owner.id),
      ...LIST_SECTIONS.map((section) => documents(section).count({})),
    ]);
    return {
      profile: profile ?? null,
      entries: Object.fromEntries(LIST_SECTIONS.map((section, index) => [section, counts[index]])),
      grants: grants.filter((grant) => grant.active),
      plan: plan
        ? { documentId: plan.documentId, title: plan.title ?? null, planStatus: plan.planStatus }
        : null,
      /** An erasure the district office announced, which the newcomer can stop. */
      erasure,
    };
  },
});

export type OverviewService = ReturnType<typeof overview>;
export default overview;
