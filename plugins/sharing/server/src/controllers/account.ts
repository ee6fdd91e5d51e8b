import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { CV_PERSONAL_FIELDS, DEFAULT_LOCALE, LOCALES, accountDeletionSchema } from '@mobio/config';
import { z } from 'zod';
import { getService, sendStream } from '../utils';
import { parseBody, parseQuery } from '../validation';

type Ctx = Parameters<Core.MiddlewareHandler>[0];
const USER = 'plugin::users-permissions.user';

const cvQuery = z
  .object({
    locale: z.enum(LOCALES).default(DEFAULT_LOCALE),
    include: z
      .string()
      .default('')
      .transform((value) => value.split(',').filter(Boolean))
      .pipe(z.array(z.enum(CV_PERSONAL_FIELDS))),
    format: z.enum(['json', 'pdf']).default('pdf'),
  })
  .strict();

/** The newcomer's own account: an overview of it, a CV from it, take everything out, or delete everything. */
const account = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** What the dashboard shows, in one answer: profile, entries per list, grants in force, latest plan. */
  async overview(ctx: Ctx) {
    ctx.body = { data: await getService(strapi, 'overview').of({ kind: 'newcomer', id: ctx.state.user.id }) };
  },

  /** The CV in one language, with the personal fields the newcomer chose, as data or PDF. */
  async cv(ctx: Ctx) {
    const query = parseQuery(cvQuery, ctx.query);
    const cv = await getService(strapi, 'cv').build(ctx.state.user.id, query.locale, query.include);
    if (query.format === 'json') {
      ctx.body = { data: cv };
      return;
    }
    ctx.set('Content-Type', 'application/pdf');
    ctx.set('Content-Disposition', `attachment; filename="lebenslauf-${query.locale}.pdf"`);
    ctx.set('Cache-Control', 'no-store');
    ctx.body = getService(strapi, 'pdf').render('cv', cv);
  },

  /** The whole export as a zip, streamed. */
  async export(ctx: Ctx) {
    const archive = await getService(strapi, 'export').archive(ctx.state.user.id);
    ctx.set('Content-Type', 'application/zip');
    ctx.set('Content-Disposition', `attachment; filename="mobio-export-${new Date().toISOString().slice(0, 10)}.zip"`);
    ctx.set('Cache-Control', 'no-store');
    ctx.set('X-Content-Type-Options', 'nosniff');
    sendStream(strapi, ctx, archive, `export of account ${ctx.state.user.id}`);
  },

  /** Deletes the account after the password is given again; everything of the person goes with it. */
  async remove(ctx: Ctx) {
    const { password } = parseBody(accountDeletionSchema, ctx.request.body);
    const user = await strapi.db.query(USER).findOne({ where: { id: ctx.state.user.id }, select: ['id', 'password'] });
    const users = strapi.plugin('users-permissions').service('user');
    if (!user?.password || !(await users.validatePassword(password, user.password))) {
      throw new errors.ValidationError('error.wrongPassword', { errors: [{ path: ['password'], message: 'error.wrongPassword' }] });
    }
    // The account's lifecycle hook erases records, files, grants and the access log first.
    await users.remove({ id: user.id });
    ctx.status = 204;
  },
});

export default account;
