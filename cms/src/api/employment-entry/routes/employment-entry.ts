import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::employment-entry.employment-entry', {
  only: ['find', 'findOne', 'create', 'update', 'delete'],
});
