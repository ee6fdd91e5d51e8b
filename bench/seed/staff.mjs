// @ts-check
import { STAFF_FAMILY, STAFF_GIVEN } from './people.mjs';
import { DAY, STAMP, documentId } from './rows.mjs';
import { staffEmail } from './sizes.mjs';

/**
 * Staff, their organisations and their directory listings: size.staff integration managers, each
 * listed under one of three organisations. Returns them as { id, name, email, listing }.
 * @param {import('./context.mjs').SeedContext} ctx
 */
export async function seedStaff({ db, rnd, now, nextId, size, hashes, managerRole }) {
  const staff = [];
  const orgs = [];
  for (const [name, kind] of [
    ['Landratsamt Musterstadt – Integrationsmanagement', 'districtOffice'],
    ['Caritasverband Musterstadt', 'charity'],
    ['Jobcenter Musterstadt', 'jobCentre'],
  ]) {
    const id = nextId('organisations');
    orgs.push(id);
    await db.insert(
      'organisations',
      ['id', ...STAMP, 'name', 'kind'],
      [[id, documentId(), new Date(now), new Date(now), new Date(now), name, kind]],
    );
  }
  const users = [];
  const roleLinks = [];
  const listings = [];
  const listingStaff = [];
  const listingOrgs = [];
  for (let s = 0; s < size.staff; s++) {
    const id = nextId('admin_users');
    const firstname = STAFF_GIVEN[s % STAFF_GIVEN.length];
    const lastname = `${STAFF_FAMILY[Math.floor(s / STAFF_GIVEN.length) % STAFF_FAMILY.length]}${s >= STAFF_GIVEN.length * STAFF_FAMILY.length ? `-${s}` : ''}`;
    const at = new Date(now - rnd.int(30, 900) * DAY);
    const listing = nextId('sharing_staff_listings');
    const listingDocumentId = documentId();
    staff.push({
      id,
      name: `${firstname} ${lastname}`,
      email: staffEmail(s),
      listing: listingDocumentId,
    });
    users.push([
      id,
      documentId(),
      at,
      at,
      at,
      firstname,
      lastname,
      staffEmail(s),
      hashes.staff,
      true,
      false,
    ]);
    roleLinks.push([nextId('admin_users_roles_lnk'), id, managerRole, 1, s + 1]);
    listings.push([
      listing,
      listingDocumentId,
      at,
      at,
      at,
      `${firstname} ${lastname}`,
      'Musterstadt',
      true,
    ]);
    listingStaff.push([nextId('sharing_staff_listings_staff_lnk'), listing, id]);
    listingOrgs.push([
      nextId('sharing_staff_listings_organisation_lnk'),
      listing,
      orgs[s % orgs.length],
    ]);
  }
  await db.insert(
    'admin_users',
    ['id', ...STAMP, 'firstname', 'lastname', 'email', 'password', 'is_active', 'blocked'],
    users,
  );
  await db.insert(
    'admin_users_roles_lnk',
    ['id', 'user_id', 'role_id', 'role_ord', 'user_ord'],
    roleLinks,
  );
  await db.insert(
    'sharing_staff_listings',
    ['id', ...STAMP, 'display_name', 'municipality', 'listed'],
    listings,
  );
  await db.insert(
    'sharing_staff_listings_staff_lnk',
    ['id', 'staff_listing_id', 'user_id'],
    listingStaff,
  );
  await db.insert(
    'sharing_staff_listings_organisation_lnk',
    ['id', 'staff_listing_id', 'organisation_id'],
    listingOrgs,
  );
  return staff;
}
