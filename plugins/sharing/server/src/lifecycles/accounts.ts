import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { STAFF_ACCOUNT_CHANGED, fill, type Config } from '@mobio/config';
import { accountAccess, canChangeStaffAccount, type AccountOperation } from '../access';
import { getService } from '../utils';

export const USER = 'plugin::users-permissions.user';
export const ADMIN_USER = 'admin::user';
const STORE = 'strapi::core-store';
/** Core-store keys of users-permissions' settings: advanced (registration, reset link), providers, mail templates. */
const ACCOUNT_SETTINGS = 'plugin_users-permissions_';

interface Params {
  where?: unknown;
  select?: unknown;
  populate?: unknown;
  orderBy?: unknown;
  data?: unknown;
}
interface Event {
  action: string;
  params: Params;
  state: Record<string, unknown>;
}

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

const isPlain = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && [Object.prototype, null].includes(Object.getPrototypeOf(value));

/** The fields a filter looks at: `{ $or: [{ email: … }] }` looks at email; operands (subqueries, lists) are not fields. */
function filterFields(where: unknown, out: Set<string>): void {
  if (Array.isArray(where)) return where.forEach((item) => filterFields(item, out));
  if (!isPlain(where)) return;
  for (const [key, value] of Object.entries(where)) {
    if (key.startsWith('$')) filterFields(value, out);
    else out.add(key.split('.')[0]);
  }
}

/** The fields named by a select, populate or orderBy in any form the query engine takes; undefined for "all". */
function namedFields(value: unknown): string[] | undefined {
  if (value === undefined || value === null || value === false) return [];
  if (value === true || value === '*') return undefined;
  if (typeof value === 'string') return value.split(',').map((item) => item.trim().split(/[.:]/)[0]);
  if (Array.isArray(value)) {
    const lists = value.map(namedFields);
    return lists.some((list) => list === undefined) ? undefined : lists.flat() as string[];
  }
  if (isPlain(value)) return Object.keys(value);
  return undefined;
}

/** Every field a read touches: what it selects (all when it names none), filters, sorts and populates. */
export function queriedFields(params: Params, counting: boolean): string[] | undefined {
  const fields = new Set<string>();
  filterFields(params.where, fields);
  const parts = [counting ? [] : params.select === undefined ? undefined : namedFields(params.select), namedFields(params.populate), namedFields(params.orderBy)];
  if (parts.some((part) => part === undefined)) return undefined;
  for (const part of parts) part!.forEach((field) => fields.add(field));
  return [...fields];
}

/** The route handler of the current request as a permission-like id (`plugin::users-permissions.auth.register`). */
function currentHandler(strapi: Core.Strapi): string | undefined {
  const route = (strapi.requestContext.get()?.state as { route?: { handler?: unknown; info?: { pluginName?: string; apiName?: string } } } | undefined)?.route;
  if (typeof route?.handler !== 'string') return undefined;
  if (route.handler.includes('::')) return route.handler;
  const { pluginName, apiName } = route.info ?? {};
  if (pluginName === 'admin') return `admin::${route.handler}`;
  if (pluginName) return `plugin::${pluginName}.${route.handler}`;
  return apiName ? `api::${apiName}.${route.handler}` : undefined;
}

const dataOf = (params: Params): Record<string, unknown>[] =>
  (Array.isArray(params.data) ? params.data : [params.data]).filter(isPlain) as Record<string, unknown>[];

/**
 * The account rules below every entry point: Strapi's users-permissions routes, the Content
 * Manager, API tokens and plugin code all reach accounts through the query engine (partly
 * `strapi.db.query`, partly the document service, which ends there too), and its lifecycles run
 * for each of them. A refused query throws before it reaches the database.
 */
export function guardAccounts(strapi: Core.Strapi) {
  const access = () => getService(strapi, 'access');
  const idsOf = (uid: string, where: unknown): Promise<number[]> =>
    access().asSystem(async () => (await strapi.db.query(uid).findMany({ where: where as never, select: ['id'] })).map((row: { id: number }) => row.id));

  const newcomerAccounts = async (event: Event) => {
    const operation = OPERATION[event.action];
    const actor = access().currentActor();
    if (actor.kind === 'system') return;
    const writes = operation === 'update' || operation === 'delete';
    const allowed = accountAccess({
      actor,
      operation,
      handler: currentHandler(strapi),
      fields: operation === 'read' ? queriedFields(event.params, event.action === 'beforeCount') : undefined,
      targetIds: writes && actor.kind === 'newcomer' ? await idsOf(USER, event.params.where) : [],
    });
    if (!allowed) throw new errors.ForbiddenError('An account is its holder’s: nobody else reads or changes it.');
  };

  const staffAccounts = async (event: Event) => {
    const actor = access().currentActor();
    if (actor.kind === 'system') return;
    const fields = dataOf(event.params).flatMap((data) => Object.keys(data));
    const creating = event.action === 'beforeCreate';
    const targetIds = creating ? [] : await idsOf(ADMIN_USER, event.params.where);
    if (!canChangeStaffAccount({ actor, fields, targetIds })) {
      throw new errors.ForbiddenError('Only the holder of a staff account changes its password or e-mail address.');
    }
    const others = targetIds.filter((id) => !(actor.kind === 'staff' && id === actor.id));
    if (actor.kind !== 'staff' || others.length === 0) return;
    // Read now: after a delete the holder's address is gone.
    const holders = await access().asSystem(() => strapi.db.query(ADMIN_USER).findMany({ where: { id: { $in: others } }, select: ['id', 'email'] }));
    event.state.change = { by: actor.id, holders, fields: fields.filter((field) => field !== 'updatedAt'), deleted: event.action.startsWith('beforeDelete') };
  };

  /** Each administrative change of a staff account goes to the operator log and to the holder's own address. */
  const tellHolders = async (event: Event) => {
    const change = event.state.change as { by: number; holders: Array<{ id: number; email: string }>; fields: string[]; deleted: boolean } | undefined;
    if (!change) return;
    const what = change.deleted ? 'deleted' : `changed (${change.fields.join(', ') || 'nothing'})`;
    for (const holder of change.holders) {
      strapi.log.info(`[accounts] staff account ${holder.id} ${what} by staff account ${change.by}`);
      const text = change.deleted
        ? STAFF_ACCOUNT_CHANGED.deleted
        : fill(STAFF_ACCOUNT_CHANGED.changed, { fields: change.fields.map((field) => STAFF_ACCOUNT_CHANGED.fields[field] ?? field).join(', ') });
      const footer = fill(STAFF_ACCOUNT_CHANGED.footer, { municipality: (strapi.config.get('mobio') as Config).municipality.name });
      await strapi
        .plugin('email')
        .service('email')
        .send({ to: holder.email, subject: STAFF_ACCOUNT_CHANGED.subject, text: `${text}\n\n${footer}` })
        .catch((error: Error) => strapi.log.warn(`[accounts] could not tell staff account ${holder.id}: ${error.message}`));
    }
  };

  /** How accounts work (roles and their permissions, sign-in providers, reset mail, registration) is set from code at start. */
  const accountConfiguration = async (event: Event) => {
    const actor = access().currentActor();
    if (actor.kind === 'system') return;
    if (event.params.where !== undefined || dataOf(event.params).length > 0) {
      const keys = isPlain(event.params.where) && typeof event.params.where.key === 'string' ? [event.params.where.key] : [];
      if (event.action.startsWith('beforeCreate')) keys.push(...dataOf(event.params).map((data) => String(data.key)));
      else keys.push(...(await access().asSystem(() => strapi.db.query(STORE).findMany({ where: event.params.where as never, select: ['key'] }))).map((row: { key: string }) => row.key));
      if (!keys.some((key) => key.startsWith(ACCOUNT_SETTINGS))) return;
    }
    throw new errors.ForbiddenError('How accounts work is set in MoBio’s configuration, not in the admin panel.');
  };
  const configuredInCode = async () => {
    if (access().currentActor().kind !== 'system') throw new errors.ForbiddenError('How accounts work is set in MoBio’s configuration, not in the admin panel.');
  };
  const WRITES = ['beforeCreate', 'beforeCreateMany', 'beforeUpdate', 'beforeUpdateMany', 'beforeDelete', 'beforeDeleteMany'];
  strapi.db.lifecycles.subscribe({ models: [STORE], ...Object.fromEntries(WRITES.map((action) => [action, accountConfiguration])) } as never);
  strapi.db.lifecycles.subscribe({
    models: ['plugin::users-permissions.role', 'plugin::users-permissions.permission'],
    ...Object.fromEntries(WRITES.map((action) => [action, configuredInCode])),
  } as never);

  strapi.db.lifecycles.subscribe({
    models: [USER],
    ...Object.fromEntries(Object.keys(OPERATION).map((action) => [action, newcomerAccounts])),
  } as never);
  strapi.db.lifecycles.subscribe({
    models: [ADMIN_USER],
    beforeCreate: staffAccounts,
    beforeUpdate: staffAccounts,
    beforeUpdateMany: staffAccounts,
    beforeDelete: staffAccounts,
    beforeDeleteMany: staffAccounts,
    afterUpdate: tellHolders,
    afterUpdateMany: tellHolders,
    afterDelete: tellHolders,
    afterDeleteMany: tellHolders,
  } as never);
}
