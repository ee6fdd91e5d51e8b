import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { LOCALES, parseRequestData, planAcceptanceSchema } from '@mobio/config';
import { z } from 'zod';
import { getService } from '../utils';

type Ctx = Parameters<Core.MiddlewareHandler>[0];

const pdfQuery = z.object({ locale: z.enum(LOCALES).optional() }).strict();

/** The goal agreement: the newcomer accepts it; both sides print it. */
const plans = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The plan as PDF, German beside the newcomer's language (or the one asked for). Owner or plan grantee only. */
  async pdf(ctx: Ctx) {
    const query = pdfQuery.safeParse(ctx.query);
    if (!query.success) throw new errors.ValidationError('Invalid query', { errors: query.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })) });
    const service = getService(strapi, 'plans');
    const locale = query.data.locale ?? (await service.localeOf(ctx.params.documentId));
    const data = await service.pdfData(ctx.params.documentId, locale);
    ctx.set('Content-Type', 'application/pdf');
    ctx.set('Content-Disposition', `attachment; filename="integrationsplan-${ctx.params.documentId}-${locale}.pdf"`);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = getService(strapi, 'pdf').render('plan', data);
  },

  async accept(ctx: Ctx) {
    const parsed = parseRequestData(planAcceptanceSchema, ctx.request.body);
    if ('errors' in parsed) throw new errors.ValidationError('Invalid input', { errors: parsed.errors });
    ctx.body = { data: await getService(strapi, 'plans').accept({ kind: 'newcomer', id: ctx.state.user.id }, ctx.params.documentId, parsed.data.version) };
  },
});

export default plans;
