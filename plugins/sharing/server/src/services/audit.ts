import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import type { Core } from '@strapi/strapi';
import { groupVisits, type Section } from '@mobio/config';
import type { Actor } from '../access';
import { linkedTo } from '../linked-to';
import { UID } from '../uids';

/** Every audited action, by name. */
export const AUDITED_EVENTS = {
  READ: 'read',
  CREATE: 'create',
  UPDATE: 'update',
  DELETE: 'delete',
  DOWNLOAD: 'download',
  EXPORT: 'export',
  IMPORT: 'import',
  GRANT_CREATE: 'grant.create',
  GRANT_UPDATE: 'grant.update',
  GRANT_REVOKE: 'grant.revoke',
  GRANT_EXPIRE: 'grant.expire',
  RETENTION_NOTICE: 'retention.notice',
  PLAN_ACCEPT: 'plan.accept',
  ACCOUNT_LOCK: 'account.lock',
  ACCOUNT_UNLOCK: 'account.unlock',
  ACCOUNT_LOOKUP: 'account.lookup',
  ERASURE_ANNOUNCE: 'account.erasure.announce',
  ERASURE_STOP: 'account.erasure.stop',
} as const;
export type AuditAction = (typeof AUDITED_EVENTS)[keyof typeof AUDITED_EVENTS];

export interface AuditEntry {
  actor: Actor;
  ownerId: number;
  action: AuditAction;
  section?: Section;
  resource?: { type: string; id: string };
  /** Why an administrator acted: a code of ACCOUNT_REASONS and, optionally, their own words. */
  reason?: string;
  note?: string;
}

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** A documentId like Strapi's own (24 lower-case letters and digits), given here to find the rows again. */
function newDocumentId(): string {
  const bytes = randomBytes(24);
  let id = ID_ALPHABET[bytes[0] % 26];
  for (let i = 1; i < 24; i++) id += ID_ALPHABET[bytes[i] % 36];
  return id;
}

/**
 * The append-only trace the owner reads. Written with the query engine, after the action it
 * records has committed; there is no route or admin view that changes or deletes an event.
 */
const audit = ({ strapi }: { strapi: Core.Strapi }) => {
  // Events recorded inside `batch` wait there and are written together when it ends.
  const batches = new AsyncLocalStorage<Array<AuditEntry & { at: Date }>>();

  async function actorName(actor: Actor): Promise<string | null> {
    if (actor.kind !== 'staff') return null;
    // The admin login of this request has loaded the staff member already.
    const state = strapi.requestContext.get()?.state as
      | {
          auth?: { strategy?: { name?: string } };
          user?: { id?: number; firstname?: string; lastname?: string; username?: string };
        }
      | undefined;
    const current = state?.auth?.strategy?.name === 'admin' ? state.user : undefined;
    const user =
      current?.id === actor.id && 'firstname' in current
        ? current
        : await strapi.db
            .query('admin::user')
            .findOne({ where: { id: actor.id }, select: ['firstname', 'lastname', 'username'] });
    return user
      ? [user.firstname, user.lastname].filter(Boolean).join(' ') || user.username || null
      : null;
  }

  /**
   * Stores events in one transaction with one statement per table (events, then their owner
   * links), whatever their number: a list page a staff member reads audits one event per owner.
   */
  async function write(entries: Array<AuditEntry & { at: Date }>): Promise<void> {
    if (entries.length === 0) return;
    const names = new Map<number, string | null>();
    for (const { actor } of entries) {
      if (actor.kind === 'staff' && !names.has(actor.id))
        names.set(actor.id, await actorName(actor));
    }
    const rows = entries.map((entry) => ({
      documentId: newDocumentId(),
      actorKind:
        entry.actor.kind === 'staff' || entry.actor.kind === 'newcomer'
          ? entry.actor.kind
          : 'system',
      actorId: 'id' in entry.actor ? entry.actor.id : null,
      actorName: entry.actor.kind === 'staff' ? names.get(entry.actor.id) : null,
      action: entry.action,
      section: entry.section ?? null,
      resourceType: entry.resource?.type ?? null,
      resourceId: entry.resource?.id ?? null,
      reason: entry.reason ?? null,
      note: entry.note ?? null,
      at: entry.at,
    }));
    // The owner is a relation, which createMany does not write: its link rows are added here.
    const { joinTable } = strapi.db.metadata.get(UID.auditEvent as never).attributes
      .owner as unknown as {
      joinTable: {
        name: string;
        joinColumn: { name: string };
        inverseJoinColumn: { name: string };
      };
    };
    await strapi.db.transaction(async ({ trx }) => {
      await strapi.db.query(UID.auditEvent).createMany({ data: rows });
      const created: Array<{ id: number; documentId: string }> = await strapi.db
        .query(UID.auditEvent)
        .findMany({
          where: { documentId: { $in: rows.map((row) => row.documentId) } },
          select: ['id', 'documentId'],
        });
      const ids = new Map(created.map((row) => [row.documentId, row.id]));
      await strapi.db
        .getConnection(joinTable.name)
        .transacting(trx)
        .insert(
          rows.map((row, i) => ({
            [joinTable.joinColumn.name]: ids.get(row.documentId),
            [joinTable.inverseJoinColumn.name]: entries[i].ownerId,
          })),
        );
    });
  }

  return {
    /** The owner's access log, newest first: who did what to which section, when. */
    async listForOwner(ownerId: number, page: number, pageSize: number) {
      const where = () => ({ id: { $in: linkedTo(strapi, UID.auditEvent, 'owner', ownerId) } });
      const [rows, total] = await Promise.all([
        strapi.db.query(UID.auditEvent).findMany({
          where: where(),
          orderBy: [{ at: 'desc' }, { id: 'desc' }],
          offset: (page - 1) * pageSize,
          limit: pageSize,
          select: [
            'at',
            'action',
            'section',
            'actorKind',
            'actorName',
            'resourceType',
            'resourceId',
            'reason',
            'note',
          ],
        }),
        strapi.db.query(UID.auditEvent).count({ where: where() }),
      ]);
      return {
        data: rows,
        meta: { pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) } },
      };
    },

    /**
     * The owner's access log as visits, newest first: a staff member's events with no long pause
     * between them make one visit, with its single events inside. All of the owner's events are
     * grouped before a page is cut, so a visit is never split across pages; the staff member's id
     * is used for grouping only and is not answered.
     */
    async visitsOfOwner(ownerId: number, page: number, pageSize: number) {
      const rows: Array<Record<string, any>> = await strapi.db.query(UID.auditEvent).findMany({
        where: { id: { $in: linkedTo(strapi, UID.auditEvent, 'owner', ownerId) } },
        orderBy: [{ at: 'desc' }, { id: 'desc' }],
        select: [
          'at',
          'action',
          'section',
          'actorKind',
          'actorId',
          'actorName',
          'resourceType',
          'reason',
          'note',
        ],
      });
      const visits = groupVisits(
        rows.map(
          (row) => ({ ...row, at: new Date(row.at) }) as Parameters<typeof groupVisits>[0][number],
        ),
      );
      const total = visits.length;
      const data = visits.slice((page - 1) * pageSize, page * pageSize).map((visit) => ({
        ...visit,
        events: visit.events.map(({ actorId, ...event }) => event),
      }));
      return {
        data,
        meta: { pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) } },
      };
    },

    /** Appends events; nothing ever updates or deletes one except the owner's account erasure. */
    async record(entries: AuditEntry[]): Promise<void> {
      const at = new Date();
      const timed = entries.map((entry) => ({ ...entry, at }));
      const batch = batches.getStore();
      if (batch) batch.push(...timed);
      else await write(timed);
    },

    /**
     * Runs `fn`; the events it records are written together when it ends (before it returns), so
     * that a view made of several reads, such as a newcomer's record, writes its trail at once.
     * With `readsAs`, its reads are logged as that action (reads that make a download are one).
     */
    async batch<T>(fn: () => Promise<T>, options: { readsAs?: AuditAction } = {}): Promise<T> {
      const pending: Array<AuditEntry & { at: Date }> = [];
      const result = await batches.run(pending, fn);
      const { readsAs } = options;
      await write(
        readsAs
          ? pending.map((entry) =>
              entry.action === AUDITED_EVENTS.READ ? { ...entry, action: readsAs } : entry,
            )
          : pending,
      );
      return result;
    },
  };
};

export type AuditService = ReturnType<typeof audit>;
export default audit;
