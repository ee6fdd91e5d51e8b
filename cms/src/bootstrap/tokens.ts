import type { Core } from '@strapi/strapi';

/**
 * Strapi creates a "Read Only" and a "Full Access" API token at the first start of an installation.
 * No API token reaches newcomers' data or accounts in MoBio (the sharing plugin refuses them), and
 * tokens nobody asked for are only something to leak: they are removed, on every start, by their
 * exact name and description. An administrator who needs a token creates one for that purpose.
 */
const STRAPI_DEFAULT_TOKENS = [
  {
    name: 'Read Only',
    description:
      'A default API token with read-only permissions, only used for accessing resources',
  },
  {
    name: 'Full Access',
    description:
      'A default API token with full access permissions, used for accessing or modifying resources',
  },
];

export async function removeDefaultApiTokens(strapi: Core.Strapi): Promise<void> {
  const tokens: Array<{ id: number }> = await strapi.db
    .query('admin::api-token')
    .findMany({ where: { $or: STRAPI_DEFAULT_TOKENS }, select: ['id'] });
  for (const token of tokens) await strapi.service('admin::api-token').revoke(token.id);
  if (tokens.length > 0)
    strapi.log.info(`[mobio] Removed Strapi's ${tokens.length} default API tokens.`);
}
