import { factories } from '@strapi/strapi';
import { profileSchema } from '@mobio/config';
import { parseData } from '../../../owned-records';

const UID = 'api::profile.profile';

/**
 * A newcomer has one profile, reached as /profiles/me; there is no route by id. (Strapi types the
 * extending object's `this` as partial; its response helpers are always there.)
 */
export default factories.createCoreController(UID, ({ strapi }) => ({
  async me(ctx) {
    const profile = await strapi
      .documents(UID)
      .findFirst({ filters: { owner: { id: ctx.state.user.id } } });
    if (!profile) return ctx.notFound('No profile yet');
    return this.transformResponse!(await this.sanitizeOutput!(profile, ctx));
  },

  async updateMe(ctx) {
    const data = parseData(profileSchema, ctx.request.body);
    const existing = await strapi
      .documents(UID)
      .findFirst({ filters: { owner: { id: ctx.state.user.id } } });
    const profile = existing
      ? await strapi.documents(UID).update({ documentId: existing.documentId, data: data as never })
      : await strapi
          .documents(UID)
          .create({ data: { ...data, owner: ctx.state.user.id } as never });
    return this.transformResponse!(await this.sanitizeOutput!(profile, ctx));
  },
}));
