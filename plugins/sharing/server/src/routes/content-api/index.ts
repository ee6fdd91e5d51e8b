import { POLICY } from '../../uids';

// Each action is a users-permissions permission (`plugin::sharing.<controller>.<handler>`). The
// is-newcomer policy marks a route as the Newcomer's: the CMS gives that role exactly the marked
// routes (cms/src/bootstrap/roles.ts). Specific paths come before the `:documentId` ones.
const route = (method: string, path: string, handler: string) => ({
  method,
  path,
  handler: handler.includes('.') ? handler : `grants.${handler}`,
  config: { policies: [POLICY.isNewcomer] },
});

export default {
  type: 'content-api',
  routes: [
    // Readiness needs no login and says nothing but ready / which check failed.
    {
      method: 'GET',
      path: '/ready',
      handler: 'health.ready',
      config: { auth: false, policies: [] },
    },
    route('GET', '/grants', 'find'),
    route('POST', '/grants', 'create'),
    route('POST', '/grants/revoke-all', 'revokeAll'),
    route('PUT', '/grants/:documentId', 'update'),
    route('POST', '/grants/:documentId/revoke', 'revoke'),
    route('GET', '/grants/:documentId/receipt', 'receipt'),
    route('GET', '/invitations/:code', 'previewInvitation'),
    route('GET', '/directory', 'directory'),
    route('GET', '/access-log', 'accessLog'),
    route('POST', '/documents', 'documents.upload'),
    route('GET', '/documents/:documentId/file', 'documents.download'),
    route('POST', '/plans/:documentId/accept', 'plans.accept'),
    route('GET', '/plans/:documentId/pdf', 'plans.pdf'),
    route('GET', '/plan-catalogue', 'catalogue.list'),
    route('GET', '/overview', 'account.overview'),
    route('GET', '/export', 'account.export'),
    route('POST', '/import', 'account.import'),
    route('GET', '/cv', 'account.cv'),
    route('POST', '/account/delete', 'account.remove'),
    route('POST', '/account/deletion-code', 'account.deletionCode'),
    route('POST', '/account/erasure/stop', 'account.stopErasure'),
    route('POST', '/account/email', 'recovery.addEmail'),
    // Self-service of a person who is not logged in (the Public role's permission, SELF_SERVICE_ACTIONS),
    // behind the same per-address limit as users-permissions' own registration and reset.
    {
      method: 'POST',
      path: '/auth/register-username',
      handler: 'recovery.register',
      config: { policies: [], middlewares: ['plugin::users-permissions.rateLimit'] },
    },
    {
      method: 'POST',
      path: '/auth/recover',
      handler: 'recovery.recover',
      config: { policies: [], middlewares: ['plugin::users-permissions.rateLimit'] },
    },
  ],
};
