import { factories } from '@strapi/strapi';

export default factories.createCoreRouter('api::language-skill.language-skill', {
  only: ['find', 'findOne', 'create', 'update', 'delete'],
});
