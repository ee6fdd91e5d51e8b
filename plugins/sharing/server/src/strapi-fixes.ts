import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

type Handler = (this: unknown, ctx: { status: number }, ...rest: unknown[]) => Promise<unknown>;

/**
 * Strapi 5.54's Content Manager relation picker answers a user without read permission on the
 * source type with `ctx.forbidden()` and then destructures the missing result, turning the 403
 * into a 500. Keep the 403 that was already set; every other error goes on unchanged.
 */
export function keepRelationPickerForbidden(strapi: Core.Strapi) {
  const relations = strapi.plugin('content-manager')?.controllers?.relations as
    Record<string, Handler> | undefined;
  if (!relations) return;
  for (const name of ['findAvailable', 'findExisting']) {
    const original = relations[name];
    if (typeof original !== 'function') continue;
    relations[name] = async function (this: unknown, ctx, ...rest) {
      try {
        return await original.call(this, ctx, ...rest);
      } catch (error) {
        if (ctx.status === 403 && error instanceof TypeError) return undefined;
        throw error;
      }
    };
  }
}

/**
 * Strapi 5.54's Content Manager calls the document service's publish, unpublish and discardDraft
 * for any model, also one without drafts, whose document service has no such method: a TypeError
 * and a 500. Such a request is answered with a 400 before it gets there.
 */
export function refuseDraftActionsWithoutDrafts(strapi: Core.Strapi) {
  const collectionTypes = strapi.plugin('content-manager')?.controllers?.['collection-types'] as
    Record<string, Handler> | undefined;
  if (!collectionTypes) return;
  for (const name of ['publish', 'unpublish', 'discard', 'bulkPublish', 'bulkUnpublish']) {
    const original = collectionTypes[name];
    if (typeof original !== 'function') continue;
    collectionTypes[name] = async function (this: unknown, ctx, ...rest) {
      const model = (ctx as unknown as { params: { model?: string } }).params.model;
      const options = model
        ? (
            strapi.contentTypes as unknown as Record<
              string,
              { options?: { draftAndPublish?: boolean } }
            >
          )[model]?.options
        : undefined;
      if (model && options?.draftAndPublish !== true)
        throw new errors.ValidationError(
          `${model} has no drafts to publish, unpublish or discard.`,
        );
      return original.call(this, ctx, ...rest);
    };
  }
}
