import { factories } from '@strapi/strapi';
import { newcomerOnly } from '../../../owned-records';

export default factories.createCoreRouter(
  'api::employment-entry.employment-entry',
  newcomerOnly(['find', 'findOne', 'create', 'update', 'delete']),
);
