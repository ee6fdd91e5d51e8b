import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Core } from '@strapi/strapi';
import { pluginConfig } from '../config';

/**
 * App-level middleware, placed before `strapi::body` in cms/config/middlewares.ts, which decides
 * which request bodies may be parsed at all. The body parser runs before routing and login, and it
 * writes every file part of a multipart body to disk; Strapi removes only parts named `files`, and
 * only when the request succeeds. So:
 * - The document upload and the import take the file as the raw request body: a body the parser
 *   would read (multipart, form, JSON, text) is refused there before a byte is read.
 * - A multipart body is refused (415) everywhere but on the media library's upload routes, and
 *   there (401) unless the request carries a staff login (Strapi's own admin strategies, asked
 *   before a byte of the body is read: nobody without a login makes the CMS write a file).
 *   `strapi::body` itself is configured with `multipart: false`; the accepted routes get Strapi's
 *   own body middleware here, writing into a folder of this request alone under UPLOAD_TEMP_DIR,
 *   which is removed when the request ends, whatever its parts were called, also on errors and
 *   aborted connections. No request leaves a file behind, and no document's plaintext is parsed
 *   to disk.
 * Paths are compared as the router matches them, generously: case-insensitive, decoded, without
 * repeated or trailing slashes, so a variant of a path can only be refused, never slip through.
 */

const RAW_PATHS = new Set(['/api/sharing/documents', '/api/sharing/import']);
/** Strapi's media-library upload routes (admin API; their own policies then require a staff login). */
const MULTIPART_ROUTES = [/^\/upload$/, /^\/upload\/files$/, /^\/upload\/files\/[^/]+\/replace$/];
const PARSED = /^(multipart\/|application\/x-www-form-urlencoded|application\/json|text\/)/i;

/** The path as the router could match it: decoded, lower case, single slashes, no trailing slash. */
export function normalisedPath(path: string): string {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A broken escape: compared as it came, which only ever refuses more.
  }
  return decoded
    .toLowerCase()
    .replace(/\/{2,}/g, '/')
    .replace(/(.)\/+$/, '$1');
}

type Ctx = Parameters<Core.MiddlewareHandler>[0];
type BodyFactory = (config: unknown, ctx: { strapi: Core.Strapi }) => Core.MiddlewareHandler;

function refuse(ctx: Ctx, message: string, status = 415) {
  // The body stays unread: close the connection so the client does not send its next request after it.
  ctx.set('Connection', 'close');
  ctx.status = status;
  ctx.body = {
    data: null,
    error: {
      status,
      name: status === 415 ? 'UnsupportedMediaTypeError' : 'UnauthorizedError',
      message,
      details: { errors: [{ path: ['file'], message }] },
    },
  };
}

/**
 * Whether the request carries a login the admin API accepts (a staff session or an admin token),
 * asked of Strapi's own admin strategies the way its router will ask them again after the body.
 */
async function isStaff(strapi: Core.Strapi, ctx: Ctx): Promise<boolean> {
  let admitted = false;
  // The strategies write what they find into `state`; a probe keeps the request's own untouched.
  const probe = Object.create(ctx, {
    state: { value: { route: { info: { type: 'admin' } } } },
    unauthorized: { value: () => undefined },
  }) as Ctx;
  try {
    await strapi.get('auth').authenticate(probe, async () => {
      admitted = true;
    });
  } catch {
    return false;
  }
  return admitted;
}

const requestBody = (_config: unknown, { strapi }: { strapi: Core.Strapi }) => {
  const strapiBody = strapi.get('middlewares').get('strapi::body') as BodyFactory;
  return async (ctx: Ctx, next: () => Promise<void>) => {
    const path = normalisedPath(ctx.path);
    const type = ctx.get('content-type');
    if (RAW_PATHS.has(path) && PARSED.test(type)) return refuse(ctx, 'error.uploadRaw');
    if (!ctx.is('multipart')) return next();
    if (ctx.method !== 'POST' || !MULTIPART_ROUTES.some((route) => route.test(path)))
      return refuse(ctx, 'Multipart bodies are accepted only by the media library upload.');
    if (!(await isStaff(strapi, ctx))) return refuse(ctx, 'Missing or invalid credentials', 401);

    const { tempDir, maxBytes } = pluginConfig(strapi).uploads;
    await mkdir(tempDir, { recursive: true, mode: 0o700 });
    const dir = await mkdtemp(join(tempDir, 'request-'));
    try {
      // Strapi's own body middleware (file type guessing, its `files` clean-up), with this request's folder.
      await strapiBody(
        { multipart: true, formidable: { uploadDir: dir, maxFileSize: maxBytes } },
        { strapi },
      )(ctx, next);
    } catch (error) {
      // A client gone mid-body is no fault of ours: nobody reads the answer, nothing to log.
      if (!ctx.req.destroyed) throw error;
      ctx.status = 400;
    } finally {
      // A part still being written when the request failed is unlinked with the folder; a part
      // created between listing and removing makes rm retry.
      await rm(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
    }
  };
};

export default requestBody;
