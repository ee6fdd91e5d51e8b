import { actorFromState } from '../access';

/**
 * Route policy for routes that act for "me": only a logged-in newcomer gets through. A full-access
 * API token passes Strapi's own permission check but has no "me", so it gets a clean 403 here
 * (the document-service guard would refuse it anyway, one layer down).
 */
const isNewcomer = (policyContext: { state?: object }) =>
  actorFromState(policyContext.state, true).kind === 'newcomer';

export default isNewcomer;
