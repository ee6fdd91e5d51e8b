import type { Core } from '@strapi/strapi';

/** The route handler of the current request as a permission-like id (`plugin::users-permissions.auth.register`). */
export function currentHandler(strapi: Core.Strapi): string | undefined {
  const route = (
    strapi.requestContext.get()?.state as
      | { route?: { handler?: unknown; info?: { pluginName?: string; apiName?: string } } }
      | undefined
  )?.route;
  if (typeof route?.handler !== 'string') return undefined;
  if (route.handler.includes('::')) return route.handler;
  const { pluginName, apiName } = route.info ?? {};
  if (pluginName === 'admin') return `admin::${route.handler}`;
  if (pluginName) return `plugin::${pluginName}.${route.handler}`;
  return apiName ? `api::${apiName}.${route.handler}` : undefined;
}
