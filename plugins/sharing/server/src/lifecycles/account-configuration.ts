import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { isPlain } from '../access';
import { getService } from '../utils';
import { WRITES, dataOf, type Event } from './events';

const STORE = 'strapi::core-store';
/** Core-store keys of users-permissions' settings: advanced (registration, reset link), providers, mail templates. */
const ACCOUNT_SETTINGS = 'plugin_users-permissions_';

/**
 * How accounts work (roles and their permissions, sign-in providers, reset mail, registration) is
 * set from code at start: nobody but the system writes it.
 */
export function guardAccountConfiguration(strapi: Core.Strapi) {
  const access = () => getService(strapi, 'access');
  const accountConfiguration = async (event: Event) => {
    const actor = access().currentActor();
    if (actor.kind === 'system') return;
    if (event.params.where !== undefined || dataOf(event.params).length > 0) {
      const keys =
        isPlain(event.params.where) && typeof event.params.where.key === 'string'
          ? [event.params.where.key]
          : [];
      if (event.action.startsWith('beforeCreate'))
        keys.push(...dataOf(event.params).map((data) => String(data.key)));
      else
        keys.push(
          ...(
            await access().asSystem(() =>
              strapi.db
                .query(STORE)
                .findMany({ where: event.params.where as never, select: ['key'] }),
            )
          ).map((row: { key: string }) => row.key),
        );
      if (!keys.some((key) => key.startsWith(ACCOUNT_SETTINGS))) return;
    }
    throw new errors.ForbiddenError(
      'How accounts work is set in MoBio’s configuration, not in the admin panel.',
    );
  };
  const configuredInCode = async () => {
    if (access().currentActor().kind !== 'system')
      throw new errors.ForbiddenError(
        'How accounts work is set in MoBio’s configuration, not in the admin panel.',
      );
  };
  strapi.db.lifecycles.subscribe({
    models: [STORE],
    ...Object.fromEntries(WRITES.map((action) => [action, accountConfiguration])),
  } as never);
  strapi.db.lifecycles.subscribe({
    models: ['plugin::users-permissions.role', 'plugin::users-permissions.permission'],
    ...Object.fromEntries(WRITES.map((action) => [action, configuredInCode])),
  } as never);
}
