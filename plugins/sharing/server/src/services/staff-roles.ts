import type { Core } from '@strapi/strapi';
import { ensureStaffRoles } from '../bootstrap';

/** The staff roles with their permissions, made or brought up to date at every start (see ensureStaffRoles). */
const staffRoles = ({ strapi }: { strapi: Core.Strapi }) => ({
  ensure: () => ensureStaffRoles(strapi),
});

export type StaffRolesService = ReturnType<typeof staffRoles>;
export default staffRoles;
