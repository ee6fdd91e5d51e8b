import { Transform, type Readable } from 'node:stream';
import type { Core } from '@strapi/strapi';
import { fromBuffer, type Entry, type ZipFile } from 'yauzl';
import {
  documentMetadataSchema,
  educationEntrySchema,
  employmentEntrySchema,
  languageSkillSchema,
  profileSchema,
} from '@mobio/config';
import type { z } from 'zod';
import { getService } from '../utils';
import { safeFileName } from '../vault/safe-file-name';
import { AUDITED_EVENTS } from './audit';
import { EXPORT_FORMAT } from './export';
import { VaultError } from './vault';
import { pluginConfig } from '../config';
import { UID } from '../uids';

/**
 * Moving to another district: a `mobio-export` zip made by another MoBio (or this one) is taken
 * into a fresh account. Everything is checked before anything is written; then the rows are
 * created in one transaction and the files, checked and encrypted with this installation's key as
 * `.part` files beforehand, are moved into the store only after the commit. Grants, the access
 * log, the account, integration plans and their versions stay behind: they belong to the old
 * district (docs/sharing.md, "Moving to another district").
 */

/** Why an import was refused; the message is a catalogue key the site shows in the person's language. */
export const IMPORT_PROBLEMS = {
  notFresh: { status: 409, name: 'ConflictError', message: 'error.importNotFresh' },
  notAnArchive: { status: 400, name: 'BadRequestError', message: 'error.importNotArchive' },
  format: { status: 400, name: 'BadRequestError', message: 'error.importFormat' },
  newerVersion: { status: 400, name: 'BadRequestError', message: 'error.importNewerVersion' },
  invalidRecord: { status: 400, name: 'ValidationError', message: 'error.importRecord' },
  entryName: { status: 400, name: 'BadRequestError', message: 'error.importEntryName' },
  tooLarge: { status: 413, name: 'PayloadTooLargeError', message: 'error.importTooLarge' },
  fileTooLarge: { status: 413, name: 'PayloadTooLargeError', message: 'error.importFileTooLarge' },
  fileType: { status: 415, name: 'UnsupportedMediaTypeError', message: 'error.importFileType' },
  fileUnsafe: { status: 415, name: 'UnsupportedMediaTypeError', message: 'error.importFileUnsafe' },
  storageFull: { status: 507, name: 'InsufficientStorageError', message: 'error.storageFull' },
} as const;
export type ImportProblem = keyof typeof IMPORT_PROBLEMS;

/** A refused import; `detail` names the record or entry (never its contents) for the person and the tests. */
export class ImportError extends Error {
  constructor(
    readonly problem: ImportProblem,
    readonly detail?: string,
  ) {
    super(detail ? `${problem}: ${detail}` : problem);
    this.name = 'ImportError';
  }
}

const JSON_NAME = 'mobio-export.json';
/** A document's file as the export names it: `documents/<documentId>-<file name>`, one level, no path. */
const DOCUMENT_ENTRY = /^documents\/[a-z0-9]{24}-[^/\\\u0000-\u001f\u007f]{1,255}$/;

/** The records taken over, in the order they are created (documents link to the entries). */
const IMPORTED: Record<string, z.ZodType> = {
  [UID.profile]: profileSchema,
  [UID.languageSkill]: languageSkillSchema,
  [UID.educationEntry]: educationEntrySchema,
  [UID.employmentEntry]: employmentEntrySchema,
  [UID.document]: documentMetadataSchema,
};
/** Records an archive may hold that stay behind: agreements with the old district's staff. */
const LEFT_BEHIND = new Set<string>([UID.integrationPlan, UID.planVersion]);
/** What the database adds to every row; the new installation gives its own. */
const SYSTEM_FIELDS = [
  'documentId',
  'createdAt',
  'updatedAt',
  'publishedAt',
  'locale',
  'localizations',
  'createdBy',
  'updatedBy',
];
/** What the document's file gives again when it is stored here (checked, not believed). */
const FILE_FIELDS = ['file', 'fileName', 'mimeType', 'size'];
const DOCUMENT_LINKS = {
  educationEntry: UID.educationEntry,
  employmentEntry: UID.employmentEntry,
  languageSkill: UID.languageSkill,
} as const;

type Row = Record<string, unknown>;
interface Planned {
  uid: string;
  oldId: string;
  data: Row;
  /** For documents: the entry of the file, and its file name. */
  file?: { entry: Entry; fileName: string | null };
}

function openZip(buffer: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    // strictFileNames: a backslash is refused, not read as a separator; sizes are checked while inflating.
    fromBuffer(
      buffer,
      { lazyEntries: true, strictFileNames: true, validateEntrySizes: true },
      (error, zip) => (error ? reject(new ImportError('notAnArchive')) : resolve(zip)),
    );
  });
}

/** Every entry of the central directory; yauzl's own name checks (absolute, `..`) count as path tricks. */
function listEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('error', (error: Error) =>
      reject(
        /path|file ?name|character/i.test(error.message)
          ? new ImportError('entryName')
          : new ImportError('notAnArchive'),
      ),
    );
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.readEntry();
  });
}

/** The inflated bytes of an entry, counted against what is left of the total as they come. */
function entryStream(zip: ZipFile, entry: Entry, budget: { left: number }): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) return reject(new ImportError('notAnArchive'));
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          budget.left -= chunk.length;
          done(budget.left < 0 ? new ImportError('tooLarge') : null, chunk);
        },
      });
      // yauzl says so when an entry inflates to more (or fewer) bytes than it declared, or is damaged.
      stream.on('error', (cause: Error) =>
        counter.destroy(
          /too many|too few|size/i.test(cause.message)
            ? new ImportError('tooLarge')
            : new ImportError('notAnArchive'),
        ),
      );
      resolve(stream.pipe(counter));
    });
  });
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const importer = ({ strapi }: { strapi: Core.Strapi }) => {
  const limits = () => pluginConfig(strapi).uploads;

  /** Checks the JSON's shape and every record; the plan of what is to be created. */
  function plan(data: unknown, entries: Map<string, Entry>): Planned[] {
    if (!data || typeof data !== 'object' || (data as Row).format !== EXPORT_FORMAT.name)
      throw new ImportError('format');
    const { version, records } = data as Row;
    if (typeof version !== 'number' || !Number.isInteger(version) || version < 1)
      throw new ImportError('format');
    // A newer archive may hold what this installation cannot read correctly: refused, not guessed at.
    if (version > EXPORT_FORMAT.version) throw new ImportError('newerVersion', String(version));
    if (!records || typeof records !== 'object' || Array.isArray(records))
      throw new ImportError('format');

    const planned: Planned[] = [];
    const known = new Map<string, string>(); // old documentId → uid
    for (const [uid, rows] of Object.entries(records as Record<string, unknown>)) {
      if (LEFT_BEHIND.has(uid)) continue;
      if (!IMPORTED[uid] || !Array.isArray(rows)) throw new ImportError('format', uid);
    }
    for (const [uid, schema] of Object.entries(IMPORTED)) {
      const rows = ((records as Record<string, unknown>)[uid] ?? []) as unknown[];
      if (uid === UID.profile && rows.length > 1) throw new ImportError('format', uid);
      for (const [index, row] of rows.entries()) {
        if (
          !row ||
          typeof row !== 'object' ||
          typeof (row as Row).documentId !== 'string' ||
          known.has((row as Row).documentId as string)
        ) {
          throw new ImportError('format', `${uid} ${index}`);
        }
        const input: Row = {};
        for (const [key, value] of Object.entries(row as Row)) {
          if (!SYSTEM_FIELDS.includes(key) && !(uid === UID.document && FILE_FIELDS.includes(key)))
            input[key] = value;
        }
        // The same schema as the form: anything a person could not have typed here is refused.
        const parsed = schema.safeParse(input);
        if (!parsed.success)
          throw new ImportError(
            'invalidRecord',
            `${uid} ${index}: ${parsed.error.issues.map((issue) => issue.path.join('.')).join(', ')}`,
          );
        const oldId = (row as Row).documentId as string;
        known.set(oldId, uid);
        const item: Planned = { uid, oldId, data: parsed.data as Row };
        if (uid === UID.document) {
          const name = (row as Row).file;
          if (name !== null && name !== undefined) {
            const entry = typeof name === 'string' ? entries.get(name) : undefined;
            if (!entry) throw new ImportError('format', `${uid} ${index}: file`);
            item.file = {
              entry,
              fileName:
                typeof (row as Row).fileName === 'string'
                  ? ((row as Row).fileName as string)
                  : null,
            };
          }
        }
        planned.push(item);
      }
    }
    // Links point inside the archive, to a record of the right type.
    for (const item of planned.filter((p) => p.uid === UID.document)) {
      for (const [field, target] of Object.entries({
        ...DOCUMENT_LINKS,
        translationOf: UID.document,
      })) {
        const linked = item.data[field];
        if (linked && known.get(linked as string) !== target)
          throw new ImportError('format', `${UID.document} ${item.oldId}: ${field}`);
      }
    }
    // Every file in the archive belongs to a document: nothing unlisted rides along.
    const used = new Set(planned.map((p) => p.file?.entry.fileName).filter(Boolean));
    for (const name of entries.keys()) {
      if (name !== JSON_NAME && !used.has(name)) throw new ImportError('format', name);
    }
    return planned;
  }

  return {
    /** Whether the account holds no personal record yet: only then can it take an import. */
    async isFresh(ownerId: number): Promise<boolean> {
      for (const uid of getService(strapi, 'access').personalTypes().keys()) {
        if ((await strapi.db.query(uid).count({ where: { owner: { id: ownerId } } })) > 0)
          return false;
      }
      return true;
    },

    /**
     * Takes a mobio-export zip (held in memory, at most IMPORT_MAX_BYTES: its documents are
     * plaintext and must not lie on disk unencrypted) into the fresh account `ownerId`. All or
     * nothing: throws ImportError and leaves no row and no file, or returns what was created.
     */
    async run(ownerId: number, archive: Buffer): Promise<{ records: number; documents: number }> {
      const { importMaxBytes } = limits();
      if (archive.length > importMaxBytes) throw new ImportError('tooLarge');
      if (!(await this.isFresh(ownerId))) throw new ImportError('notFresh');

      const zip = await openZip(archive);
      try {
        const list = await listEntries(zip);
        const entries = new Map<string, Entry>();
        let declared = 0;
        for (const entry of list) {
          const name = entry.fileName;
          if (
            (name !== JSON_NAME && !DOCUMENT_ENTRY.test(name)) ||
            name.split('/').some((part) => part === '..' || part === '.') ||
            entries.has(name)
          ) {
            throw new ImportError('entryName', JSON.stringify(name));
          }
          entries.set(name, entry);
          declared += entry.uncompressedSize;
        }
        // A zip bomb declares its size honestly or not: refused here by what it declares, and while
        // inflating by what it really gives (the budget below).
        if (declared > importMaxBytes) throw new ImportError('tooLarge');
        const budget = { left: importMaxBytes };
        const json = entries.get(JSON_NAME);
        if (!json) throw new ImportError('format', JSON_NAME);
        let data: unknown;
        try {
          data = JSON.parse((await readAll(await entryStream(zip, json, budget))).toString('utf8'));
        } catch (error) {
          if (error instanceof ImportError) throw error;
          throw new ImportError('format', JSON_NAME);
        }
        const planned = plan(data, entries);

        // Each file through the upload's own checks and cipher, into `.part` files.
        const vault = getService(strapi, 'vault');
        const staged: Array<Awaited<ReturnType<typeof vault.stage>>> = [];
        const created: Array<{ uid: string; documentId: string }> = [];
        try {
          const stored = new Map<Planned, Awaited<ReturnType<typeof vault.stage>>>();
          for (const item of planned) {
            if (!item.file) continue;
            try {
              const file = await vault.stage(await entryStream(zip, item.file.entry, budget));
              staged.push(file);
              stored.set(item, file);
            } catch (error) {
              if (error instanceof VaultError) {
                const problem = (
                  {
                    tooLarge: 'fileTooLarge',
                    unsupportedType: 'fileType',
                    unsafeContent: 'fileUnsafe',
                    storageFull: 'storageFull',
                    aborted: 'notAnArchive',
                  } as const
                )[error.problem];
                throw new ImportError(problem, item.file.entry.fileName);
              }
              throw error;
            }
          }

          // The rows, all or none.
          await strapi.db.transaction(async () => {
            const newIds = new Map<string, string>();
            const translations: Array<{ documentId: string; oldTarget: string }> = [];
            for (const item of planned) {
              const data: Row = { ...item.data, owner: ownerId };
              if (item.uid === UID.document) {
                for (const field of Object.keys(DOCUMENT_LINKS))
                  if (data[field]) data[field] = newIds.get(data[field] as string);
                delete data.translationOf;
                const file = stored.get(item);
                Object.assign(
                  data,
                  file
                    ? {
                        fileName: safeFileName(item.file!.fileName ?? undefined, file.extension),
                        mimeType: file.mime,
                        size: file.size,
                        storageKey: file.storageKey,
                      }
                    : { fileName: null, mimeType: null, size: null, storageKey: null },
                );
              }
              const row = await strapi.documents(item.uid as never).create({ data: data as never });
              newIds.set(item.oldId, row.documentId);
              created.push({ uid: item.uid, documentId: row.documentId });
              if (item.uid === UID.document && item.data.translationOf)
                translations.push({
                  documentId: row.documentId,
                  oldTarget: item.data.translationOf as string,
                });
            }
            for (const { documentId, oldTarget } of translations) {
              await strapi
                .documents(UID.document)
                .update({ documentId, data: { translationOf: newIds.get(oldTarget) } as never });
            }
            // Counted again inside the transaction: a record written meanwhile (a second import at
            // the same time) means the account was not fresh after all.
            let rows = 0;
            for (const uid of getService(strapi, 'access').personalTypes().keys())
              rows += await strapi.db.query(uid).count({ where: { owner: { id: ownerId } } });
            if (rows !== created.length) throw new ImportError('notFresh');
          });
        } catch (error) {
          for (const file of staged) await file.discard();
          throw error;
        }
        // Committed: the files move into the store. Should that fail, the rows go again (no row without its file).
        try {
          for (const file of staged) await file.place();
        } catch (error) {
          strapi.log.error(
            `[sharing] import for account ${ownerId}: a file could not be moved into the store, the import is undone (${(error as Error).message})`,
          );
          for (const file of staged) {
            await file.discard();
            await vault.remove(file.storageKey);
          }
          for (const { uid, documentId } of created.reverse())
            await strapi.documents(uid as never).delete({ documentId });
          throw error;
        }
        await getService(strapi, 'audit').record([
          { actor: { kind: 'newcomer', id: ownerId }, ownerId, action: AUDITED_EVENTS.IMPORT },
        ]);
        const documents = planned.filter((p) => p.uid === UID.document).length;
        return { records: planned.length - documents, documents };
      } finally {
        zip.close();
      }
    },
  };
};

export type ImportService = ReturnType<typeof importer>;
export default importer;
