import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::plan-version.plan-version');
