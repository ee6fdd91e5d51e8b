import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { CREDENTIAL_VERSION } from './services/sessions';
import { getService } from './utils';
import { UID } from './uids';

type Ctx = Parameters<Core.MiddlewareHandler>[0];
type Action = (ctx: Ctx, ...rest: unknown[]) => Promise<unknown>;

/**
 * A bcrypt hash (cost 10, as users-permissions hashes passwords) of a random password nobody
 * knows: a login for an unknown name compares against it, so it takes as long as one for a known name.
 */
const UNKNOWN_NAME_HASH = '$2a$10$l.Yb1z99hpAeOwqczidd5e/4SrZm.l5Ud7WbyLGEnnhW79kTA4kQO';

const text = (value: unknown) => (typeof value === 'string' ? value.trim().toLowerCase() : '');
const isError = (error: unknown, message: string) =>
  error instanceof errors.ApplicationError && error.message === message;

/**
 * The credential version: the account gets the field (private: never in an answer), and the
 * users-permissions JWT check, which every request with a Bearer token passes, also refuses a JWT
 * of an older credential (see services/sessions.ts).
 */
export function endSessionsOnCredentialChange(strapi: Core.Strapi) {
  const attributes = strapi.contentType(UID.user as never).attributes as Record<string, unknown>;
  attributes[CREDENTIAL_VERSION] = {
    type: 'integer',
    default: 0,
    private: true,
    configurable: false,
    searchable: false,
  };
  strapi.get('services').extend('plugin::users-permissions.jwt', (jwt: Record<string, Action>) => ({
    ...jwt,
    async verify(token: string) {
      const payload = (await jwt.verify(token as never)) as Record<string, unknown>;
      if (!(await getService(strapi, 'sessions').isCurrent(payload)))
        throw new Error('Invalid token.');
      return payload;
    },
  }));
}

/**
 * users-permissions' auth routes (login, registration, password change and reset), wrapped:
 * - every JWT they answer with is issued again at the account's credential version;
 * - failed logins count per name and address and per address, reset mails per address and name,
 *   wrong reset codes per address (in the database, see services/limits.ts);
 * - a login for an unknown name checks a password as long as one for a known name.
 * Wrapped in register(): routes bind their controllers before bootstrap.
 */
export function wrapAuthRoutes(strapi: Core.Strapi) {
  const limits = () => getService(strapi, 'limits');

  const guarded: Record<string, (ctx: Ctx, run: () => Promise<unknown>) => Promise<unknown>> = {
    async callback(ctx, run) {
      const body = (ctx.request.body ?? {}) as { identifier?: unknown; password?: unknown };
      const name = text(body.identifier);
      const provider = (ctx.params as { provider?: string }).provider ?? 'local';
      if (provider !== 'local' || !name) return run();
      return limits().counting(
        [
          ['nameAtAddress', `login\0${name}\0${ctx.request.ip}`],
          ['address', ctx.request.ip],
        ],
        async () => {
          const known = await strapi.db.query(UID.user).count({
            where: {
              provider: 'local',
              $or: [{ email: name }, { username: body.identifier as string }],
            },
          });
          if (!known && typeof body.password === 'string')
            await strapi
              .plugin('users-permissions')
              .service('user')
              .validatePassword(body.password, UNKNOWN_NAME_HASH);
          return run();
        },
        (error) => isError(error, 'Invalid identifier or password'),
      );
    },
    async forgotPassword(ctx, run) {
      const name = text((ctx.request.body as { email?: unknown } | undefined)?.email);
      // Each request counts (each may send a mail), whatever its outcome.
      await limits().attempt([
        ['nameAtAddress', `reset-mail\0${name}\0${ctx.request.ip}`],
        ['address', ctx.request.ip],
      ]);
      // The answer must not tell whether the address has an account: not by its time (an existing
      // one waited for the mail server) nor by a failing mail server. It is given at once; the mail
      // is sent behind it, a failure logged for the operator.
      run().catch((error: Error) =>
        strapi.log.error(`[sharing] a password-reset mail was not sent: ${error.message}`),
      );
      ctx.body = { ok: true };
    },
    resetPassword: (ctx, run) =>
      limits().counting([['address', ctx.request.ip]], run, (error) =>
        isError(error, 'Incorrect code provided'),
      ),
  };

  strapi
    .get('controllers')
    .extend('plugin::users-permissions.auth', (auth: Record<string, Action>) => {
      const wrapped: Record<string, unknown> = { ...auth };
      for (const [name, action] of Object.entries(auth)) {
        if (typeof action !== 'function') continue;
        wrapped[name] = async (ctx: Ctx, ...rest: unknown[]) => {
          const run = () => action.call(auth, ctx, ...rest);
          const result = await (guarded[name] ? guarded[name](ctx, run) : run());
          const body = ctx.body as { jwt?: unknown; user?: { id?: unknown } } | undefined;
          if (typeof body?.jwt === 'string' && typeof body.user?.id === 'number')
            body.jwt = await getService(strapi, 'sessions').issue(body.user.id);
          return result;
        };
      }
      return wrapped;
    });
}
