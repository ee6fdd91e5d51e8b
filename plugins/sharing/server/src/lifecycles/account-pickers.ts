import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { UID } from '../uids';

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
