import { POLICY } from '../../uids';

// Every admin route is for staff only (the is-staff policy); some also need an admin permission,
// which a staff role is given or not.
const route = (method: string, path: string, handler: string, permission?: string) => ({
  method,
  path,
  handler,
  config: {
    policies: [
      POLICY.isStaff,
      ...(permission ? [{ name: 'admin::hasPermissions', config: { actions: [permission] } }] : []),
    ],
  },
});

const ADMINISTER_ACCOUNTS = 'plugin::sharing.accounts.administer';

export default {
  type: 'admin',
  routes: [
    route('POST', '/invitations', 'grants.createInvitation'),
    route('GET', '/shared-with-me', 'staff.sharedWithMe'),
    route('GET', '/work-list', 'work-list.forMe'),
    route('GET', '/records/:ownerId', 'staff.record'),
    route('GET', '/records/:ownerId/plan', 'plans.editorView'),
    route('PUT', '/records/:ownerId/plan', 'plans.save'),
    route('POST', '/records/:ownerId/plan/propose', 'plans.propose'),
    route('GET', '/plan-catalogue', 'catalogue.list'),
    route('GET', '/plans/:documentId/pdf', 'plans.pdf'),
    route('GET', '/statistics', 'staff.statistics', 'plugin::sharing.statistics.read'),
    route('GET', '/accounts/reasons', 'accounts.reasons', ADMINISTER_ACCOUNTS),
    route('POST', '/accounts/lookup', 'accounts.lookup', ADMINISTER_ACCOUNTS),
    route('POST', '/accounts/:accountNumber/lock', 'accounts.lock', ADMINISTER_ACCOUNTS),
    route('POST', '/accounts/:accountNumber/unlock', 'accounts.unlock', ADMINISTER_ACCOUNTS),
    route('POST', '/accounts/:accountNumber/delete', 'accounts.remove', ADMINISTER_ACCOUNTS),
    route('GET', '/documents/:documentId/file', 'documents.download'),
  ],
};
