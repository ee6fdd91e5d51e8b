import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { chosenUsernameSchema, recoveryCodeSchema } from '@mobio/config';
import { z } from 'zod';
import { getService } from '../utils';
import { parseBody } from '../validation';

type Ctx = Parameters<Core.MiddlewareHandler>[0];

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
  // Wrong codes (or unknown names) count per name and address, and per address (the person's:
  // the site names it), in the database. Never per name alone: nobody's wrong guesses make the
  // holder's right code fail from another address. A code of about 99 bits is not hit either way.
  const wrongCodes = (ctx: Ctx, username: string) =>
    [
      ['nameAtAddress', `recovery\0${username}\0${ctx.request.ip}`],
      ['address', ctx.request.ip],
    ] as const;

  return {
    async register(ctx: Ctx) {
      const input = parseBody(registerSchema, ctx.request.body);
      ctx.body = { data: await service().register(input) };
    },
    async recover(ctx: Ctx) {
      const input = parseBody(recoverSchema, ctx.request.body);
      ctx.body = {
        data: await getService(strapi, 'limits').counting(
          wrongCodes(ctx, input.username),
          () => service().recover(input),
          (error) =>
            error instanceof errors.ValidationError && error.message === 'error.recoveryCode',
        ),
      };
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
