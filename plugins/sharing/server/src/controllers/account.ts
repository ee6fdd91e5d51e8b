import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  CV_PERSONAL_FIELDS,
  DEFAULT_LOCALE,
  accountDeletionSchema,
  type Locale,
} from '@mobio/config';
import { z } from 'zod';
import type { SpooledArchive } from '../import/spool';
import { IMPORT_PROBLEMS, ImportError, type ImportProblem } from '../services/import';
import { getService } from '../utils';
import { sendStream } from '../send-stream';
import { parseBody, parseQuery } from '../validation';
import { pluginConfig } from '../config';
import { UID } from '../uids';

type Ctx = Parameters<Core.MiddlewareHandler>[0];

function refuseImport(ctx: Ctx, problem: ImportProblem, detail?: string) {
  const { status, name, message } = IMPORT_PROBLEMS[problem];
  // Part of the body may be unread: close the connection so that a kept-alive socket is not reused.
  ctx.set('Connection', 'close');
  ctx.status = status;
  ctx.body = {
    data: null,
    error: {
      status,
      name,
      message,
      details: { errors: [{ path: ['file'], message }], ...(detail ? { detail } : {}) },
    },
  };
}

/** In one of the languages the installation offers (LOCALES), German by default. */
const cvQuery = (locales: readonly Locale[]) =>
  z
    .object({
      locale: z.enum(locales).default(DEFAULT_LOCALE),
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
    ctx.body = {
      data: await getService(strapi, 'overview').of({ kind: 'newcomer', id: ctx.state.user.id }),
    };
  },

  /** The CV in one language, with the personal fields the newcomer chose, as data or PDF. */
  async cv(ctx: Ctx) {
    const query = parseQuery(cvQuery(pluginConfig(strapi).locales), ctx.query);
    const cv = await getService(strapi, 'cv').build(ctx.state.user.id, query.locale, query.include);
    if (query.format === 'json') {
      ctx.body = { data: cv };
      return;
    }
    getService(strapi, 'pdf').send(ctx, 'cv', cv, `lebenslauf-${query.locale}.pdf`);
  },

  /** The whole export as a zip, streamed. */
  async export(ctx: Ctx) {
    const archive = await getService(strapi, 'export').archive(ctx.state.user.id);
    ctx.set('Content-Type', 'application/zip');
    ctx.set(
      'Content-Disposition',
      `attachment; filename="mobio-export-${new Date().toISOString().slice(0, 10)}.zip"`,
    );
    ctx.set('Cache-Control', 'no-store');
    ctx.set('X-Content-Type-Options', 'nosniff');
    sendStream(strapi, ctx, archive, `export of account ${ctx.state.user.id}`);
  },

  /**
   * Moving to another district: a mobio-export zip (the raw request body) into this fresh account,
   * all or nothing. The answer says how many records and documents were taken over.
   */
  async import(ctx: Ctx) {
    const importer = getService(strapi, 'import');
    const { importMaxBytes } = pluginConfig(strapi).uploads;
    // Refused before the body is read: nothing of the archive is looked at for an account in use.
    if (!(await importer.isFresh(ctx.state.user.id))) return refuseImport(ctx, 'notFresh');
    if (Number(ctx.get('content-length') || 0) > importMaxBytes)
      return refuseImport(ctx, 'tooLarge');
    let release: (() => void) | null;
    try {
      release = importer.reserve(ctx.state.user.id);
    } catch (error) {
      if (error instanceof ImportError) return refuseImport(ctx, error.problem);
      throw error;
    }
    // Enough imports are running (each takes disk, memory and time): try again in a minute.
    if (!release) {
      ctx.set('Retry-After', '60');
      return refuseImport(ctx, 'busy');
    }
    let archive: SpooledArchive | undefined;
    try {
      archive = await importer.receive(ctx.req);
      ctx.body = { data: await importer.run(ctx.state.user.id, archive) };
      ctx.status = 201;
    } catch (error) {
      if (error instanceof ImportError) return refuseImport(ctx, error.problem, error.detail);
      throw error;
    } finally {
      await archive?.discard();
      release();
    }
  },

  /** A deletion code for the district office (shown once): with it, they may erase the account at once. */
  async deletionCode(ctx: Ctx) {
    ctx.body = { data: await getService(strapi, 'erasure-request').issueCode(ctx.state.user.id) };
  },

  /** Stops an erasure the district office announced (204; 404 when none is running). */
  async stopErasure(ctx: Ctx) {
    if (!(await getService(strapi, 'erasure-request').stop(ctx.state.user.id)))
      throw new errors.NotFoundError('error.noErasure');
    ctx.status = 204;
  },

  /** Deletes the account after the password is given again; everything of the person goes with it. */
  async remove(ctx: Ctx) {
    const { password } = parseBody(accountDeletionSchema, ctx.request.body);
    const user = await strapi.db
      .query(UID.user)
      .findOne({ where: { id: ctx.state.user.id }, select: ['id', 'password'] });
    const users = strapi.plugin('users-permissions').service('user');
    if (!user?.password || !(await users.validatePassword(password, user.password))) {
      throw new errors.ValidationError('error.wrongPassword', {
        errors: [{ path: ['password'], message: 'error.wrongPassword' }],
      });
    }
    // The account's lifecycle hook erases records, files, grants and the access log first.
    await users.remove({ id: user.id });
    ctx.status = 204;
  },
});

export default account;
