import type { Core } from '@strapi/strapi';
import { SELF_SERVICE_ACTIONS, type Config } from '@mobio/config';

/** Newcomers work on their own records; which record is theirs is the sharing plugin's rule. */
const OWN_ENTRIES = ['language-skill', 'education-entry', 'employment-entry'].flatMap((name) =>
  ['find', 'findOne', 'create', 'update', 'delete'].map(
    (action) => `api::${name}.${name}.${action}`,
  ),
);

/**
 * The sharing plugin's content-API routes that act for a logged-in newcomer, as permissions: the
 * plugin marks them with its is-newcomer policy, so a route added there reaches the Newcomer role
 * without a second list here.
 */
function sharingNewcomerActions(strapi: Core.Strapi): string[] {
  const routers = strapi.plugin('sharing').routes as unknown as Record<
    string,
    { routes: Array<{ handler: string; config?: { policies?: unknown[] } }> }
  >;
  return routers['content-api'].routes
    .filter((route) => route.config?.policies?.includes('plugin::sharing.is-newcomer'))
    .map((route) => `plugin::sharing.${route.handler}`);
}

/**
 * The exact content-API permissions of each users-permissions role. Bootstrap makes the database
 * match this list: a permission added by hand in the admin panel is removed at the next start,
 * so nobody can quietly give a role more than this.
 */
export const contentApiPermissions = (
  strapi: Core.Strapi,
): Record<'public' | 'newcomer', string[]> => ({
  public: [
    ...SELF_SERVICE_ACTIONS,
    'api::info-page.info-page.find',
    'api::info-page.info-page.findOne',
    'api::info-event.info-event.find',
    'api::info-event.info-event.findOne',
  ],
  newcomer: [
    'plugin::users-permissions.user.me',
    'plugin::users-permissions.auth.changePassword',
    'plugin::users-permissions.auth.logout',
    'plugin::users-permissions.auth.getSessions',
    'plugin::users-permissions.auth.revokeSession',
    'api::info-page.info-page.find',
    'api::info-page.info-page.findOne',
    'api::info-event.info-event.find',
    'api::info-event.info-event.findOne',
    'api::profile.profile.me',
    'api::profile.profile.updateMe',
    ...OWN_ENTRIES,
    'api::document.document.find',
    'api::document.document.findOne',
    'api::document.document.update',
    'api::document.document.delete',
    'api::integration-plan.integration-plan.find',
    'api::integration-plan.integration-plan.findOne',
    'api::plan-version.plan-version.find',
    'api::plan-version.plan-version.findOne',
    ...sharingNewcomerActions(strapi),
  ],
});

async function ensureUsersPermissionsRole(
  strapi: Core.Strapi,
  type: 'public' | 'newcomer',
): Promise<number> {
  const roles = strapi.db.query('plugin::users-permissions.role');
  let role = await roles.findOne({ where: { type } });
  if (!role) {
    role = await roles.create({
      data: {
        type,
        name: 'Newcomer',
        description: 'Newcomers who registered on the site; given at registration.',
      },
    });
  }
  const permissions = strapi.db.query('plugin::users-permissions.permission');
  const wanted = new Set(contentApiPermissions(strapi)[type]);
  const existing: Array<{ id: number; action: string }> = await permissions.findMany({
    where: { role: role.id },
  });
  const extra = existing.filter((permission) => !wanted.has(permission.action));
  if (extra.length > 0)
    await permissions.deleteMany({
      where: { id: { $in: extra.map((permission) => permission.id) } },
    });
  const have = new Set(existing.map((permission) => permission.action));
  for (const action of wanted) {
    if (!have.has(action)) await permissions.create({ data: { action, role: role.id } });
  }
  return role.id;
}

/** Newcomer and Public roles with exactly their permissions; registration gives Newcomer. */
export async function ensureContentApiRoles(strapi: Core.Strapi): Promise<void> {
  await ensureUsersPermissionsRole(strapi, 'public');
  await ensureUsersPermissionsRole(strapi, 'newcomer');
  const store = strapi.store({ type: 'plugin', name: 'users-permissions' });
  const advanced = ((await store.get({ key: 'advanced' })) ?? {}) as Record<string, unknown>;
  const { site } = strapi.config.get<Config>('mobio');
  await store.set({
    key: 'advanced',
    value: {
      ...advanced,
      default_role: 'newcomer',
      allow_register: true,
      unique_email: true,
      // The reset link in the mail leads to the site (in the language the person uses there),
      // which sends the code on to the CMS.
      email_reset_password: `${site.publicUrl}/reset-password`,
    },
  });
}

/** The first super admin from ADMIN_EMAIL / ADMIN_PASSWORD, only while no admin user exists. */
export async function ensureFirstAdmin(strapi: Core.Strapi): Promise<void> {
  const { admin } = strapi.config.get<Config>('mobio');
  if (!admin || (await strapi.service('admin::user').exists())) return;
  const superAdmin = await strapi.service('admin::role').getSuperAdmin();
  await strapi.service('admin::user').create({
    email: admin.email.toLowerCase(),
    firstname: admin.firstname,
    lastname: admin.lastname,
    password: admin.password,
    isActive: true,
    registrationToken: null,
    roles: [superAdmin.id],
  });
  strapi.log.info(`[mobio] Created the first super admin ${admin.email}.`);
}
