import type { Core } from '@strapi/strapi';
import { RETENTION_JOB } from './services/retention';
import type { AdminPermission } from './conditions';
import { guardAccounts } from './lifecycles/accounts';
import { getService } from './utils';
import { pluginConfig } from './config';
import { UID } from './uids';

/** Staff roles of the admin panel, named the way the district office says it (found by code, so renaming is safe). */
export const STAFF_ROLES = [
  {
    code: 'integration-manager',
    name: 'Integrationsmanagement',
    description:
      'Sieht nur, was Neuzugewanderte ihm freigegeben haben; schreibt Integrationspläne, wo eine Freigabe es erlaubt.',
  },
  {
    code: 'district-administrator',
    name: 'Kreisverwaltung',
    description:
      'Verwaltet Mitarbeiterkonten, Einrichtungen, Infoseiten und Termine; sieht die Statistik; liest ohne Freigabe keine Angaben von Neuzugewanderten.',
  },
] as const;

const CM = (action: string) => `plugin::content-manager.explorer.${action}`;

/** What the District administrator edits in the Content Manager: public content and accounts, no personal record. */
const ADMINISTERED: Record<string, string[]> = {
  [UID.organisation]: ['read', 'create', 'update', 'delete'],
  [UID.infoPage]: ['read', 'create', 'update', 'delete', 'publish'],
  [UID.infoEvent]: ['read', 'create', 'update', 'delete', 'publish'],
  [UID.catalogueEntry]: ['read', 'create', 'update', 'delete'],
};
/** Permissions without a content type: staff accounts and the media library for public images. */
const ADMINISTRATION = [
  'admin::users.create',
  'admin::users.read',
  'admin::users.update',
  'admin::users.delete',
  'admin::roles.read',
  'plugin::upload.read',
  'plugin::upload.assets.create',
  'plugin::upload.assets.update',
  'plugin::upload.assets.download',
  'plugin::upload.assets.copy-link',
  'plugin::sharing.statistics.read',
  'plugin::sharing.accounts.administer',
];

/**
 * The staff roles and their permissions: the Integration manager reads what was shared and writes
 * plans, the District administrator administers. Strapi registers its own admin actions (staff
 * accounts, roles) in the admin panel's bootstrap, which runs after the plugins': the application's
 * bootstrap calls this (cms/src/index.ts), when every action exists.
 */
export async function ensureStaffRoles(strapi: Core.Strapi) {
  const roles = strapi.service('admin::role');
  for (const role of STAFF_ROLES) {
    if (!(await roles.exists({ code: role.code }))) await roles.create({ ...role });
    else
      await strapi.db.query('admin::role').update({
        where: { code: role.code },
        data: { name: role.name, description: role.description },
      });
  }
  const all = contentManagerPermissions(strapi);

  // One door: integration managers work only in MoBio's pages (record, plan editor, work list),
  // which apply the sharing rule themselves. They hold no Content Manager permission at all, so
  // Strapi refuses its routes (403) and the admin panel hides its menu entry (see admin/src/index.ts).
  const manager = await roles.findOne({ code: 'integration-manager' });
  await roles.assignPermissions(manager.id, []);

  const administrator = await roles.findOne({ code: 'district-administrator' });
  const administering = all.filter((p) =>
    ADMINISTERED[p.subject!]?.some((action) => p.action === CM(action)),
  );
  const plain = ADMINISTRATION.map((action) => ({ action }));
  await roles.assignPermissions(administrator.id, [...administering, ...plain]);
}

/** Content Manager permissions for every content type, with all fields, and all locales where localized. */
function contentManagerPermissions(
  strapi: Core.Strapi,
): Array<AdminPermission & { subject: string }> {
  const actions = strapi
    .service('admin::permission')
    .actionProvider.values()
    .filter((action: { actionId: string }) =>
      action.actionId.startsWith('plugin::content-manager.explorer.'),
    );
  const permissions: Array<AdminPermission & { subject: string }> = strapi
    .service('admin::content-type')
    .getPermissionsWithNestedFields(actions);
  return permissions.map((permission) => {
    const localized = (
      strapi.contentTypes as unknown as Record<
        string,
        { pluginOptions?: { i18n?: { localized?: boolean } } }
      >
    )[permission.subject]?.pluginOptions?.i18n?.localized;
    return localized
      ? {
          ...permission,
          properties: { ...permission.properties, locales: [...pluginConfig(strapi).locales] },
        }
      : permission;
  });
}

/** Deleting a newcomer's account, from any entry point, erases everything that was theirs. */
function eraseWithAccount(strapi: Core.Strapi) {
  const erase = async (where: unknown) => {
    const users = await strapi.db.query(UID.user).findMany({ where, select: ['id'] });
    for (const user of users) await getService(strapi, 'erasure').eraseOwner(user.id);
  };
  strapi.db.lifecycles.subscribe({
    models: [UID.user],
    beforeDelete: (event: { params: { where?: unknown } }) => erase(event.params.where),
    beforeDeleteMany: (event: { params: { where?: unknown } }) => erase(event.params.where),
  });
}

/** Notes each newcomer's use of the content API (once a day) for retention, and schedules the job. */
function scheduleRetention(strapi: Core.Strapi) {
  strapi.server.use(async (ctx, next) => {
    await next();
    const state = ctx.state as { auth?: { strategy?: { name?: string } }; user?: { id?: number } };
    if (
      state.auth?.strategy?.name === 'users-permissions' &&
      typeof state.user?.id === 'number' &&
      ctx.status < 400
    ) {
      await getService(strapi, 'retention').touch(state.user.id);
    }
  });
  strapi.cron.add({
    [RETENTION_JOB]: {
      // Every instance schedules the job; runOnce lets one of them run it.
      task: async () => {
        await getService(strapi, 'limits').clearExpired();
        const result = await getService(strapi, 'retention').runOnce(new Date());
        if (!result) strapi.log.info('[retention] running elsewhere, skipped here');
        else
          strapi.log.info(
            `[retention] ${result.expiredGrants} grants expired, ${result.notified.length} notices, ${result.erased.length} accounts erased`,
          );
      },
      options: { rule: pluginConfig(strapi).retention.schedule },
    },
  });
}

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  // Before the roles: the District administrator gets it; the super admin has every action.
  await strapi.service('admin::permission').actionProvider.registerMany([
    {
      section: 'plugins',
      displayName: 'Statistik lesen (ohne personenbezogene Daten)',
      uid: 'statistics.read',
      pluginName: 'sharing',
    },
    {
      section: 'plugins',
      displayName: 'Konten auf Wunsch sperren, entsperren, löschen',
      uid: 'accounts.administer',
      pluginName: 'sharing',
    },
  ]);
  guardAccounts(strapi);
  // A credential change (password, e-mail, lock) gives the account a new version in the same write.
  strapi.db.lifecycles.subscribe({
    models: [UID.user],
    beforeUpdate: (event: never) => getService(strapi, 'sessions').beforeUpdate(event),
    beforeUpdateMany: (event: never) => getService(strapi, 'sessions').beforeUpdate(event),
  } as never);
  await getService(strapi, 'limits').init();
  eraseWithAccount(strapi);
  scheduleRetention(strapi);
};

export default bootstrap;
