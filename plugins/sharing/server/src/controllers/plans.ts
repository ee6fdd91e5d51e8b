import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { parseRequestData, planAcceptanceSchema } from '@mobio/config';
import { getService } from '../utils';

type Ctx = Parameters<Core.MiddlewareHandler>[0];

/** The newcomer's side of the goal agreement. */
const plans = ({ strapi }: { strapi: Core.Strapi }) => ({
  async accept(ctx: Ctx) {
    const parsed = parseRequestData(planAcceptanceSchema, ctx.request.body);
    if ('errors' in parsed) throw new errors.ValidationError('Invalid input', { errors: parsed.errors });
    ctx.body = { data: await getService(strapi, 'plans').accept({ kind: 'newcomer', id: ctx.state.user.id }, ctx.params.documentId, parsed.data.version) };
  },
});

export default plans;
