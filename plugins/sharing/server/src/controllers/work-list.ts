import type { Core } from '@strapi/strapi';
import { getService } from '../utils';

type Ctx = Parameters<Core.MiddlewareHandler>[0];

/** The staff member's work list (admin route GET /sharing/work-list). */
const workList = ({ strapi }: { strapi: Core.Strapi }) => ({
  async forMe(ctx: Ctx) {
    const actor = { kind: 'staff' as const, id: ctx.state.user.id as number };
    ctx.body = { data: await getService(strapi, 'work-list').forStaff(actor) };
  },
});

export default workList;
