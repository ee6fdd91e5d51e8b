import { factories } from '@strapi/strapi';
import { newcomerOnly } from '../../../owned-records';

export default factories.createCoreRouter(
  'api::education-entry.education-entry',
  newcomerOnly(['find', 'findOne', 'create', 'update', 'delete']),
);
