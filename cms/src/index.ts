import type { Core } from '@strapi/strapi';
import { ensureLocales } from './bootstrap/locales';
import { reapplyMigrationsAfterSync } from './database/reapply-migrations';
import { ensureContentApiRoles, ensureFirstAdmin } from './bootstrap/roles';
import { removeDefaultApiTokens } from './bootstrap/tokens';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    reapplyMigrationsAfterSync(strapi);
  },

  /**
   * Idempotent: every start brings locales, content-API roles, the first admin and API tokens to the state MoBio
   * expects. The staff roles and their permissions are the sharing plugin's (it bootstraps first).
   */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureLocales(strapi);
    await ensureContentApiRoles(strapi);
    await ensureFirstAdmin(strapi);
    await removeDefaultApiTokens(strapi);
  },
};
