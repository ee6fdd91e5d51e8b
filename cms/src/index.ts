import type { Core } from '@strapi/strapi';
import { ensureLocales } from './bootstrap/locales';
import { ensureAdminRoles, ensureContentApiRoles, ensureFirstAdmin } from './bootstrap/roles';

export default {
  register() {},

  /** Idempotent: every start brings locales, roles and the first admin to the state MoBio expects. */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureLocales(strapi);
    await ensureContentApiRoles(strapi);
    await ensureAdminRoles(strapi);
    await ensureFirstAdmin(strapi);
  },
};
