import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::integration-plan.integration-plan');
