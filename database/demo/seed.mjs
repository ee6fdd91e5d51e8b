// @ts-check
import { newUsername } from '@mobio/config';
import * as demo from './data.mjs';

const DAY = 24 * 60 * 60 * 1000;
const DISTRICT = demo.organisations[0].name;

/**
 * Fills a fresh database with the demo district. Runs as system code (no request), after the
 * CMS bootstrap made locales and roles. Does nothing when the demo organisation already exists.
 * Returns the accounts to print.
 */
export async function seedDemo(strapi) {
  const docs = (uid) => strapi.documents(uid);
  if (
    await strapi.db.query('api::organisation.organisation').count({ where: { name: DISTRICT } })
  ) {
    return { seeded: false };
  }

  for (const { key: _key, ...organisation } of demo.organisations) {
    await docs('api::organisation.organisation').create({ data: organisation });
  }

  const adminUsers = strapi.service('admin::user');
  const roles = strapi.service('admin::role');
  if (!(await adminUsers.exists())) {
    const superAdmin = await roles.getSuperAdmin();
    await adminUsers.create({
      ...demo.admin,
      password: demo.DEMO_PASSWORDS.admin,
      isActive: true,
      registrationToken: null,
      roles: [superAdmin.id],
    });
  }
  const staffIds = {};
  for (const person of demo.staff) {
    const role = await roles.findOne({ code: person.role });
    const existing = await strapi.db
      .query('admin::user')
      .findOne({ where: { email: person.email } });
    const user =
      existing ??
      (await adminUsers.create({
        email: person.email,
        firstname: person.firstname,
        lastname: person.lastname,
        password: demo.DEMO_PASSWORDS.staff,
        isActive: true,
        registrationToken: null,
        roles: [role.id],
      }));
    staffIds[person.key] = user.id;
  }

  for (const entry of demo.catalogueEntries)
    await docs('plugin::sharing.catalogue-entry').create({ data: entry });

  const newcomerRole = await strapi.db
    .query('plugin::users-permissions.role')
    .findOne({ where: { type: 'newcomer' } });
  const now = Date.now();
  for (const person of demo.newcomers) {
    const user = await strapi.db.query('plugin::users-permissions.user').create({
      data: {
        username: newUsername(),
        email: person.email,
        // db.query stores what it is given: the password is hashed here (bcrypt, as users-permissions checks it).
        password: await strapi.service('admin::auth').hashPassword(demo.DEMO_PASSWORDS.newcomer),
        provider: 'local',
        confirmed: true,
        blocked: false,
        role: newcomerRole.id,
      },
    });
    const owner = user.id;
    await docs('api::profile.profile').create({ data: { ...person.profile, owner } });
    for (const skill of person.languages)
      await docs('api::language-skill.language-skill').create({ data: { ...skill, owner } });
    const entries = {};
    for (const { key, ...entry } of person.education) {
      const created = await docs('api::education-entry.education-entry').create({
        data: { ...entry, owner },
      });
      if (key) entries[key] = created.documentId;
    }
    for (const entry of person.employment)
      await docs('api::employment-entry.employment-entry').create({ data: { ...entry, owner } });
    for (const { educationEntry, ...document } of person.documents) {
      await docs('api::document.document').create({
        data: { ...document, owner, educationEntry: entries[educationEntry] },
      });
    }
    for (const grant of person.grants) {
      await docs('plugin::sharing.grant').create({
        data: {
          owner,
          grantee: staffIds[grant.grantee],
          sections: grant.sections,
          access: grant.access,
          purpose: grant.purpose,
          expiresAt: new Date(now + grant.days * DAY).toISOString(),
          revokedAt: grant.revoked ? new Date(now - 2 * DAY).toISOString() : null,
        },
      });
    }
    if (person.plan) {
      await docs('api::integration-plan.integration-plan').create({
        data: {
          ...person.plan,
          owner,
          proposedAt: new Date(now - DAY).toISOString(),
          textLanguage: 'de',
        },
      });
    }
  }

  for (const { texts, ...shared } of demo.infoPages) {
    await createLocalized(strapi, 'api::info-page.info-page', texts, shared);
  }
  for (const { texts, startsInDays, hour, durationHours, location } of demo.infoEvents) {
    const start = new Date(now + startsInDays * DAY);
    start.setUTCHours(hour - 1, 0, 0, 0);
    const shared = {
      startsAt: start.toISOString(),
      endsAt: new Date(start.getTime() + durationHours * 3600_000).toISOString(),
      location,
      organiser: DISTRICT,
    };
    await createLocalized(strapi, 'api::info-event.info-event', texts, shared);
  }
  return { seeded: true };
}

/** One document with a published version in each locale the installation offers. */
async function createLocalized(strapi, uid, texts, shared) {
  const [first, ...rest] = strapi.config.get('mobio').locales;
  const created = await strapi
    .documents(uid)
    .create({ locale: first, data: { ...shared, ...texts[first] } });
  for (const locale of rest) {
    await strapi
      .documents(uid)
      .update({ documentId: created.documentId, locale, data: { ...shared, ...texts[locale] } });
  }
  await strapi.documents(uid).publish({ documentId: created.documentId, locale: '*' });
}

/** The demo accounts, for the start script to print. */
export function demoAccounts() {
  return {
    admin: { email: demo.admin.email, password: demo.DEMO_PASSWORDS.admin },
    staff: demo.staff.map((person) => ({
      email: person.email,
      role: person.role,
      password: demo.DEMO_PASSWORDS.staff,
    })),
    newcomers: demo.newcomers.map((person) => ({
      email: person.email,
      password: demo.DEMO_PASSWORDS.newcomer,
    })),
  };
}
