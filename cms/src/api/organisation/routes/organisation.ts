import { factories } from '@strapi/strapi';

// Staff manage organisations in the admin panel; the content API offers nothing.
export default factories.createCoreRouter('api::organisation.organisation', { only: [] });
