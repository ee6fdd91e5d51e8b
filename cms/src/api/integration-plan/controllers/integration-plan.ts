import { factories } from '@strapi/strapi';

export default factories.createCoreController('api::integration-plan.integration-plan');
