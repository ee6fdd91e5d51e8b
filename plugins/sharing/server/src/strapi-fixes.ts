import type { Core } from '@strapi/strapi';

type Handler = (this: unknown, ctx: { status: number }, ...rest: unknown[]) => Promise<unknown>;

/**
 * Strapi 5.54's Content Manager relation picker answers a user without read permission on the
 * source type with `ctx.forbidden()` and then destructures the missing result, turning the 403
 * into a 500. Keep the 403 that was already set; every other error goes on unchanged.
 */
export function keepRelationPickerForbidden(strapi: Core.Strapi) {
  const relations = strapi.plugin('content-manager')?.controllers?.relations as Record<string, Handler> | undefined;
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
