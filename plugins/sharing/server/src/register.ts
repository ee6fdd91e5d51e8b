import type { Core } from '@strapi/strapi';
import { sharedWithMeCondition, withSharedWithMe } from './conditions';
import { createDocumentGuard } from './middlewares/document-guard';
import { refuseAccountPickers } from './lifecycles/accounts';
import { keepRelationPickerForbidden, refuseDraftActionsWithoutDrafts } from './strapi-fixes';
import { getService } from './utils';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  // Registered first thing so that no read or write of a personal record runs before the rule is in place.
  strapi.documents.use(createDocumentGuard(strapi) as never);
  strapi.documents.use(getService(strapi, 'erasure').documentFiles() as never);
  strapi.documents.use(getService(strapi, 'plans').versioning() as never);
  strapi.documents.use(getService(strapi, 'catalogue').guard() as never);
  // Conditions registered after register() are dropped at boot, and a role saved with an unknown
  // condition silently becomes unconditional: this one must exist before any role is loaded.
  strapi.service('admin::permission').conditionProvider.register(sharedWithMeCondition(strapi));
  // The super admin's permissions are rebuilt at every boot without conditions: add ours there.
  strapi.service('admin::role').hooks.willResetSuperAdminPermissions.register((permissions: never[]) =>
    withSharedWithMe(getService(strapi, 'access').personalTypes(), permissions),
  );
  keepRelationPickerForbidden(strapi);
  refuseDraftActionsWithoutDrafts(strapi);
  refuseAccountPickers(strapi);
};

export default register;
