import { factories } from '@strapi/strapi';
import { newcomerOnly } from '../../../owned-records';

// Staff write plans in the admin panel; the newcomer reads them here.
export default factories.createCoreRouter(
  'api::integration-plan.integration-plan',
  newcomerOnly(['find', 'findOne']),
);
