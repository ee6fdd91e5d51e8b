import type { Core } from '@strapi/strapi';
import { ACCOUNT_REASONS, CONFIG_CATALOGUES, staffReasonSchema } from '@mobio/config';
import { z } from 'zod';
import { getService } from '../utils';
import { parseBody } from '../validation';
import { pluginConfig } from '../config';

type Ctx = Parameters<Core.MiddlewareHandler>[0];

// Exactly one of the two, whole: no partial search, no list.
const lookupSchema = z.union([
  z.object({ email: z.email().max(254) }).strict(),
  z.object({ accountNumber: z.string().trim().min(24).max(40) }).strict(),
]);
const nothingElse = z.object({}).strict();
const codeSchema = z.object({ code: z.string().trim().min(1).max(60).optional() }).strict();
/** The body's `data` without the reason's fields, and the reason alone: each checked strictly. */
const split = (body: unknown) => {
  const { reason, note, ...rest } = ((body as { data?: unknown })?.data ?? {}) as Record<
    string,
    unknown
  >;
  return {
    rest: { data: rest },
    why: parseBody(staffReasonSchema, { data: { reason, note: note || undefined } }),
  };
};

/** Admin routes of account administration on a newcomer's request (permission `plugin::sharing.accounts.administer`). */
const accounts = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'accounts');
  const me = (ctx: Ctx) => ({ kind: 'staff' as const, id: ctx.state.user.id as number });

  return {
    /** The reasons to choose from (German, as the staff side is), the notice period of an announced erasure and the lookup limit. */
    reasons(ctx: Ctx) {
      const labels = CONFIG_CATALOGUES.de.reference.accountReasons;
      ctx.body = {
        data: {
          reasons: ACCOUNT_REASONS.codes.map((code) => ({ code, label: labels[code] })),
          ...pluginConfig(strapi).accounts,
        },
      };
    },
    async lookup(ctx: Ctx) {
      const { rest, why } = split(ctx.request.body);
      const query = parseBody(lookupSchema, rest);
      ctx.body = { data: await service().find(me(ctx), query, why) };
    },
    async lock(ctx: Ctx) {
      const { rest, why } = split(ctx.request.body);
      parseBody(nothingElse, rest);
      ctx.body = { data: await service().lock(me(ctx), ctx.params.accountNumber, why) };
    },
    async unlock(ctx: Ctx) {
      const { rest, why } = split(ctx.request.body);
      parseBody(nothingElse, rest);
      ctx.body = { data: await service().unlock(me(ctx), ctx.params.accountNumber, why) };
    },
    /** With the holder's code: erased (204). Without: the erasure is announced (202, its date). */
    async remove(ctx: Ctx) {
      const { rest, why } = split(ctx.request.body);
      const { code } = parseBody(codeSchema, rest);
      const result = await service().remove(me(ctx), ctx.params.accountNumber, why, code);
      if (result.erased) ctx.status = 204;
      else {
        ctx.status = 202;
        ctx.body = { data: result.pending };
      }
    },
  };
};

export default accounts;
