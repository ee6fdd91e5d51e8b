import { POLICY } from '../../uids';

export default {
  type: 'admin',
  routes: [
    {
      method: 'POST',
      path: '/invitations',
      handler: 'grants.createInvitation',
      config: { policies: [POLICY.isStaff] },
    },
    {
      method: 'GET',
      path: '/shared-with-me',
      handler: 'staff.sharedWithMe',
      config: { policies: [POLICY.isStaff] },
    },
    {
      method: 'GET',
      path: '/records/:ownerId',
      handler: 'staff.record',
      config: { policies: [POLICY.isStaff] },
    },
    {
      method: 'GET',
      path: '/records/:ownerId/plan',
      handler: 'plans.editorView',
      config: { policies: [POLICY.isStaff] },
    },
    {
      method: 'PUT',
      path: '/records/:ownerId/plan',
      handler: 'plans.save',
      config: { policies: [POLICY.isStaff] },
    },
    {
      method: 'POST',
      path: '/records/:ownerId/plan/propose',
      handler: 'plans.propose',
      config: { policies: [POLICY.isStaff] },
    },
    {
      method: 'GET',
      path: '/plan-catalogue',
      handler: 'catalogue.list',
      config: { policies: [POLICY.isStaff] },
    },
    {
      method: 'GET',
      path: '/plans/:documentId/pdf',
      handler: 'plans.pdf',
      config: { policies: [POLICY.isStaff] },
    },
    {
      method: 'GET',
      path: '/statistics',
      handler: 'staff.statistics',
      config: {
        policies: [
          POLICY.isStaff,
          {
            name: 'admin::hasPermissions',
            config: { actions: ['plugin::sharing.statistics.read'] },
          },
        ],
      },
    },
    ...[
      ['POST', '/accounts/lookup', 'accounts.lookup'],
      ['POST', '/accounts/:accountNumber/lock', 'accounts.lock'],
      ['POST', '/accounts/:accountNumber/unlock', 'accounts.unlock'],
      ['POST', '/accounts/:accountNumber/delete', 'accounts.remove'],
    ].map(([method, path, handler]) => ({
      method,
      path,
      handler,
      config: {
        policies: [
          POLICY.isStaff,
          {
            name: 'admin::hasPermissions',
            config: { actions: ['plugin::sharing.accounts.administer'] },
          },
        ],
      },
    })),
    {
      method: 'GET',
      path: '/documents/:documentId/file',
      handler: 'documents.download',
      config: { policies: [POLICY.isStaff] },
    },
  ],
};
