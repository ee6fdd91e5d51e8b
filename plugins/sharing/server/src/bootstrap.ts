import type { Core } from '@strapi/strapi';
import { withSharedWithMe, type AdminPermission } from './conditions';
import { getService } from './utils';

/** Staff roles of the admin panel. */
export const STAFF_ROLES = [
  {
    code: 'integration-manager',
    name: 'Integration manager',
    description: 'Sees only what newcomers shared with them; writes integration plans where a plan grant allows.',
  },
  {
    code: 'district-administrator',
    name: 'District administrator',
    description: 'Manages staff accounts, organisations, reference lists, info pages and events; sees statistics; reads no newcomer data without a grant.',
  },
] as const;

const READ = 'plugin::content-manager.explorer.read';
const PLAN_WRITE = ['plugin::content-manager.explorer.create', 'plugin::content-manager.explorer.update'];
const PLAN = 'api::integration-plan.integration-plan';

/**
 * Index of the grant lookup, which runs once per staff request. Strapi keeps relations in link
 * tables that it indexes itself; the grant table is filtered by revocation and expiry.
 */
async function ensureIndexes(strapi: Core.Strapi) {
  const { tableName, attributes } = strapi.db.metadata.get('plugin::sharing.grant');
  const column = (name: string) => (attributes[name] as { columnName?: string }).columnName ?? name;
  await strapi.db.connection.raw('CREATE INDEX IF NOT EXISTS ?? ON ?? (??, ??)', [
    `${tableName}_active_idx`,
    tableName,
    column('revokedAt'),
    column('expiresAt'),
  ]);
}

/** The staff roles, and the Integration manager's permissions: read what was shared, write plans. */
async function ensureStaffRoles(strapi: Core.Strapi) {
  const roles = strapi.service('admin::role');
  // Plugins bootstrap before the admin panel, which creates its default roles (super admin among
  // them) only when no role exists: let it do that first, or there would be no super admin role.
  await roles.createRolesIfNoneExist();
  for (const role of STAFF_ROLES) {
    if (!(await roles.exists({ code: role.code }))) await roles.create({ ...role });
  }
  const personal = getService(strapi, 'access').personalTypes();
  const actions = strapi
    .service('admin::permission')
    .actionProvider.values()
    .filter((action: { actionId: string }) => action.actionId === READ || PLAN_WRITE.includes(action.actionId));
  const all: AdminPermission[] = strapi.service('admin::content-type').getPermissionsWithNestedFields(actions);
  const wanted = all.filter(
    (permission) => permission.subject && personal.has(permission.subject) && (permission.action === READ || permission.subject === PLAN),
  );
  const manager = await roles.findOne({ code: 'integration-manager' });
  await roles.assignPermissions(manager.id, withSharedWithMe(personal, wanted));
}

/** Deleting a newcomer's account, from any entry point, erases everything that was theirs. */
function eraseWithAccount(strapi: Core.Strapi) {
  const USER = 'plugin::users-permissions.user';
  const erase = async (where: unknown) => {
    const users = await strapi.db.query(USER).findMany({ where, select: ['id'] });
    for (const user of users) await getService(strapi, 'erasure').eraseOwner(user.id);
  };
  strapi.db.lifecycles.subscribe({
    models: [USER],
    beforeDelete: (event: { params: { where?: unknown } }) => erase(event.params.where),
    beforeDeleteMany: (event: { params: { where?: unknown } }) => erase(event.params.where),
  });
}

const bootstrap = async ({ strapi }: { strapi: Core.Strapi }) => {
  await ensureIndexes(strapi);
  eraseWithAccount(strapi);
  await ensureStaffRoles(strapi);
};

export default bootstrap;
