import type { Core } from '@strapi/strapi';
import { planAcceptanceSchema, planContentSchema, type Locale } from '@mobio/config';
import { pluginConfig } from '../config';
import { z } from 'zod';
import { AUDITED_EVENTS } from '../services/audit';
import { getService } from '../utils';
import { parseBody, parseQuery } from '../validation';

type Ctx = Parameters<Core.MiddlewareHandler>[0];

const staffOf = (ctx: Ctx) => ({ kind: 'staff' as const, id: ctx.state.user.id as number });
/** In one of the languages the installation offers (LOCALES). */
const pdfQuery = (locales: readonly Locale[]) =>
  z.object({ locale: z.enum(locales).optional() }).strict();

/** The goal agreement: the newcomer accepts it; both sides print it. */
const plans = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The plan as PDF, German beside the newcomer's language (or the one asked for). Owner or plan grantee only. */
  async pdf(ctx: Ctx) {
    const query = parseQuery(pdfQuery(pluginConfig(strapi).locales), ctx.query);
    const service = getService(strapi, 'plans');
    const locale = query.locale ?? (await service.localeOf(ctx.params.documentId));
    // A staff member's reads for the PDF are one download in the person's log.
    const { fileName, ...data } = await getService(strapi, 'audit').batch(
      () => getService(strapi, 'plan-pdf').data(ctx.params.documentId, locale),
      { readsAs: AUDITED_EVENTS.DOWNLOAD },
    );
    getService(strapi, 'pdf').send(ctx, 'plan', data, fileName);
  },

  /** The plan editor of the staff workspace: the current plan of a newcomer who shared plans with me. */
  async editorView(ctx: Ctx) {
    ctx.body = {
      data: await getService(strapi, 'plans').editorView(staffOf(ctx), ctx.params.ownerId),
    };
  },

  async save(ctx: Ctx) {
    const content = parseBody(planContentSchema, ctx.request.body);
    ctx.body = {
      data: await getService(strapi, 'plans').save(staffOf(ctx), ctx.params.ownerId, content),
    };
  },

  async propose(ctx: Ctx) {
    ctx.body = {
      data: await getService(strapi, 'plans').propose(staffOf(ctx), ctx.params.ownerId),
    };
  },

  async accept(ctx: Ctx) {
    const { version } = parseBody(planAcceptanceSchema, ctx.request.body);
    ctx.body = {
      data: await getService(strapi, 'plans').accept(
        { kind: 'newcomer', id: ctx.state.user.id },
        ctx.params.documentId,
        version,
      ),
    };
  },
});

export default plans;
