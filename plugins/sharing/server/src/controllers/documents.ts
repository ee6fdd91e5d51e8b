import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { documentMetadataSchema } from '@mobio/config';
import { actorFromState } from '../access';
import { AUDITED_EVENTS } from '../services/audit';
import { VaultError, type VaultProblem } from '../services/vault';
import { UnreadableFileError } from '../vault/file-format';
import { safeFileName } from '../vault/safe-file-name';
import { getService } from '../utils';
import { sendStream } from '../send-stream';
import { parseBody } from '../validation';
import { pluginConfig } from '../config';
import { UID } from '../uids';

type Ctx = Parameters<Core.MiddlewareHandler>[0];

const REFUSALS: Record<VaultProblem, { status: number; name: string; message: string }> = {
  tooLarge: { status: 413, name: 'PayloadTooLargeError', message: 'error.fileTooLarge' },
  unsupportedType: { status: 415, name: 'UnsupportedMediaTypeError', message: 'error.fileType' },
  unsafeContent: { status: 415, name: 'UnsupportedMediaTypeError', message: 'error.fileUnsafe' },
  aborted: { status: 400, name: 'BadRequestError', message: 'error.uploadAborted' },
  storageFull: { status: 507, name: 'InsufficientStorageError', message: 'error.storageFull' },
};

function refuse(ctx: Ctx, problem: VaultProblem) {
  const { status, name, message } = REFUSALS[problem];
  // Part of the body may be unread: close the connection so that a kept-alive socket is not reused.
  ctx.set('Connection', 'close');
  ctx.status = status;
  ctx.body = {
    data: null,
    error: { status, name, message, details: { errors: [{ path: ['file'], message }] } },
  };
}

/**
 * Private documents: upload (the file as the raw request body, metadata in the query string, so
 * nothing is parsed or buffered before the checks and the cipher) and download through a checked
 * route, for the owner or for staff with an active grant on the documents section.
 */
const documents = ({ strapi }: { strapi: Core.Strapi }) => {
  const vault = () => getService(strapi, 'vault');

  return {
    async upload(ctx: Ctx) {
      const { fileName, ...query } = ctx.query as Record<string, string>;
      // The body stays unread if the metadata is refused: close the connection with the answer.
      ctx.set('Connection', 'close');
      const metadata = parseBody(documentMetadataSchema, { data: query });
      ctx.remove('Connection');
      const { maxBytes } = pluginConfig(strapi).uploads;
      if (Number(ctx.get('content-length') || 0) > maxBytes) return refuse(ctx, 'tooLarge');

      let stored;
      try {
        stored = await vault().store(ctx.req);
      } catch (error) {
        if (error instanceof VaultError) return refuse(ctx, error.problem);
        throw error;
      }
      try {
        const document = await strapi.documents(UID.document).create({
          data: {
            ...metadata,
            owner: ctx.state.user.id,
            fileName: safeFileName(fileName, stored.extension),
            mimeType: stored.mime,
            size: stored.size,
            storageKey: stored.storageKey,
          } as never,
        });
        const sanitized = await strapi.contentAPI.sanitize.output(
          document,
          strapi.getModel(UID.document),
          { auth: ctx.state.auth },
        );
        ctx.status = 201;
        ctx.body = { data: sanitized };
      } catch (error) {
        // No row, no file: a refused link (another owner's entry) must not leave an orphan behind.
        await vault().remove(stored.storageKey);
        throw error;
      }
    },

    /** Streams the decrypted file to its owner or to a grantee of the documents section. */
    async download(ctx: Ctx) {
      const actor = actorFromState(ctx.state as never, true);
      const row = await strapi.db.query(UID.document).findOne({
        where: { documentId: ctx.params.documentId },
        select: ['documentId', 'fileName', 'mimeType', 'storageKey'],
        populate: { owner: { select: ['id'] } },
      });
      const scope = await getService(strapi, 'access').readScope(actor, 'documents');
      const allowed =
        row?.owner &&
        row.storageKey &&
        'ownerIds' in scope &&
        scope.ownerIds.includes(row.owner.id);
      // 404 for "not yours" as for "not there": existence of someone else's document is private too.
      if (!allowed) throw new errors.NotFoundError('Not Found');

      let opened;
      try {
        opened = await vault().open(row.storageKey);
      } catch (error) {
        if (!(error instanceof UnreadableFileError)) throw error;
        // Found before the first byte: a clean answer, and the operator log says which file (no contents).
        strapi.log.warn(
          `[sharing] document ${row.documentId} cannot be given out: its file is ${error.message}`,
        );
        ctx.status = 500;
        ctx.body = {
          data: null,
          error: {
            status: 500,
            name: 'DocumentUnreadableError',
            message: 'error.documentUnreadable',
            details: {},
          },
        };
        return;
      }
      const { stream, size } = opened;
      if (actor.kind === 'staff') {
        try {
          await getService(strapi, 'audit').record([
            {
              actor,
              ownerId: row.owner.id,
              action: AUDITED_EVENTS.DOWNLOAD,
              section: 'documents',
              resource: { type: UID.document, id: row.documentId },
            },
          ]);
        } catch (error) {
          // No download without its audit event; the opened file is closed, not left to the collector.
          stream.destroy();
          throw error;
        }
      }
      ctx.set('Content-Type', row.mimeType);
      ctx.set('Content-Length', String(size));
      ctx.set(
        'Content-Disposition',
        `attachment; filename="${row.fileName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(row.fileName)}`,
      );
      ctx.set('Cache-Control', 'no-store');
      ctx.set('X-Content-Type-Options', 'nosniff');
      sendStream(strapi, ctx, stream, `document ${row.documentId}`);
    },
  };
};

export default documents;
