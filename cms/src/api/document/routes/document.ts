import { factories } from '@strapi/strapi';
import { newcomerOnly } from '../../../owned-records';

// A document is created together with its file by the sharing plugin's private upload route.
export default factories.createCoreRouter(
  'api::document.document',
  newcomerOnly(['find', 'findOne', 'update', 'delete']),
);
