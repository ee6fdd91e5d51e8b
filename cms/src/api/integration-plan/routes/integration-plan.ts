import { factories } from '@strapi/strapi';

// Staff write plans in the admin panel; the newcomer reads them here.
export default factories.createCoreRouter('api::integration-plan.integration-plan', {
  only: ['find', 'findOne'],
});
