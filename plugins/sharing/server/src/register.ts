import type { Core } from '@strapi/strapi';
import { createDocumentGuard } from './middlewares/document-guard';

const register = ({ strapi }: { strapi: Core.Strapi }) => {
  // Registered first thing so that no read or write of a personal record runs before the rule is in place.
  strapi.documents.use(createDocumentGuard(strapi) as never);
};

export default register;
