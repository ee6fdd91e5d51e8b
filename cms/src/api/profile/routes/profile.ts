export default {
  routes: [
    { method: 'GET', path: '/profiles/me', handler: 'api::profile.profile.me' },
    { method: 'PUT', path: '/profiles/me', handler: 'api::profile.profile.updateMe' },
  ],
};
