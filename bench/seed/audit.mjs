// @ts-check
import { SECTIONS } from '@mobio/config';
import { sectionTypes } from '../section-types.mjs';
import { documentId, STAMP } from './rows.mjs';
import { GRANTS_PER_NEWCOMER } from './sizes.mjs';

const SECTION_TYPES = sectionTypes();

// Two years of audit events: mostly staff reading what was shared with them, then downloads,
// plan edits, the owners' grant changes and the retention job's entries.
/**
 * @param {import('./context.mjs').SeedContext} ctx
 * @param {{ id: number, name: string }[]} staff
 * @param {{ id: number }[]} newcomers
 */
export async function seedAuditEvents({ db, rnd, now, nextId, size }, staff, newcomers) {
  const sectionCodes = SECTIONS.codes;
  for (let start = 0; start < size.auditEvents; start += 20_000) {
    const rows = [];
    const links = [];
    for (let e = start; e < Math.min(size.auditEvents, start + 20_000); e++) {
      const n = e % size.newcomers;
      const member =
        staff[(n * GRANTS_PER_NEWCOMER + rnd.int(0, GRANTS_PER_NEWCOMER - 1)) % size.staff];
      const at = new Date(now - rnd.int(0, 730 * 24 * 60) * 60_000);
      const roll = rnd.next();
      let event;
      if (roll < 0.6) {
        const section = rnd.pick(sectionCodes);
        event = [
          'staff',
          member.id,
          member.name,
          'read',
          section,
          SECTION_TYPES[section],
          documentId(),
        ];
      } else if (roll < 0.7)
        event = [
          'staff',
          member.id,
          member.name,
          'download',
          'documents',
          SECTION_TYPES.documents,
          documentId(),
        ];
      else if (roll < 0.8)
        event = [
          'staff',
          member.id,
          member.name,
          'update',
          'plans',
          SECTION_TYPES.plans,
          documentId(),
        ];
      else if (roll < 0.95)
        event = [
          'newcomer',
          newcomers[n].id,
          null,
          rnd.pick(['grant.create', 'grant.update', 'grant.revoke']),
          null,
          'plugin::sharing.grant',
          documentId(),
        ];
      else
        event = [
          'system',
          null,
          null,
          rnd.pick(['grant.expire', 'retention.notice']),
          null,
          null,
          null,
        ];
      const id = nextId('sharing_audit_events');
      rows.push([id, documentId(), at, at, at, ...event, at]);
      links.push([nextId('sharing_audit_events_owner_lnk'), id, newcomers[n].id]);
    }
    await db.insert(
      'sharing_audit_events',
      [
        'id',
        ...STAMP,
        'actor_kind',
        'actor_id',
        'actor_name',
        'action',
        'section',
        'resource_type',
        'resource_id',
        'at',
      ],
      rows,
    );
    await db.insert('sharing_audit_events_owner_lnk', ['id', 'audit_event_id', 'user_id'], links);
  }
}
