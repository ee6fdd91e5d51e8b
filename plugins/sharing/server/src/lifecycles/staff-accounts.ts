import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { STAFF_ACCOUNT_CHANGED, fill } from '@mobio/config';
import { canChangeStaffAccount, relationRefs } from '../access';
import { pluginConfig } from '../config';
import { getService } from '../utils';
import { dataOf, idsOf, type Event } from './events';

const ADMIN_USER = 'admin::user';

/**
 * Staff accounts: only the holder changes their password or e-mail address, only a super admin
 * makes another, and each change by someone else is logged and told to the holder.
 */
export function guardStaffAccounts(strapi: Core.Strapi) {
  const access = () => getService(strapi, 'access');

  const staffAccounts = async (event: Event) => {
    const actor = access().currentActor();
    if (actor.kind === 'system') return;
    const data = dataOf(event.params);
    const creating = event.action === 'beforeCreate';
    const targetIds = creating ? [] : await idsOf(strapi, ADMIN_USER, event.params.where);
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
