import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_LOCALE, LOCALES } from '@mobio/config';
import { contentApiPermissions } from '../bootstrap/roles';
import { freshEnv, startCms, type TestCms } from '../../test/harness';

async function snapshot(cms: TestCms) {
  const { strapi } = cms;
  const locales = await strapi.db
    .query('plugin::i18n.locale')
    .findMany({ orderBy: { code: 'asc' } });
  const defaultLocale = await strapi.plugin('i18n').service('locales').getDefaultLocale();
  const upRoles = await strapi.db
    .query('plugin::users-permissions.role')
    .findMany({ populate: ['permissions'], orderBy: { type: 'asc' } });
  const adminRoles = await strapi.db.query('admin::role').findMany({ orderBy: { code: 'asc' } });
  const admins = await strapi.db.query('admin::user').findMany({ populate: ['roles'] });
  const advanced = await strapi
    .store({ type: 'plugin', name: 'users-permissions' })
    .get({ key: 'advanced' });
  return {
    locales: locales.map((locale) => locale.code),
    defaultLocale,
    upRoles: upRoles.map((role) => ({
      type: role.type,
      actions: role.permissions.map((p: { action: string }) => p.action).sort(),
    })),
    adminRoles: adminRoles.map((role) => role.code),
    admins: admins.map((admin) => ({
      email: admin.email,
      roles: admin.roles.map((role: { code: string }) => role.code),
    })),
    defaultRole: (advanced as { default_role: string }).default_role,
  };
}

describe('bootstrap', () => {
  let cms: TestCms | undefined;
  afterAll(() => cms?.stop());

  it('sets up locales, roles and the first admin, and a second start changes nothing', async () => {
    // An empty database: this is about what the first start sets up.
    const env = await freshEnv(
      { ADMIN_EMAIL: 'Chef@Example.test', ADMIN_PASSWORD: 'Sicher123' },
      { empty: true },
    );
    cms = await startCms(env);
    const first = await snapshot(cms);
    // The suite runs on the database the environment names (CI: SQLite, then PostgreSQL).
    expect(cms.strapi.db.dialect.client).toBe(
      process.env.DATABASE_CLIENT === 'postgres' ? 'postgres' : 'sqlite',
    );

    expect(first.locales).toEqual([...LOCALES].sort());
    expect(first.defaultLocale).toBe(DEFAULT_LOCALE);
    expect(first.defaultRole).toBe('newcomer');
    const newcomer = first.upRoles.find((role) => role.type === 'newcomer');
    expect(newcomer?.actions).toEqual([...contentApiPermissions(cms.strapi).newcomer].sort());
    expect(first.upRoles.find((role) => role.type === 'public')?.actions).toEqual(
      [...contentApiPermissions(cms.strapi).public].sort(),
    );
    // Nobody may list users: that would expose every newcomer's e-mail address.
    expect(newcomer?.actions).not.toContain('plugin::users-permissions.user.find');
    expect(first.adminRoles).toEqual(
      expect.arrayContaining(['integration-manager', 'district-administrator']),
    );
    expect(first.admins).toEqual([{ email: 'chef@example.test', roles: ['strapi-super-admin'] }]);

    // A permission added by hand is taken away again at the next start.
    const role = await cms.strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: 'newcomer' } });
    await cms.strapi.db.query('plugin::users-permissions.permission').create({
      data: { action: 'plugin::users-permissions.user.find', role: role.id },
    });

    await cms.stop({ keep: true });
    cms = await startCms(env);
    expect(await snapshot(cms)).toEqual(first);
  });
});
