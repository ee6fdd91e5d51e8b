// @ts-check
import { random } from './rows.mjs';
import { sizes } from './sizes.mjs';

/** The tables the seed writes; ids in them are given by the seed (nextId). */
export const TABLES = [
  'organisations',
  'admin_users',
  'admin_users_roles_lnk',
  'sharing_staff_listings',
  'sharing_staff_listings_staff_lnk',
  'sharing_staff_listings_organisation_lnk',
  'up_users',
  'up_users_role_lnk',
  'profiles',
  'profiles_owner_lnk',
  'language_skills',
  'language_skills_owner_lnk',
  'education_entries',
  'education_entries_owner_lnk',
  'employment_entries',
  'employment_entries_owner_lnk',
  'documents',
  'documents_owner_lnk',
  'documents_education_entry_lnk',
  'sharing_account_activity',
  'sharing_account_activity_owner_lnk',
  'sharing_grants',
  'sharing_grants_owner_lnk',
  'sharing_grants_grantee_lnk',
  'sharing_audit_events',
  'sharing_audit_events_owner_lnk',
];

/**
 * What every part of the seed works with: the database, the sizes, one deterministic random
 * source (the parts draw from it in a fixed order, so two runs seed the same district), the time
 * "now", the next free id per table and the roles the CMS created.
 * @typedef {Awaited<ReturnType<typeof seedContext>>} SeedContext
 */

/**
 * @param {Awaited<ReturnType<typeof import('../db.mjs').connect>>} db
 * @param {{ scale: number, documentsDir: string, masterKey: Buffer, hashes: { newcomer: string, staff: string } }} options
 */
export async function seedContext(db, { scale, documentsDir, masterKey, hashes }) {
  const size = sizes(scale);
  const rnd = random(20261124);
  const now = Date.now();
  // Ids are given here, counting on from what the CMS wrote at its first start.
  const ids = {};
  for (const table of TABLES)
    ids[table] = Number((await db.all(`SELECT COALESCE(MAX(id), 0) AS m FROM "${table}"`))[0].m);
  const nextId = (table) => ++ids[table];
  const newcomerRole = (await db.all(`SELECT id FROM "up_roles" WHERE "type" = ?`, ['newcomer']))[0]
    ?.id;
  const managerRole = (
    await db.all(`SELECT id FROM "admin_roles" WHERE "code" = ?`, ['integration-manager'])
  )[0]?.id;
  if (!newcomerRole || !managerRole)
    throw new Error('the CMS has not created its roles: start it once on this database first');
  return { db, size, rnd, now, nextId, documentsDir, masterKey, hashes, newcomerRole, managerRole };
}
