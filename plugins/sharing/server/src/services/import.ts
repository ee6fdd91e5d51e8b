import type { Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Core } from '@strapi/strapi';
import type { Entry } from 'yauzl';
import {
  MAX_RECORDS_PER_LIST,
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
import { VaultError, type VaultService } from './vault';
import { pluginConfig } from '../config';
import { entryStream, listEntries, openZip, readAll } from '../import/archive';
import { SpooledArchive } from '../import/spool';
import { UID } from '../uids';

/**
 * Moving to another district: a `mobio-export` zip made by another MoBio (or this one) is taken
 * into a fresh account. Everything is checked before anything is written; the files are checked
 * and encrypted with this installation's key as `.part` files; then the rows are written in slices
 * of at most SLICE_MS that give the event loop (and on SQLite the one connection) back to everyone
 * else, and the files are moved into the store last. All or nothing without one long transaction:
 * the account is marked "import pending" while rows are written; a failure deletes what was
 * written, and a process killed meanwhile is cleaned up at the next start (`undoPending`).
 * Bounded: IMPORTS_AT_ONCE per process (more are refused with 503), MAX_RECORDS_PER_LIST per
 * list, IMPORT_MAX_JSON_BYTES of `mobio-export.json`. Grants, the access log, the account,
 * integration plans and their versions stay behind: they belong to the old district
 * (docs/sharing.md, "Moving to another district").
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
  tooManyRecords: {
    status: 413,
    name: 'PayloadTooLargeError',
    message: 'error.importTooManyRecords',
  },
  busy: { status: 503, name: 'ServiceUnavailableError', message: 'error.importBusy' },
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
/**
 * What the person is shown of each record taken over: its section and a short name from the
 * fields given (the first that is filled; for a document its title or file name).
 */
const SHOWN_AS: Record<string, { section: ImportedItem['section']; names: string[] }> = {
  [UID.profile]: { section: 'profile', names: [] },
  [UID.languageSkill]: { section: 'languages', names: ['language'] },
  [UID.educationEntry]: { section: 'education', names: ['institution', 'degree', 'subject'] },
  [UID.employmentEntry]: { section: 'employment', names: ['occupation', 'employer'] },
  [UID.document]: { section: 'documents', names: ['title'] },
};

/** One record taken over, as the result lists it. */
export interface ImportedItem {
  section: 'profile' | 'languages' | 'education' | 'employment' | 'documents';
  name: string | null;
}

function shownAs(item: Planned): ImportedItem {
  const { section, names } = SHOWN_AS[item.uid];
  const name = names.map((field) => item.data[field]).find((value) => typeof value === 'string');
  return { section, name: (name as string | undefined) ?? item.file?.fileName ?? null };
}

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

const refuse = (problem: ImportProblem) => new ImportError(problem);

/** Imports running at once in this process; one more is refused (503) rather than queued in memory. */
export const IMPORTS_AT_ONCE = 2;
/** How long the rows are written before the event loop is given back to other requests. */
const SLICE_MS = 50;
const PENDING = 'import-pending-';

/**
 * Runs `work` over `items` in slices of about SLICE_MS, each slice in one short transaction (one
 * commit, not one per row), and gives the event loop and the database back between slices:
 * better-sqlite3 answers synchronously, so without a pause nobody else is served.
 */
async function inSlices<T>(
  strapi: Core.Strapi,
  items: readonly T[],
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  while (next < items.length) {
    await strapi.db.transaction(async () => {
      const since = Date.now();
      do await work(items[next++]);
      while (next < items.length && Date.now() - since < SLICE_MS);
    });
    await nextTurn();
  }
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
      // No more than a person can keep here (the same limit as on the site).
      if (rows.length > MAX_RECORDS_PER_LIST) throw new ImportError('tooManyRecords', uid);
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

  const personalTypes = () => [...getService(strapi, 'access').personalTypes().keys()];
  const pendingKey = (ownerId: number) => `plugin_sharing_${PENDING}${ownerId}`;
  const markPending = (ownerId: number) =>
    strapi.db.query('strapi::core-store').create({
      data: { key: pendingKey(ownerId), value: 'true', type: 'boolean' },
    });
  const clearPending = (ownerId: number) =>
    strapi.db.query('strapi::core-store').deleteMany({ where: { key: pendingKey(ownerId) } });
  const running = new Set<number>();

  /** Deletes the given rows (newest first), in slices; the document service removes their files. */
  async function remove(rows: Array<{ uid: string; documentId: string }>) {
    await getService(strapi, 'access').asSystem(() =>
      inSlices(strapi, [...rows].reverse(), async ({ uid, documentId }) => {
        await strapi.documents(uid as never).delete({ documentId });
      }),
    );
  }

  /** Every personal row of `ownerId`, in the order the import creates them. */
  async function rowsOf(ownerId: number) {
    const rows: Array<{ uid: string; documentId: string }> = [];
    for (const uid of personalTypes()) {
      const found = await strapi.db
        .query(uid)
        .findMany({ where: { owner: { id: ownerId } }, select: ['documentId'] });
      rows.push(
        ...found.map((row: { documentId: string }) => ({ uid, documentId: row.documentId })),
      );
    }
    return rows;
  }

  /** Creates the planned rows in slices; returns them. Throws after writing only part of them. */
  async function writeRows(
    ownerId: number,
    planned: Planned[],
    stored: Map<Planned, Awaited<ReturnType<VaultService['stage']>>>,
    created: Array<{ uid: string; documentId: string }>,
  ) {
    const newIds = new Map<string, string>();
    const translations: Array<{ documentId: string; oldTarget: string }> = [];
    await inSlices(strapi, planned, async (item) => {
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
    });
    await inSlices(strapi, translations, async ({ documentId, oldTarget }) => {
      await strapi
        .documents(UID.document)
        .update({ documentId, data: { translationOf: newIds.get(oldTarget) } as never });
    });
    // Counted again at the end: a record written meanwhile means the account was not fresh after all.
    let rows = 0;
    for (const uid of personalTypes())
      rows += await strapi.db.query(uid).count({ where: { owner: { id: ownerId } } });
    if (rows !== created.length) throw new ImportError('notFresh');
  }

  return {
    /** Whether the account holds no personal record yet: only then can it take an import. */
    async isFresh(ownerId: number): Promise<boolean> {
      for (const uid of personalTypes()) {
        if ((await strapi.db.query(uid).count({ where: { owner: { id: ownerId } } })) > 0)
          return false;
      }
      return true;
    },

    /**
     * A place for one more import of `ownerId` in this process, or null when IMPORTS_AT_ONCE are
     * running (the caller answers 503). The returned function gives the place back.
     */
    reserve(ownerId: number): (() => void) | null {
      if (running.size >= IMPORTS_AT_ONCE) return null;
      if (running.has(ownerId)) throw new ImportError('notFresh');
      running.add(ownerId);
      return () => running.delete(ownerId);
    },

    /**
     * Deletes the rows of imports cut off by a killed process (accounts still marked pending);
     * called once at start. Those accounts were fresh, so every personal row of theirs is the import's.
     */
    async undoPending(): Promise<number> {
      const marks = await strapi.db.query('strapi::core-store').findMany({
        where: { key: { $startsWith: `plugin_sharing_${PENDING}` } },
        select: ['key'],
      });
      for (const { key } of marks as Array<{ key: string }>) {
        const ownerId = Number(key.slice(`plugin_sharing_${PENDING}`.length));
        await remove(await rowsOf(ownerId));
        await clearPending(ownerId);
        strapi.log.warn(
          `[sharing] an import into account ${ownerId} was cut off; its rows were removed`,
        );
      }
      return marks.length;
    },

    /**
     * Receives a mobio-export zip (at most IMPORT_MAX_BYTES), encrypted on its way to the disk:
     * its documents are plaintext and must never lie there unencrypted, nor may the archive be
     * held in memory. Thrown ImportErrors are the caller's to answer.
     */
    receive(source: Readable): Promise<SpooledArchive> {
      const { tempDir, importMaxBytes } = limits();
      return SpooledArchive.receive(source, tempDir, importMaxBytes, refuse);
    },

    /**
     * Takes a received archive into the fresh account `ownerId`. All or nothing: throws
     * ImportError and leaves no row and no file, or returns what was created.
     */
    async run(
      ownerId: number,
      archive: SpooledArchive,
    ): Promise<{ records: number; documents: number; items: ImportedItem[] }> {
      const { importMaxBytes, importMaxJsonBytes } = limits();
      if (!(await this.isFresh(ownerId))) throw new ImportError('notFresh');

      const zip = await openZip(archive, refuse);
      try {
        const list = await listEntries(zip, refuse);
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
        // The JSON is parsed in memory, where it takes several times its size: it has a limit of its own.
        if (json.uncompressedSize > importMaxJsonBytes)
          throw new ImportError('tooLarge', JSON_NAME);
        let data: unknown;
        try {
          const stream = await entryStream(zip, json, budget, importMaxJsonBytes, refuse);
          data = JSON.parse((await readAll(stream)).toString('utf8'));
        } catch (error) {
          if (error instanceof ImportError) throw error;
          throw new ImportError('format', JSON_NAME);
        }
        const planned = plan(data, entries);
        data = undefined;

        // Each file through the upload's own checks and cipher, into `.part` files.
        const vault = getService(strapi, 'vault');
        const stored = new Map<Planned, Awaited<ReturnType<VaultService['stage']>>>();
        const created: Array<{ uid: string; documentId: string }> = [];
        let pending = false;
        try {
          for (const item of planned) {
            if (!item.file) continue;
            try {
              const source = await entryStream(
                zip,
                item.file.entry,
                budget,
                importMaxBytes,
                refuse,
              );
              stored.set(item, await vault.stage(source));
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
          await markPending(ownerId);
          pending = true;
          await writeRows(ownerId, planned, stored, created);
          // Written: the files move into the store.
          for (const file of stored.values()) await file.place();
          await clearPending(ownerId);
        } catch (error) {
          if (!(error instanceof ImportError))
            strapi.log.error(
              `[sharing] import for account ${ownerId} failed and is undone (${(error as Error).message})`,
            );
          for (const file of stored.values()) {
            await file.discard();
            await vault.remove(file.storageKey);
          }
          await remove(created);
          // Only once undone: a failure above leaves the mark for the next start.
          if (pending) await clearPending(ownerId);
          throw error;
        }
        await getService(strapi, 'audit').record([
          { actor: { kind: 'newcomer', id: ownerId }, ownerId, action: AUDITED_EVENTS.IMPORT },
        ]);
        const documents = planned.filter((p) => p.uid === UID.document).length;
        return { records: planned.length - documents, documents, items: planned.map(shownAs) };
      } finally {
        zip.close();
      }
    },
  };
};

export type ImportService = ReturnType<typeof importer>;
export default importer;
