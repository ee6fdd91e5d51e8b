import type { Core } from '@strapi/strapi';
import { getService } from '../utils';

type Ctx = Parameters<Core.MiddlewareHandler>[0];

/** The plan catalogue, read-only: for the staff's plan editor and for the newcomer's plan page. */
const catalogue = ({ strapi }: { strapi: Core.Strapi }) => ({
  async list(ctx: Ctx) {
    ctx.body = { data: await getService(strapi, 'catalogue').list() };
  },
});

export default catalogue;
