import type { Readable } from 'node:stream';
import type { Core } from '@strapi/strapi';
import { ZipFile } from 'yazl';
import { getService } from '../utils';
import { linkedTo } from '../linked-to';
import { UnreadableFileError, type UnreadableReason } from '../vault/file-format';
import { UID } from '../uids';

/** A document whose stored file is not in the archive, and why; listed in the archive's JSON. */
export interface UnreadableDocument {
  documentId: string;
  title: string | null;
  reason: UnreadableReason | 'unreadable';
}

/**
 * Version of the archive's JSON shape; documented in docs/sharing.md ("Export"). Raise it on any
 * change of shape.
 */
export const EXPORT_FORMAT = { name: 'mobio-export', version: 2 } as const;

/**
 * Attributes that are stored but deliberately left out of the export, each for a reason: the
 * owner link is the person themselves, the storage key is an internal file name (the file itself
 * is in the archive), and the account's secrets would only help an attacker.
 */
export const NOT_EXPORTED = {
  personal: ['owner', 'storageKey'],
  account: ['password', 'resetPasswordToken', 'confirmationToken'],
} as const;

type Model = {
  attributes: Record<
    string,
    { type: string; component?: string; target?: string; private?: boolean }
  >;
};
type Row = Record<string, unknown>;

/**
 * Everything stored about a newcomer, as one zip: `mobio-export.json` (every stored field of
 * every personal record, the account, grants and the access log) and the documents' files,
 * decrypted, under `documents/`. Built and streamed as it is read, never held whole in memory.
 * A document whose file is missing, damaged or not opened by the master key is left out and
 * listed in `unreadableDocuments`: one bad file must not cost the person the rest of the export.
 */
const exporter = ({ strapi }: { strapi: Core.Strapi }) => {
  const model = (uid: string) => strapi.getModel(uid as never) as unknown as Model;

  /** Populate for every component (deeply) and relation (as documentId) of a model. */
  function fullPopulate(uid: string, skip: readonly string[] = []): Record<string, unknown> {
    const populate: Record<string, unknown> = {};
    for (const [name, attribute] of Object.entries(model(uid).attributes)) {
      if (skip.includes(name)) continue;
      if (attribute.type === 'component')
        populate[name] = { populate: fullPopulate(attribute.component!) };
      if (attribute.type === 'relation') populate[name] = { select: ['documentId'] };
    }
    return populate;
  }

  /** Drops internal ids and the not-exported attributes; relations become documentIds. */
  function clean(row: Row, uid: string, skip: readonly string[] = []): Row {
    const out: Row = {};
    for (const [key, value] of Object.entries(row)) {
      if (key === 'id' || key === '__component' || skip.includes(key)) continue;
      const attribute = model(uid).attributes[key];
      if (attribute?.type === 'component') {
        out[key] = Array.isArray(value)
          ? value.map((item) => clean(item as Row, attribute.component!))
          : value && clean(value as Row, attribute.component!);
      } else if (attribute?.type === 'relation') {
        out[key] = Array.isArray(value)
          ? value.map((item) => (item as Row).documentId)
          : ((value as Row | null)?.documentId ?? null);
      } else {
        out[key] = value;
      }
    }
    return out;
  }

  return {
    /** The archive's JSON: a plain object with every stored field of the owner. */
    async collect(ownerId: number) {
      const access = getService(strapi, 'access');
      const user = await strapi.db.query(UID.user).findOne({
        where: { id: ownerId },
        populate: fullPopulate(UID.user, NOT_EXPORTED.account),
      });
      const role = await strapi.db
        .query('plugin::users-permissions.role')
        .findOne({ where: { users: { id: ownerId } }, select: ['name'] });
      const account = {
        ...clean(user ?? {}, UID.user, NOT_EXPORTED.account),
        role: role?.name ?? null,
      };
      const records: Record<string, Row[]> = {};
      for (const uid of access.personalTypes().keys()) {
        const rows = await strapi.db.query(uid).findMany({
          where: { owner: { id: ownerId } },
          populate: fullPopulate(uid, NOT_EXPORTED.personal),
          orderBy: { id: 'asc' },
        });
        records[uid] = rows.map((row: Row) => clean(row, uid, NOT_EXPORTED.personal));
      }
      const grants = await getService(strapi, 'grant').list({ kind: 'newcomer', id: ownerId });
      const accessLog = await strapi.db.query(UID.auditEvent).findMany({
        where: { id: { $in: linkedTo(strapi, UID.auditEvent, 'owner', ownerId) } },
        orderBy: [{ at: 'asc' }, { id: 'asc' }],
        select: ['at', 'action', 'section', 'actorKind', 'actorName', 'resourceType', 'resourceId'],
      });
      const activity = await strapi.db.query(UID.accountActivity).findOne({
        where: { owner: { id: ownerId } },
        select: ['lastActiveAt', 'noticeSentAt'],
      });
      for (const document of records[UID.document] ?? []) {
        document.file = document.fileName
          ? `documents/${document.documentId}-${document.fileName}`
          : null;
      }
      return {
        format: EXPORT_FORMAT.name,
        version: EXPORT_FORMAT.version,
        exportedAt: new Date().toISOString(),
        account,
        activity,
        records,
        grants,
        accessLog,
      };
    },

    /**
     * The zip archive as a stream: the JSON first, then each document's decrypted file. Every file
     * is read through and checked before the JSON is written (it lists the ones left out). Should a
     * file still fail while it is zipped (changed on disk since), the stream is destroyed with the
     * error: the caller must cut the response rather than end it as if it were whole.
     */
    async archive(ownerId: number): Promise<Readable> {
      const unreadable: UnreadableDocument[] = [];
      const data = { ...(await this.collect(ownerId)), unreadableDocuments: unreadable };
      const vault = getService(strapi, 'vault');
      const stored = await strapi.db.query(UID.document).findMany({
        where: { owner: { id: ownerId }, storageKey: { $notNull: true } },
        select: ['documentId', 'storageKey'],
      });
      const keys = new Map(stored.map((row: Row) => [row.documentId, row.storageKey as string]));
      const files: Array<{ name: string; storageKey: string }> = [];
      for (const document of data.records[UID.document] ?? []) {
        const storageKey = keys.get(document.documentId);
        if (!storageKey || !document.file) continue;
        try {
          await vault.verify(storageKey);
          files.push({ name: document.file as string, storageKey });
        } catch (error) {
          const reason = error instanceof UnreadableFileError ? error.reason : 'unreadable';
          unreadable.push({
            documentId: document.documentId as string,
            title: (document.title as string) ?? null,
            reason,
          });
          document.file = null;
          // Ids and the reason only: the operator log holds no personal data.
          strapi.log.warn(
            `[sharing] export for account ${ownerId}: document ${document.documentId} left out, its file is ${reason}${error instanceof UnreadableFileError ? '' : ` (${(error as Error).message})`}`,
          );
        }
      }

      const zip = new ZipFile();
      const output = zip.outputStream as unknown as Readable;
      // Without a listener an error on the ZipFile would end the process.
      zip.on('error', (error: Error) => {
        strapi.log.warn(`[sharing] export for account ${ownerId} cut off: ${error.message}`);
        output.destroy(error);
      });
      zip.addBuffer(Buffer.from(JSON.stringify(data, null, 2)), 'mobio-export.json');
      for (const { name, storageKey } of files) {
        // Opened only when the zip reaches this entry: one file open at a time.
        zip.addReadStreamLazy(name, (done) => {
          vault.open(storageKey).then(
            ({ stream }) => {
              // yazl pipes the stream without listening for its errors.
              stream.once('error', (error) => zip.emit('error', error));
              done(null, stream);
            },
            (error) => done(error, undefined as never),
          );
        });
      }
      zip.end();
      return output;
    },
  };
};

export type ExportService = ReturnType<typeof exporter>;
export default exporter;
