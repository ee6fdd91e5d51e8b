import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { DEFAULT_LOCALE, grantRequestSchema, grantUpdateSchema, type Locale } from '@mobio/config';
import { pluginConfig } from '../config';
import { z } from 'zod';
import { getService } from '../utils';
import { parseBody, parseQuery } from '../validation';

type Ctx = Parameters<Core.MiddlewareHandler>[0];

const pageQuery = z
  .object({
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(25),
  })
  .strict();
/** The access log pages by event, or with `group=visits` by staff visit (see groupVisits). */
const logQuery = pageQuery
  .extend({ group: z.enum(['events', 'visits']).default('events') })
  .strict();

/** In one of the languages the installation offers (LOCALES), German by default. */
const receiptQuery = (locales: readonly Locale[]) =>
  z
    .object({
      locale: z.enum(locales).default(DEFAULT_LOCALE),
      format: z.enum(['json', 'pdf']).default('json'),
    })
    .strict();

/** Content API of the newcomer: their grants, their access log, the staff directory. */
const grants = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'grant');
  const newcomer = (ctx: Ctx) => ({ kind: 'newcomer' as const, id: ctx.state.user.id as number });

  // Codes that were not found count against the newcomer and against the client's address (counted
  // in the database: every CMS process sees them); a guesser is stopped long before a code is hit.
  const tryingCode = <T>(ctx: Ctx, attempt: () => Promise<T>): Promise<T> =>
    getService(strapi, 'limits').counting(
      [
        ['invitationsPerAccount', `invitation\0${ctx.state.user.id}`],
        ['address', ctx.request.ip],
      ],
      attempt,
      (error) => error instanceof errors.NotFoundError && error.message === 'error.invitationCode',
    );

  return {
    async find(ctx: Ctx) {
      ctx.body = { data: await service().list(newcomer(ctx)) };
    },
    async create(ctx: Ctx) {
      const request = parseBody(grantRequestSchema, ctx.request.body);
      const give = () => service().give(newcomer(ctx), request);
      ctx.body = { data: await (request.invitationCode ? tryingCode(ctx, give) : give()) };
    },
    async update(ctx: Ctx) {
      ctx.body = {
        data: await service().change(
          newcomer(ctx),
          ctx.params.documentId,
          parseBody(grantUpdateSchema, ctx.request.body),
        ),
      };
    },
    async revoke(ctx: Ctx) {
      await service().revoke(newcomer(ctx), ctx.params.documentId);
      ctx.status = 204;
    },
    async revokeAll(ctx: Ctx) {
      ctx.body = { data: { revoked: await service().revokeAll(newcomer(ctx)) } };
    },
    async previewInvitation(ctx: Ctx) {
      ctx.body = {
        data: await tryingCode(ctx, () =>
          getService(strapi, 'invitation').preview(String(ctx.params.code)),
        ),
      };
    },
    async directory(ctx: Ctx) {
      ctx.body = { data: await service().directory() };
    },
    async accessLog(ctx: Ctx) {
      const query = parseQuery(logQuery, ctx.query);
      const audit = getService(strapi, 'audit');
      const id = newcomer(ctx).id;
      ctx.body =
        query.group === 'visits'
          ? await audit.visitsOfOwner(id, query.page, query.pageSize)
          : await audit.listForOwner(id, query.page, query.pageSize);
    },
    /** The consent receipt of a grant, as data for the site's page or as a printable PDF. */
    async receipt(ctx: Ctx) {
      const query = parseQuery(receiptQuery(pluginConfig(strapi).locales), ctx.query);
      const receipt = await getService(strapi, 'receipt').forGrant(
        newcomer(ctx),
        ctx.params.documentId,
        query.locale,
      );
      if (query.format === 'json') {
        ctx.body = { data: receipt };
        return;
      }
      getService(strapi, 'pdf').send(
        ctx,
        'receipt',
        receipt,
        `mobio-receipt-${receipt.receiptId}.pdf`,
      );
    },
    /** Admin route: a one-time code for the calling staff member to hand to a newcomer. */
    async createInvitation(ctx: Ctx) {
      ctx.body = { data: await getService(strapi, 'invitation').create(ctx.state.user.id) };
    },
  };
};

export default grants;
