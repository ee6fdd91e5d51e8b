import type { Core } from '@strapi/strapi';
import type { Section } from '@mobio/config';
import type { Actor } from '../access';
import { linkedTo } from '../utils';

const AUDIT = 'plugin::sharing.audit-event';

/** Every audited action, by name. */
export const AUDITED_EVENTS = {
  READ: 'read',
  CREATE: 'create',
  UPDATE: 'update',
  DELETE: 'delete',
  DOWNLOAD: 'download',
  EXPORT: 'export',
  GRANT_CREATE: 'grant.create',
  GRANT_UPDATE: 'grant.update',
  GRANT_REVOKE: 'grant.revoke',
  GRANT_EXPIRE: 'grant.expire',
  RETENTION_NOTICE: 'retention.notice',
  PLAN_ACCEPT: 'plan.accept',
} as const;
export type AuditAction = (typeof AUDITED_EVENTS)[keyof typeof AUDITED_EVENTS];

export interface AuditEntry {
  actor: Actor;
  ownerId: number;
  action: AuditAction;
  section?: Section;
  resource?: { type: string; id: string };
}

/**
 * The append-only trace the owner reads. Written with the query engine, after the action it
 * records has committed; there is no route or admin view that changes or deletes an event.
 */
const audit = ({ strapi }: { strapi: Core.Strapi }) => {
  async function actorName(actor: Actor): Promise<string | null> {
    if (actor.kind !== 'staff') return null;
    const user = await strapi.db.query('admin::user').findOne({ where: { id: actor.id }, select: ['firstname', 'lastname', 'username'] });
    return user ? [user.firstname, user.lastname].filter(Boolean).join(' ') || user.username : null;
  }

  return {
    /** The owner's access log, newest first: who did what to which section, when. */
    async listForOwner(ownerId: number, page: number, pageSize: number) {
      const where = () => ({ id: { $in: linkedTo(strapi, AUDIT, 'owner', ownerId) } });
      const [rows, total] = await Promise.all([
        strapi.db.query(AUDIT).findMany({
          where: where(),
          orderBy: [{ at: 'desc' }, { id: 'desc' }],
          offset: (page - 1) * pageSize,
          limit: pageSize,
          select: ['at', 'action', 'section', 'actorKind', 'actorName', 'resourceType', 'resourceId'],
        }),
        strapi.db.query(AUDIT).count({ where: where() }),
      ]);
      return { data: rows, meta: { pagination: { page, pageSize, total, pageCount: Math.ceil(total / pageSize) } } };
    },

    /** Appends events; nothing ever updates or deletes one except the owner's account erasure. */
    async record(entries: AuditEntry[]): Promise<void> {
      if (entries.length === 0) return;
      const at = new Date();
      const name = await actorName(entries[0].actor);
      // One transaction for the events of one action (a list page read audits one per owner):
      // they are stored together, with one write to disk instead of one each.
      await strapi.db.transaction(async () => {
        for (const entry of entries) {
          await strapi.db.query(AUDIT).create({
            data: {
              owner: entry.ownerId,
              actorKind: entry.actor.kind === 'staff' || entry.actor.kind === 'newcomer' ? entry.actor.kind : 'system',
              actorId: 'id' in entry.actor ? entry.actor.id : null,
              actorName: entry.actor.kind === 'staff' ? name : null,
              action: entry.action,
              section: entry.section ?? null,
              resourceType: entry.resource?.type ?? null,
              resourceId: entry.resource?.id ?? null,
              at,
            },
          });
        }
      });
    },
  };
};

export type AuditService = ReturnType<typeof audit>;
export default audit;
