export default {
  type: 'admin',
  routes: [
    {
      method: 'POST',
      path: '/invitations',
      handler: 'grants.createInvitation',
      config: { policies: ['admin::isAuthenticatedAdmin'] },
    },
  ],
};
