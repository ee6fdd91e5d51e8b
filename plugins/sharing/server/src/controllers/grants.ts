import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DEFAULT_LOCALE, LOCALES, grantRequestSchema, grantUpdateSchema, parseRequestData } from '@mobio/config';
import { z } from 'zod';
import { getService } from '../utils';

type Ctx = Parameters<Core.MiddlewareHandler>[0];

function parse<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const result = parseRequestData(schema, body);
  // Checked with `in`: the CMS compiles without strictNullChecks, which narrowing on `success` needs.
  if ('errors' in result) throw new errors.ValidationError('Invalid input', { errors: result.errors });
  return result.data;
}

const pageQuery = z
  .object({
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();

const receiptQuery = z
  .object({ locale: z.enum(LOCALES).default(DEFAULT_LOCALE), format: z.enum(['json', 'pdf']).default('json') })
  .strict();

const invalidQuery = (error: z.ZodError) =>
  new errors.ValidationError('Invalid query', { errors: error.issues.map((i) => ({ path: i.path.map(String), message: i.message })) });

/** Content API of the newcomer: their grants, their access log, the staff directory. */
const grants = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'grant');
  const newcomer = (ctx: Ctx) => ({ kind: 'newcomer' as const, id: ctx.state.user.id as number });

  return {
    async find(ctx: Ctx) {
      ctx.body = { data: await service().list(newcomer(ctx)) };
    },
    async create(ctx: Ctx) {
      ctx.body = { data: await service().give(newcomer(ctx), parse(grantRequestSchema, ctx.request.body)) };
    },
    async update(ctx: Ctx) {
      ctx.body = { data: await service().change(newcomer(ctx), ctx.params.documentId, parse(grantUpdateSchema, ctx.request.body)) };
    },
    async revoke(ctx: Ctx) {
      await service().revoke(newcomer(ctx), ctx.params.documentId);
      ctx.status = 204;
    },
    async revokeAll(ctx: Ctx) {
      ctx.body = { data: { revoked: await service().revokeAll(newcomer(ctx)) } };
    },
    async previewInvitation(ctx: Ctx) {
      ctx.body = { data: await service().previewInvitation(String(ctx.params.code)) };
    },
    async directory(ctx: Ctx) {
      ctx.body = { data: await service().directory() };
    },
    async accessLog(ctx: Ctx) {
      const query = pageQuery.safeParse(ctx.query);
      if (!query.success) throw invalidQuery(query.error);
      ctx.body = await getService(strapi, 'audit').listForOwner(newcomer(ctx).id, query.data.page, query.data.pageSize);
    },
    /** The consent receipt of a grant, as data for the site's page or as a printable PDF. */
    async receipt(ctx: Ctx) {
      const query = receiptQuery.safeParse(ctx.query);
      if (!query.success) throw invalidQuery(query.error);
      const receipt = await service().receipt(newcomer(ctx), ctx.params.documentId, query.data.locale);
      if (query.data.format === 'json') {
        ctx.body = { data: receipt };
        return;
      }
      ctx.set('Content-Type', 'application/pdf');
      ctx.set('Content-Disposition', `attachment; filename="mobio-receipt-${receipt.receiptId}.pdf"`);
      ctx.set('Cache-Control', 'no-store');
      ctx.body = getService(strapi, 'pdf').render('receipt', receipt);
    },
    /** Admin route: a one-time code for the calling staff member to hand to a newcomer. */
    async createInvitation(ctx: Ctx) {
      ctx.body = { data: await service().createInvitation(ctx.state.user.id) };
    },
  };
};

export default grants;
