const config = { policies: ['plugin::sharing.is-newcomer'] };

export default {
  routes: [
    { method: 'GET', path: '/profiles/me', handler: 'api::profile.profile.me', config },
    { method: 'PUT', path: '/profiles/me', handler: 'api::profile.profile.updateMe', config },
  ],
};
