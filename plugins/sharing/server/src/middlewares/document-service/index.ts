import type { Core } from '@strapi/strapi';
import { catalogueKeys } from './catalogue-keys';
import { documentFiles } from './document-files';
import { createDocumentGuard } from './guard';
import { planVersioning } from './plan-versioning';

/**
 * The plugin's document-service middlewares, outermost first: Strapi runs them in the order they
 * are registered, each around the next. The sharing rule comes first so that no read or write of a
 * personal record reaches the others (or the database) before it has been allowed, scoped and
 * audited; the others then only act on writes the rule let through: a deleted document's file is
 * removed, a plan's version is counted, a catalogue key is checked.
 */
const DOCUMENT_MIDDLEWARES = [createDocumentGuard, documentFiles, planVersioning, catalogueKeys];

/** Registers every document-service middleware of the plugin, in order (from register()). */
export function useDocumentMiddlewares(strapi: Core.Strapi) {
  for (const middleware of DOCUMENT_MIDDLEWARES) strapi.documents.use(middleware(strapi) as never);
}
