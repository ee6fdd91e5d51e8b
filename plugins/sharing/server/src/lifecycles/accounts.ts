import type { Core } from '@strapi/strapi';
import { guardAccountConfiguration } from './account-configuration';
import { guardNewcomerAccounts } from './newcomer-accounts';
import { guardStaffAccounts } from './staff-accounts';

/**
 * The account rules below every entry point: Strapi's users-permissions routes, the Content
 * Manager, API tokens and plugin code all reach accounts through the query engine (partly
 * `strapi.db.query`, partly the document service, which ends there too), and its lifecycles run
 * for each of them. A refused query throws before it reaches the database.
 */
export function guardAccounts(strapi: Core.Strapi) {
  guardAccountConfiguration(strapi);
  guardNewcomerAccounts(strapi);
  guardStaffAccounts(strapi);
}
