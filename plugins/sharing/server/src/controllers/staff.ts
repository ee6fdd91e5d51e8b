import type { Core } from '@strapi/strapi';
import { z } from 'zod';
import { getService } from '../utils';
import { parseQuery } from '../validation';

type Ctx = Parameters<Core.MiddlewareHandler>[0];

const listQuery = z
  .object({
    search: z.string().max(100).optional(),
    page: z.coerce.number().int().min(1).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;
const statisticsQuery = z
  .object({
    from: z.string().regex(monthPattern, 'expected YYYY-MM'),
    to: z.string().regex(monthPattern, 'expected YYYY-MM'),
    format: z.enum(['json', 'csv']).default('json'),
  })
  .strict()
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'expected to ≥ from' })
  .refine(
    (q) =>
      (Number(q.to.slice(0, 4)) - Number(q.from.slice(0, 4))) * 12 +
        Number(q.to.slice(5)) -
        Number(q.from.slice(5)) <
      36,
    {
      path: ['to'],
      message: 'expected at most 36 months',
    },
  );

/** Admin routes of the staff workspace. */
const staff = ({ strapi }: { strapi: Core.Strapi }) => {
  const service = () => getService(strapi, 'staff');
  const me = (ctx: Ctx) => ({ kind: 'staff' as const, id: ctx.state.user.id as number });

  return {
    async sharedWithMe(ctx: Ctx) {
      ctx.body = await service().sharedWithMe(me(ctx), parseQuery(listQuery, ctx.query));
    },
    async record(ctx: Ctx) {
      ctx.body = { data: await service().record(me(ctx), ctx.params.ownerId) };
    },
    async statistics(ctx: Ctx) {
      const query = parseQuery(statisticsQuery, ctx.query);
      const statistics = await getService(strapi, 'statistics').monthly(query.from, query.to);
      if (query.format === 'json') {
        ctx.body = { data: statistics };
        return;
      }
      ctx.set('Content-Type', 'text/csv; charset=utf-8');
      ctx.set(
        'Content-Disposition',
        `attachment; filename="mobio-statistik-${query.from}-${query.to}.csv"`,
      );
      // A byte order mark so that spreadsheet programs read the umlauts right.
      ctx.body = `\ufeff${getService(strapi, 'statistics').csv(statistics)}`;
    },
  };
};

export default staff;
