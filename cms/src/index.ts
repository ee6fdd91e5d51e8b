import { rm } from 'node:fs/promises';
import type { Core } from '@strapi/strapi';
import { logProcessFaults, type Config } from '@mobio/config';
import { ensureLocales } from './bootstrap/locales';
import { reapplyMigrationsAfterSync } from './database/reapply-migrations';
import { ensureContentApiRoles, ensureFirstAdmin } from './bootstrap/roles';
import { removeDefaultApiTokens } from './bootstrap/tokens';

export default {
  register({ strapi }: { strapi: Core.Strapi }) {
    // A forgotten error path in one request is logged with its stack, and the CMS stays up for everyone else.
    logProcessFaults('cms', (message) => strapi.log.error(message));
    reapplyMigrationsAfterSync(strapi);
  },

  /**
   * Idempotent: every start brings locales, content-API roles, the first admin and API tokens to the state MoBio
   * expects. The staff roles and their permissions are the sharing plugin's.
   */
  async bootstrap({ strapi }: { strapi: Core.Strapi }) {
    await ensureLocales(strapi);
    await ensureContentApiRoles(strapi);
    // After the admin panel's bootstrap, which registers the actions the staff roles are given.
    await strapi.plugin('sharing').service('staff-roles').ensure();
    await ensureFirstAdmin(strapi);
    await removeDefaultApiTokens(strapi);
    // Partial files of uploads cut off by a killed process: nothing half-written stays behind.
    await strapi.plugin('sharing').service('vault').sweepPartials();
    // Rows of an import cut off by a killed process: an import is all or nothing.
    await strapi.plugin('sharing').service('import').undoPending();
    // Media-library uploads of requests cut off by a killed process (each request removes its own).
    await rm(strapi.config.get<Config>('mobio').uploads.tempDir, { recursive: true, force: true });
  },
};
