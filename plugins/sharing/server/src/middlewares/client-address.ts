import type { Core } from '@strapi/strapi';
import { CLIENT_ADDRESS_HEADERS, provenClientAddress } from '@mobio/config';
import { pluginConfig } from '../config';

/**
 * App-level middleware, first in cms/config/middlewares.ts: the address a request is counted and
 * logged under (`ctx.request.ip`) is the person's, when the site or nginx names it with the
 * secret; otherwise the TCP peer's (Strapi's `proxy` stays off, so X-Forwarded-For is never read).
 * The two headers are removed either way: nothing after this reads or passes them on.
 */
const clientAddress =
  (_config: unknown, { strapi }: { strapi: Core.Strapi }) =>
  async (
    ctx: {
      get(name: string): string;
      request: { ip: string; headers: Record<string, unknown> };
    },
    next: () => Promise<void>,
  ) => {
    const proven = provenClientAddress(
      (name) => ctx.get(name),
      pluginConfig(strapi).secrets.clientAddressSecret,
    );
    for (const name of Object.values(CLIENT_ADDRESS_HEADERS)) delete ctx.request.headers[name];
    if (proven) ctx.request.ip = proven;
    await next();
  };

export default clientAddress;
