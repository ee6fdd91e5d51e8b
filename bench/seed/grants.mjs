// @ts-check
import { SECTIONS } from '@mobio/config';
import { PURPOSES } from './people.mjs';
import { DAY, STAMP, documentId } from './rows.mjs';
import { GRANTS_PER_NEWCOMER } from './sizes.mjs';

// Grants: newcomer n gives grants to GRANTS_PER_NEWCOMER consecutive staff members (mod the
// staff count), so that every staff member receives the same number. Staff 0's grants and each
// staff member's first grant stay active; of the others some were revoked and some expired.
// Returns, per staff member id, the newcomers (by index) whose grant to them is active.
/**
 * @param {import('./context.mjs').SeedContext} ctx
 * @param {{ id: number }[]} staff
 * @param {{ id: number }[]} newcomers
 */
export async function seedGrants({ db, rnd, now, nextId, size }, staff, newcomers) {
  /** @type {Map<number, number[]>} */
  const grantsOf = new Map(staff.map((member) => [member.id, []]));
  const rows = [];
  const owners = [];
  const grantees = [];
  for (let g = 0; g < size.grants; g++) {
    const n = Math.floor(g / GRANTS_PER_NEWCOMER);
    const s = g % size.staff;
    const id = nextId('sharing_grants');
    const created = now - rnd.int(1, 700) * DAY;
    const keep = s === 0 || g < size.staff;
    const revoked = !keep && rnd.chance(0.08);
    const expired = !keep && !revoked && rnd.chance(0.04);
    const everything = g === 0 || g < size.staff;
    const sections = everything
      ? [...SECTIONS.codes]
      : SECTIONS.codes.filter(() => rnd.chance(0.5));
    if (sections.length === 0) sections.push('profile');
    const expiresAt = expired ? now - rnd.int(1, 60) * DAY : now + rnd.int(30, 1095) * DAY;
    const updated = revoked
      ? created + rnd.int(0, Math.floor((now - created) / DAY)) * DAY
      : created;
    rows.push([
      id,
      documentId(),
      new Date(created),
      new Date(updated),
      new Date(created),
      sections,
      everything || (sections.includes('plans') && rnd.chance(0.3)) ? 'write' : 'read',
      rnd.pick(PURPOSES),
      new Date(expiresAt),
      revoked ? new Date(updated) : null,
      expired ? new Date(expiresAt + DAY) : null,
    ]);
    owners.push([nextId('sharing_grants_owner_lnk'), id, newcomers[n].id]);
    grantees.push([nextId('sharing_grants_grantee_lnk'), id, staff[s].id]);
    if (!revoked && !expired) grantsOf.get(staff[s].id)?.push(n);
  }
  await db.insert(
    'sharing_grants',
    ['id', ...STAMP, 'sections', 'access', 'purpose', 'expires_at', 'revoked_at', 'expired_at'],
    rows,
  );
  await db.insert('sharing_grants_owner_lnk', ['id', 'grant_id', 'user_id'], owners);
  await db.insert('sharing_grants_grantee_lnk', ['id', 'grant_id', 'user_id'], grantees);
  return grantsOf;
}
