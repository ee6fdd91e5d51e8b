import { factories } from '@strapi/strapi';
import { newcomerOnly } from '../../../owned-records';

export default factories.createCoreRouter(
  'api::language-skill.language-skill',
  newcomerOnly(['find', 'findOne', 'create', 'update', 'delete']),
);
