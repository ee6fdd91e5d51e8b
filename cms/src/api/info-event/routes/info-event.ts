import { factories } from '@strapi/strapi';

// Public information: anyone may read it, only the admin panel writes it.
export default factories.createCoreRouter('api::info-event.info-event', {
  only: ['find', 'findOne'],
});
