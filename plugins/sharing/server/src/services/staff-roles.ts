import type { Core } from '@strapi/strapi';
import { ensureStaffRoles } from '../bootstrap';
import { configureContentManager } from '../content-manager-layout';

/**
 * The staff side, made or brought up to date at every start: the staff roles with their
 * permissions (see ensureStaffRoles) and the Content Manager's German layouts.
 */
const staffRoles = ({ strapi }: { strapi: Core.Strapi }) => ({
  async ensure() {
    await ensureStaffRoles(strapi);
    await configureContentManager(strapi);
  },
});

export type StaffRolesService = ReturnType<typeof staffRoles>;
export default staffRoles;
