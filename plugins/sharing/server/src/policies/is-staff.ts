import { actorFromState } from '../access';

/**
 * Route policy for the staff workspace's admin routes: a staff member logged into the admin panel.
 * Strapi's own `admin::isAuthenticatedAdmin` lets admin API tokens through too (their owner becomes
 * `ctx.state.user`), and a token is nobody to share with or to administer accounts.
 */
const isStaff = (policyContext: { state?: object }) =>
  actorFromState(policyContext.state, true).kind === 'staff';

export default isStaff;
