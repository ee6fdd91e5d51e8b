import { factories } from '@strapi/strapi';
import { newcomerOnly } from '../../../owned-records';

// Frozen versions of a plan: read-only for everyone; the sharing plugin writes them when a plan is proposed.
export default factories.createCoreRouter(
  'api::plan-version.plan-version',
  newcomerOnly(['find', 'findOne']),
);
