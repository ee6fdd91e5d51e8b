import { expect } from 'vitest';
import type { Section } from '@mobio/config';
import {
  adminLogin,
  api,
  createStaff,
  freshEnv,
  registerNewcomer,
  startCms,
  uploadDocument,
  grantDirectly,
} from '../../../../../../../cms/test/harness';
import { ALL_SECTIONS, DAY, PERSONAL, SAMPLE, USER, type World } from './world';

/**
 * Starts the CMS and makes the matrix's world: the owner with a record of every personal type (her
 * document with a stored file, linked to her entries) and a proposed plan, another newcomer, staff
 * with each kind of grant (full, another section, plans read-only, another owner's, revoked,
 * expired, none), a district administrator, the super admin and three API tokens. Also the routes
 * the server lists, for the rows to cover.
 */
export async function buildWorld(): Promise<{ world: World; routes: string[] }> {
  const cms = await startCms(
    await freshEnv({ ADMIN_EMAIL: 'super@admin.example', ADMIN_PASSWORD: 'Super1234!' }),
  );
  const owner = await registerNewcomer(cms);
  const other = await registerNewcomer(cms);
  const records: Record<string, string> = {};
  for (const uid of Object.keys(PERSONAL)) {
    records[uid] = (
      await cms.strapi
        .documents(uid as never)
        .create({ data: { ...SAMPLE[uid], owner: owner.id } as never })
    ).documentId;
  }
  // The owner's document comes with a real stored file, for the download rows.
  const uploaded = await uploadDocument(
    cms,
    owner.jwt,
    Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n'),
  );
  records['api::document.document'] = uploaded.body.data.documentId;
  // Linked to an education entry of hers, for the relation picker rows.
  for (const [field, target] of [
    ['educationEntry', 'api::education-entry.education-entry'],
    ['employmentEntry', 'api::employment-entry.employment-entry'],
    ['languageSkill', 'api::language-skill.language-skill'],
  ]) {
    await cms.strapi.documents('api::document.document').update({
      documentId: records['api::document.document'],
      data: { [field]: records[target] } as never,
    });
  }
  const proposedPlan = (
    await cms.strapi.documents('api::integration-plan.integration-plan').create({
      data: {
        owner: owner.id,
        title: 'Vorschlag',
        version: 1,
        planStatus: 'proposed',
        fieldsOfAction: [
          { field: 'work', goals: [{ description: 'Job', status: 'open' }], measures: [] },
        ],
      } as never,
    })
  ).documentId;
  const staff = {
    granted: await createStaff(cms, 'Granted'),
    otherProfile: await createStaff(cms, 'OnlyProfile'),
    otherLanguages: await createStaff(cms, 'OnlyLanguages'),
    readPlans: await createStaff(cms, 'ReadPlans'),
    otherOwner: await createStaff(cms, 'OtherOwner'),
    revoked: await createStaff(cms, 'Revoked'),
    expired: await createStaff(cms, 'Expired'),
    none: await createStaff(cms, 'NoGrant'),
    victim: await createStaff(cms, 'Victim'),
    district: await createStaff(cms, 'District', 'district-administrator'),
  };
  const grant = (
    grantee: number,
    sections: Section[],
    extra: { owner?: number; access?: 'read'; revokedAt?: Date; days?: number } = {},
  ) =>
    grantDirectly(cms, {
      owner: owner.id,
      grantee,
      sections,
      access: 'write',
      purpose: 'test',
      days: 30,
      ...extra,
    });
  await grant(staff.granted.id, ALL_SECTIONS);
  await grant(staff.otherProfile.id, ['profile']);
  await grant(staff.otherLanguages.id, ['languages']);
  await grant(staff.readPlans.id, ['plans'], { access: 'read' });
  await grant(staff.otherOwner.id, ALL_SECTIONS, { owner: other.id });
  await grant(staff.revoked.id, ALL_SECTIONS, { revokedAt: new Date(Date.now() - DAY) });
  await grant(staff.expired.id, ALL_SECTIONS, { days: -1 });
  // The owner grants through the directory in a row: the victim is listed there.
  const listing = await cms.strapi.db
    .query('plugin::sharing.staff-listing')
    .create({ data: { staff: staff.victim.id, displayName: 'Victim Berater', listed: true } });
  const tokens = cms.strapi.service('admin::api-token');
  const token = async (type: string, permissions?: string[]) =>
    (
      await tokens.create({
        name: `matrix ${type}`,
        type,
        lifespan: null,
        kind: 'content-api',
        ...(permissions ? { permissions } : {}),
      })
    ).accessKey as string;
  // A custom token with every content-API action there is: what a careless administrator would make.
  const everything = [...cms.strapi.contentAPI.permissions.providers.action.keys()] as string[];
  const ownerRow = await cms.strapi.db
    .query(USER)
    .findOne({ where: { id: owner.id }, select: ['documentId'] });
  // A staff look at the record, for the owner's log to show (the access-log row finds the
  // education entry there): staff read in MoBio's pages, not the Content Manager.
  const look = await api(cms, 'GET', `/sharing/records/${ownerRow.documentId}`, {
    token: staff.granted.token,
  });
  expect(look.status).toBe(200);

  const world: World = {
    cms,
    ownerId: owner.id,
    ownerEmail: owner.email,
    ownerDocumentId: ownerRow.documentId,
    records,
    proposedPlan,
    staffVictim: { id: staff.victim.id, email: staff.victim.email },
    listing: listing.documentId,
    credentials: {
      anonymous: undefined,
      owner: owner.jwt,
      otherNewcomer: other.jwt,
      staffGranted: staff.granted.token,
      staffOtherSection: staff.otherProfile.token,
      staffReadPlans: staff.readPlans.token,
      staffOtherOwner: staff.otherOwner.token,
      staffRevoked: staff.revoked.token,
      staffExpired: staff.expired.token,
      staffNoGrant: staff.none.token,
      districtAdmin: staff.district.token,
      superAdmin: await adminLogin(cms, 'super@admin.example', 'Super1234!'),
      apiToken: await token('full-access'),
      readOnlyToken: await token('read-only'),
      customToken: await token('custom', everything),
    },
  };
  // "Another section only": the profile-only grantee, except on profile routes.
  (world as any).staffOtherFor = (section: Section) =>
    section === 'profile' ? staff.otherLanguages.token : staff.otherProfile.token;
  const routes = (cms.strapi.server.listRoutes() as Array<{ path: string; methods: string[] }>)
    .filter((route) =>
      /^\/(api|content-manager|sharing|admin\/users|users-permissions)(\/|$)/.test(route.path),
    )
    .flatMap((route) =>
      route.methods
        .filter((method) => method !== 'HEAD')
        .map((method) => `${method} ${route.path}`),
    );
  return { world, routes };
}
