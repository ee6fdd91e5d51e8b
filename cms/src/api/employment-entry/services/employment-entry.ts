import { factories } from '@strapi/strapi';

export default factories.createCoreService('api::employment-entry.employment-entry');
