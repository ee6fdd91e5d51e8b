import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { getService } from '../utils';
import { parseBody } from '../validation';

type Ctx = Parameters<Core.MiddlewareHandler>[0];

// Exactly one of the two, whole: no partial search, no list.
const lookupSchema = z.union([
  z.object({ email: z.email().max(254) }).strict(),
  z.object({ accountNumber: z.string().trim().min(24).max(40) }).strict(),
]);
const actionSchema = z.object({ reason: z.string().trim().min(5).max(500) }).strict();

/** Admin routes of account administration on a newcomer's request (permission `plugin::sharing.accounts.administer`). */
const accounts = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'accounts');
  const me = (ctx: Ctx) => ({ kind: 'staff' as const, id: ctx.state.user.id as number });
  // Lock, unlock and delete: the account by its number, the reason from the body.
  const target = (ctx: Ctx) =>
    [me(ctx), ctx.params.accountNumber, parseBody(actionSchema, ctx.request.body).reason] as const;

  return {
    async lookup(ctx: Ctx) {
      ctx.body = { data: await service().find(me(ctx), parseBody(lookupSchema, ctx.request.body)) };
    },
    async lock(ctx: Ctx) {
      ctx.body = { data: await service().lock(...target(ctx)) };
    },
    async unlock(ctx: Ctx) {
      ctx.body = { data: await service().unlock(...target(ctx)) };
    },
    async remove(ctx: Ctx) {
      await service().remove(...target(ctx));
      ctx.status = 204;
    },
  };
};

export default accounts;
