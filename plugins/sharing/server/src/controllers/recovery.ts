import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { RateLimiter, chosenUsernameSchema, recoveryCodeSchema } from '@mobio/config';
import { z } from 'zod';
import { getService } from '../utils';
import { parseBody } from '../validation';

type Ctx = Parameters<Core.MiddlewareHandler>[0];

const FIFTEEN_MINUTES = 15 * 60 * 1000;
/** Bcrypt's limit, as users-permissions applies it. */
const password = z
  .string({ error: 'error.required' })
  .min(1, { error: 'error.required' })
  .refine((value) => Buffer.byteLength(value) <= 72, { error: 'error.passwordLong' });
const registerSchema = z.object({ username: chosenUsernameSchema, password }).strict();
const recoverSchema = z
  .object({ username: chosenUsernameSchema, code: recoveryCodeSchema, password })
  .strict();
const emailSchema = z
  .object({
    email: z
      .string({ error: 'error.required' })
      .trim()
      .pipe(z.email({ error: 'error.email' }).max(254, { error: 'error.email' })),
  })
  .strict();

/** Registration with a chosen username, recovery with the code, and adding an e-mail address later. */
const recovery = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'recovery');
  // Wrong codes (or unknown names) count per name, whoever tries, and per client (the site is one
  // client for everyone behind it): a guesser is stopped long before a code of about 99 bits could
  // be hit. Registration and recovery also have users-permissions' per-address limit (the route's).
  const wrongCodes = {
    perName: new RateLimiter({ max: 5, windowMs: FIFTEEN_MINUTES }),
    perClient: new RateLimiter({ max: 100, windowMs: FIFTEEN_MINUTES }),
  };

  return {
    async register(ctx: Ctx) {
      const input = parseBody(registerSchema, ctx.request.body);
      ctx.body = { data: await service().register(input) };
    },
    async recover(ctx: Ctx) {
      const input = parseBody(recoverSchema, ctx.request.body);
      const keys = [
        [wrongCodes.perName, `name:${input.username}`],
        [wrongCodes.perClient, `ip:${ctx.request.ip}`],
      ] as const;
      if (keys.some(([limiter, key]) => limiter.isBlocked(key)))
        throw new errors.RateLimitError('error.tooMany');
      try {
        ctx.body = { data: await service().recover(input) };
        keys[0][0].reset(keys[0][1]);
      } catch (error) {
        if (error instanceof errors.ValidationError && error.message === 'error.recoveryCode')
          keys.forEach(([limiter, key]) => limiter.hit(key));
        throw error;
      }
    },
    async addEmail(ctx: Ctx) {
      ctx.body = {
        data: await service().addEmail(
          ctx.state.user.id,
          parseBody(emailSchema, ctx.request.body).email,
        ),
      };
    },
  };
};

export default recovery;
