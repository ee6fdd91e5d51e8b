import type { Core } from '@strapi/strapi';
import { endSessionsOnCredentialChange, wrapAuthRoutes } from './auth-routes';
import { checkPluginConfig } from './config';
import { sharedWithMeCondition, withSharedWithMe } from './conditions';
import { useDocumentMiddlewares } from './middlewares/document-service';
import { refuseAccountPickers } from './lifecycles/account-pickers';
import { RECOVERY_HASH } from './services/recovery';
import { keepRelationPickerForbidden, refuseDraftActionsWithoutDrafts } from './strapi-fixes';
import { getService } from './utils';
import { UID } from './uids';

/**
 * Accounts without an e-mail address (registration with a chosen username): the address becomes
 * optional (users-permissions' own registration still requires it) and the account gets the hash
 * of its recovery code, private to the API and, like every account field but the public ones,
 * refused to staff and API tokens by the account rule (lifecycles/accounts.ts).
 */
function accountsWithoutEmail(strapi: Core.Strapi) {
  const attributes = strapi.contentType(UID.user as never).attributes as Record<
    string,
    Record<string, unknown>
  >;
  attributes.email = { ...attributes.email, required: false };
  attributes[RECOVERY_HASH] = {
    type: 'string',
    private: true,
    configurable: false,
    searchable: false,
  };
}

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  checkPluginConfig(strapi);
  accountsWithoutEmail(strapi);
  endSessionsOnCredentialChange(strapi);
  wrapAuthRoutes(strapi);
  // Registered first thing so that no read or write of a personal record runs before the rule is in place.
  useDocumentMiddlewares(strapi);
  // Conditions registered after register() are dropped at boot, and a role saved with an unknown
  // condition silently becomes unconditional: this one must exist before any role is loaded.
  strapi.service('admin::permission').conditionProvider.register(sharedWithMeCondition(strapi));
  // The super admin's permissions are rebuilt at every boot without conditions: add ours there.
  strapi
    .service('admin::role')
    .hooks.willResetSuperAdminPermissions.register((permissions: never[]) =>
      withSharedWithMe(getService(strapi, 'access').personalTypes(), permissions),
    );
  keepRelationPickerForbidden(strapi);
  refuseDraftActionsWithoutDrafts(strapi);
  refuseAccountPickers(strapi);
};

export default register;
