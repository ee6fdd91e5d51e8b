import { factories } from '@strapi/strapi';

// A document is created together with its file by the sharing plugin's private upload route.
export default factories.createCoreRouter('api::document.document', {
  only: ['find', 'findOne', 'update', 'delete'],
});
