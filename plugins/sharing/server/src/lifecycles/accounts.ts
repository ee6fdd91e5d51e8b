import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { STAFF_ACCOUNT_CHANGED, fill } from '@mobio/config';
import {
  accountAccess,
  canChangeStaffAccount,
  filterPaths,
  isPlain,
  namedPaths,
  relationRefs,
  type AccountOperation,
} from '../access';
import { getService } from '../utils';
import { currentHandler } from '../current-handler';
import { pluginConfig } from '../config';
import { UID } from '../uids';
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

const dataOf = (params: Params): Record<string, unknown>[] =>
  (Array.isArray(params.data) ? params.data : [params.data]).filter(isPlain) as Record<
    string,
    unknown
  >[];

/**
 * The account rules below every entry point: Strapi's users-permissions routes, the Content
 * Manager, API tokens and plugin code all reach accounts through the query engine (partly
 * `strapi.db.query`, partly the document service, which ends there too), and its lifecycles run
 * for each of them. A refused query throws before it reaches the database.
 */
export function guardAccounts(strapi: Core.Strapi) {
  const access = () => getService(strapi, 'access');
  const idsOf = (uid: string, where: unknown): Promise<number[]> =>
    access().asSystem(async () =>
      (await strapi.db.query(uid).findMany({ where: where as never, select: ['id'] })).map(
        (row: { id: number }) => row.id,
      ),
    );

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
        writes && actor.kind === 'newcomer' ? await idsOf(UID.user, event.params.where) : [],
    });
    if (!allowed)
      throw new errors.ForbiddenError(
        'An account is its holder’s: nobody else reads or changes it.',
      );
  };

  const staffAccounts = async (event: Event) => {
    const actor = access().currentActor();
    if (actor.kind === 'system') return;
    const data = dataOf(event.params);
    const creating = event.action === 'beforeCreate';
    const targetIds = creating ? [] : await idsOf(ADMIN_USER, event.params.where);
    const holders: Array<{ id: number; email: string }> =
      targetIds.length === 0
        ? []
        : await access().asSystem(() =>
            strapi.db
              .query(ADMIN_USER)
              .findMany({ where: { id: { $in: targetIds } }, select: ['id', 'email'] }),
          );
    // What a write really changes: the admin panel's edit form sends the e-mail address unchanged
    // with every save; an empty password field is no new password. Creating an account changes nobody's.
    const changed = creating
      ? []
      : data.flatMap((fields) =>
          Object.entries(fields)
            .filter(([field, value]) => {
              if (field === 'email')
                return holders.some(
                  (holder) => holder.email?.toLowerCase() !== String(value ?? '').toLowerCase(),
                );
              if (field === 'password') return typeof value === 'string' && value.length > 0;
              return true;
            })
            .map(([field]) => field),
        );
    if (!canChangeStaffAccount({ actor, fields: changed, targetIds })) {
      throw new errors.ForbiddenError(
        'Only the holder of a staff account changes its password or e-mail address.',
      );
    }
    // Only a super admin makes another super admin: a District administrator gives staff roles, not that one.
    if (actor.kind === 'staff' && data.some((fields) => fields.roles !== undefined)) {
      const superAdmin = await strapi.service('admin::role').getSuperAdmin();
      const given = data.flatMap((fields) => relationRefs(fields.roles));
      if (
        superAdmin &&
        given.some((ref) => ref.id === superAdmin.id || ref.documentId === superAdmin.documentId)
      ) {
        const me = await access().asSystem(() =>
          strapi.db.query(ADMIN_USER).findOne({
            where: { id: actor.id },
            select: ['id'],
            populate: { roles: { select: ['id'] } },
          }),
        );
        if (!me?.roles?.some((role: { id: number }) => role.id === superAdmin.id))
          throw new errors.ForbiddenError('Only a super admin makes someone super admin.');
      }
    }
    const others = holders.filter((holder) => !(actor.kind === 'staff' && holder.id === actor.id));
    if (actor.kind !== 'staff' || others.length === 0) return;
    event.state.change = {
      by: actor.id,
      holders: others,
      fields: changed.filter((field) => field !== 'updatedAt'),
      deleted: event.action.startsWith('beforeDelete'),
    };
  };

  /** Each administrative change of a staff account goes to the operator log and to the holder's own address. */
  const tellHolders = async (event: Event) => {
    const change = event.state.change as
      | {
          by: number;
          holders: Array<{ id: number; email: string }>;
          fields: string[];
          deleted: boolean;
        }
      | undefined;
    if (!change) return;
    const what = change.deleted ? 'deleted' : `changed (${change.fields.join(', ') || 'nothing'})`;
    for (const holder of change.holders) {
      strapi.log.info(
        `[accounts] staff account ${holder.id} ${what} by staff account ${change.by}`,
      );
      const text = change.deleted
        ? STAFF_ACCOUNT_CHANGED.deleted
        : fill(STAFF_ACCOUNT_CHANGED.changed, {
            fields: change.fields
              .map((field) => STAFF_ACCOUNT_CHANGED.fields[field] ?? field)
              .join(', '),
          });
      const footer = fill(STAFF_ACCOUNT_CHANGED.footer, {
        municipality: pluginConfig(strapi).municipality.name,
      });
      await strapi
        .plugin('email')
        .service('email')
        .send({
          to: holder.email,
          subject: STAFF_ACCOUNT_CHANGED.subject,
          text: `${text}\n\n${footer}`,
        })
        .catch((error: Error) =>
          strapi.log.warn(`[accounts] could not tell staff account ${holder.id}: ${error.message}`),
        );
    }
  };

  /** How accounts work (roles and their permissions, sign-in providers, reset mail, registration) is set from code at start. */
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
  const WRITES = [
    'beforeCreate',
    'beforeCreateMany',
    'beforeUpdate',
    'beforeUpdateMany',
    'beforeDelete',
    'beforeDeleteMany',
  ];
  strapi.db.lifecycles.subscribe({
    models: [STORE],
    ...Object.fromEntries(WRITES.map((action) => [action, accountConfiguration])),
  } as never);
  strapi.db.lifecycles.subscribe({
    models: ['plugin::users-permissions.role', 'plugin::users-permissions.permission'],
    ...Object.fromEntries(WRITES.map((action) => [action, configuredInCode])),
  } as never);

  strapi.db.lifecycles.subscribe({
    models: [UID.user],
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

type Handler = (
  this: unknown,
  ctx: { params: { model?: string; targetField?: string } },
  ...rest: unknown[]
) => Promise<unknown>;

/**
 * The Content Manager's relation pickers list the target type's entries from the database with
 * whatever fields, filters and populate the caller sends, past the document service; on the user
 * type that is every account (and through `role.users` every column of it). Nobody picks an
 * account in the admin panel — a record's owner is set by the system — so pickers whose target
 * is an account or a users-permissions role are refused for everyone. Wrapped in register(): routes
 * bind their controllers before bootstrap.
 */
export function refuseAccountPickers(strapi: Core.Strapi) {
  const relations = strapi.plugin('content-manager')?.controllers?.relations as unknown as
    Record<string, Handler> | undefined;
  if (!relations) return;
  for (const name of ['findAvailable', 'findExisting']) {
    const original = relations[name];
    if (typeof original !== 'function') continue;
    relations[name] = async function (this: unknown, ctx, ...rest) {
      const { model, targetField } = ctx.params;
      const target =
        model && targetField
          ? (
              strapi.getModel(model as never) as
                { attributes?: Record<string, { target?: string }> } | undefined
            )?.attributes?.[targetField]?.target
          : undefined;
      if (target === UID.user || target === 'plugin::users-permissions.role')
        throw new errors.ForbiddenError('Accounts are not picked in the admin panel.');
      return original.call(this, ctx, ...rest);
    };
  }
}
