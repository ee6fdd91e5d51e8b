import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { CV_PERSONAL_FIELDS, DEFAULT_LOCALE, LOCALES, accountDeletionSchema, parseRequestData } from '@mobio/config';
import { z } from 'zod';
import { getService } from '../utils';

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

/** The newcomer's own account: a CV from it, take everything out, or delete everything. */
const account = ({ strapi }: { strapi: Core.Strapi }) => ({
  /** The CV in one language, with the personal fields the newcomer chose, as data or PDF. */
  async cv(ctx: Ctx) {
    const query = cvQuery.safeParse(ctx.query);
    if (!query.success) throw new errors.ValidationError('Invalid query', { errors: query.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })) });
    const cv = await getService(strapi, 'cv').build(ctx.state.user.id, query.data.locale, query.data.include);
    if (query.data.format === 'json') {
      ctx.body = { data: cv };
      return;
    }
    ctx.set('Content-Type', 'application/pdf');
    ctx.set('Content-Disposition', `attachment; filename="lebenslauf-${query.data.locale}.pdf"`);
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
    ctx.body = archive;
  },

  /** Deletes the account after the password is given again; everything of the person goes with it. */
  async remove(ctx: Ctx) {
    const parsed = parseRequestData(accountDeletionSchema, ctx.request.body);
    if ('errors' in parsed) throw new errors.ValidationError('Invalid input', { errors: parsed.errors });
    const user = await strapi.db.query(USER).findOne({ where: { id: ctx.state.user.id }, select: ['id', 'password'] });
    const users = strapi.plugin('users-permissions').service('user');
    if (!user?.password || !(await users.validatePassword(parsed.data.password, user.password))) {
      throw new errors.ValidationError('error.wrongPassword', { errors: [{ path: ['password'], message: 'error.wrongPassword' }] });
    }
    // The account's lifecycle hook erases records, files, grants and the access log first.
    await users.remove({ id: user.id });
    ctx.status = 204;
  },
});

export default account;
