export default {
  type: 'admin',
  routes: [
    {
      method: 'POST',
      path: '/invitations',
      handler: 'grants.createInvitation',
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    },
    {
      method: 'GET',
      path: '/documents/:documentId/file',
      handler: 'documents.download',
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    },
  ],
};
