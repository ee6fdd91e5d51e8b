import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::education-entry.education-entry', {
  only: ['find', 'findOne', 'create', 'update', 'delete'],
});
