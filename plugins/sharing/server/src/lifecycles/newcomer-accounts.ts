import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { accountAccess, filterPaths, namedPaths, type AccountOperation } from '../access';
import { currentHandler } from '../current-handler';
import { UID } from '../uids';
import { getService } from '../utils';
import { idsOf, type Event, type Params } from './events';

const OPERATION: Record<string, AccountOperation> = {
  beforeFindOne: 'read',
  beforeFindMany: 'read',
  beforeCount: 'read',
  beforeCreate: 'create',
  beforeCreateMany: 'create',
  beforeUpdate: 'update',
  beforeUpdateMany: 'update',
  beforeDelete: 'delete',
  beforeDeleteMany: 'delete',
};

/** Every field path a read touches: what it selects (all when it names none), filters, sorts and populates. */
export function queriedFields(params: Params, counting: boolean): string[] | undefined {
  const parts = [
    counting ? [] : params.select === undefined ? undefined : namedPaths(params.select),
    namedPaths(params.populate),
    namedPaths(params.orderBy),
  ];
  if (parts.some((part) => part === undefined)) return undefined;
  return [...new Set([...filterPaths(params.where), ...parts.flat()])] as string[];
}

/** Newcomer accounts: only their holder reads or changes them (the decision is accountAccess). */
export function guardNewcomerAccounts(strapi: Core.Strapi) {
  const access = () => getService(strapi, 'access');
  const newcomerAccounts = async (event: Event) => {
    const operation = OPERATION[event.action];
    const actor = access().currentActor();
    if (actor.kind === 'system') return;
    const writes = operation === 'update' || operation === 'delete';
    const allowed = accountAccess({
      actor,
      operation,
      handler: currentHandler(strapi),
      fields:
        operation === 'read'
          ? queriedFields(event.params, event.action === 'beforeCount')
          : undefined,
      targetIds:
        writes && actor.kind === 'newcomer'
          ? await idsOf(strapi, UID.user, event.params.where)
          : [],
    });
    if (!allowed)
      throw new errors.ForbiddenError(
        'An account is its holder’s: nobody else reads or changes it.',
      );
  };
  strapi.db.lifecycles.subscribe({
    models: [UID.user],
    ...Object.fromEntries(Object.keys(OPERATION).map((action) => [action, newcomerAccounts])),
  } as never);
}
