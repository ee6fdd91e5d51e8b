import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Section } from '@mobio/config';
import { adminLogin, api, createStaff, freshEnv, registerNewcomer, startCms, uploadDocument, type TestCms } from '../../../../../cms/test/harness';

/**
 * The authorization matrix: every personal route of the content API and of the admin panel's
 * Content Manager, tried by every actor, against the expected allow/deny. A route of a personal
 * content type without a row here fails the test, so nothing new escapes the table.
 */

const ACTORS = [
  'anonymous',
  'owner',
  'otherNewcomer',
  'staffGranted',
  'staffOtherSection',
  'staffRevoked',
  'staffExpired',
  'staffNoGrant',
  'districtAdmin',
  'superAdmin',
  'apiToken',
] as const;
type ActorName = (typeof ACTORS)[number];

const PERSONAL: Record<string, { section: Section; rest?: string }> = {
  'api::profile.profile': { section: 'profile' },
  'api::language-skill.language-skill': { section: 'languages', rest: 'language-skills' },
  'api::education-entry.education-entry': { section: 'education', rest: 'education-entries' },
  'api::employment-entry.employment-entry': { section: 'employment', rest: 'employment-entries' },
  'api::document.document': { section: 'documents', rest: 'documents' },
  'api::integration-plan.integration-plan': { section: 'plans', rest: 'integration-plans' },
  'api::plan-version.plan-version': { section: 'plans', rest: 'plan-versions' },
};

const SAMPLE: Record<string, Record<string, unknown>> = {
  'api::profile.profile': { givenNames: 'Amal', familyName: 'Haddad' },
  'api::language-skill.language-skill': { language: 'de', listening: 'B1' },
  'api::education-entry.education-entry': { kind: 'school', institution: 'Schule am Markt' },
  'api::employment-entry.employment-entry': { occupation: 'Apothekerin' },
  'api::document.document': { kind: 'certificate', title: 'Zeugnis' },
  'api::integration-plan.integration-plan': { version: 1, planStatus: 'draft', title: 'Plan' },
  'api::plan-version.plan-version': { version: 1, content: { title: 'Plan' }, proposedAt: '2026-11-01T10:00:00.000Z' },
};

interface World {
  cms: TestCms;
  credentials: Record<ActorName, { kind: 'none' | 'user' | 'admin' | 'token'; token?: string }>;
  ownerId: number;
  /** The owner's record of each personal type. */
  records: Record<string, string>;
}

/** Creates a record of the owner as system code (no request), for delete attempts to consume. */
async function seedRecord(world: World, uid: string): Promise<string> {
  const created = await world.cms.strapi.documents(uid as never).create({ data: { ...SAMPLE[uid], owner: world.ownerId } as never });
  return created.documentId;
}

async function exists(world: World, uid: string, documentId: string) {
  return (await world.cms.strapi.db.query(uid).count({ where: { documentId } })) > 0;
}

async function ownerCount(world: World, uid: string) {
  return world.cms.strapi.db.query(uid).count({ where: { owner: { id: world.ownerId } } });
}

type Attempt = (world: World, actor: ActorName) => Promise<boolean>;
interface Row {
  route: string;
  uid: string;
  section: Section;
  attempt: Attempt;
  allowed: readonly ActorName[];
}

const tokenOf = (world: World, actor: ActorName) => world.credentials[actor].token;
/** Every answer of 500 or above, which must never happen whatever the actor sends. */
const serverErrors: string[] = [];
async function call(world: World, actor: ActorName, method: string, path: string, body?: unknown) {
  const res = await api(world.cms, method, path, { token: tokenOf(world, actor), body });
  if (res.status >= 500) serverErrors.push(`${method} ${path} as ${actor}: ${res.status}`);
  return res;
}

const listed = (body: any, documentId: string) =>
  JSON.stringify(body?.data ?? body?.results ?? []).includes(documentId);

/** Content API rows: only the owner, with their own JWT. */
function contentApiRows(): Row[] {
  const rows: Row[] = [];
  const owner = ['owner'] as const;
  for (const [uid, { section, rest }] of Object.entries(PERSONAL)) {
    if (uid === 'api::profile.profile') {
      rows.push(
        { route: 'GET /api/profiles/me', uid, section, allowed: owner, attempt: async (w, a) => {
          const res = await call(w, a, 'GET', '/api/profiles/me');
          return res.status === 200 && res.body.data.documentId === w.records[uid];
        } },
        { route: 'PUT /api/profiles/me', uid, section, allowed: owner, attempt: async (w, a) => {
          const res = await call(w, a, 'PUT', '/api/profiles/me', { data: SAMPLE[uid] });
          return res.status === 200 && res.body.data.documentId === w.records[uid];
        } },
      );
      continue;
    }
    const base = `/api/${rest}`;
    const writable = !['api::integration-plan.integration-plan', 'api::plan-version.plan-version'].includes(uid);
    rows.push(
      { route: `GET ${base}`, uid, section, allowed: owner, attempt: async (w, a) => {
        const res = await call(w, a, 'GET', base);
        return res.status === 200 && listed(res.body, w.records[uid]);
      } },
      { route: `GET ${base}/:id`, uid, section, allowed: owner, attempt: async (w, a) => {
        const res = await call(w, a, 'GET', `${base}/${w.records[uid]}`);
        return res.status === 200 && res.body.data.documentId === w.records[uid];
      } },
    );
    if (!writable) continue;
    rows.push(
      { route: `PUT ${base}/:id`, uid, section, allowed: owner, attempt: async (w, a) => {
        const res = await call(w, a, 'PUT', `${base}/${w.records[uid]}`, { data: SAMPLE[uid] });
        return res.status === 200;
      } },
      { route: `DELETE ${base}/:id`, uid, section, allowed: owner, attempt: async (w, a) => {
        const id = await seedRecord(w, uid);
        await call(w, a, 'DELETE', `${base}/${id}`);
        return !(await exists(w, uid, id));
      } },
    );
    if (uid !== 'api::document.document') {
      rows.push({ route: `POST ${base}`, uid, section, allowed: owner, attempt: async (w, a) => {
        const before = await ownerCount(w, uid);
        await call(w, a, 'POST', base, { data: SAMPLE[uid] });
        return (await ownerCount(w, uid)) > before;
      } });
    }
  }
  return rows;
}

/** Admin panel rows: only staff holding an active grant for the section; plans writable with a write grant. */
function adminRows(): Row[] {
  const rows: Row[] = [];
  for (const [uid, { section }] of Object.entries(PERSONAL)) {
    const base = `/content-manager/collection-types/${uid}`;
    const readers = ['staffGranted'] as const;
    const plan = uid === 'api::integration-plan.integration-plan';
    rows.push(
      { route: `GET ${base}`, uid, section, allowed: readers, attempt: async (w, a) => {
        const res = await call(w, a, 'GET', base);
        return res.status === 200 && listed(res.body, w.records[uid]);
      } },
      { route: `GET ${base}/:id`, uid, section, allowed: readers, attempt: async (w, a) => {
        const res = await call(w, a, 'GET', `${base}/${w.records[uid]}`);
        return res.status === 200 && res.body.data?.documentId === w.records[uid];
      } },
      { route: `PUT ${base}/:id`, uid, section, allowed: plan ? readers : [], attempt: async (w, a) => {
        const res = await call(w, a, 'PUT', `${base}/${w.records[uid]}`, SAMPLE[uid]);
        return res.status === 200;
      } },
      { route: `POST ${base}`, uid, section, allowed: plan ? readers : [], attempt: async (w, a) => {
        const before = await ownerCount(w, uid);
        await call(w, a, 'POST', base, { ...SAMPLE[uid], owner: { connect: [{ id: w.ownerId }] } });
        return (await ownerCount(w, uid)) > before;
      } },
      { route: `DELETE ${base}/:id`, uid, section, allowed: [], attempt: async (w, a) => {
        const id = await seedRecord(w, uid);
        await call(w, a, 'DELETE', `${base}/${id}`);
        return !(await exists(w, uid, id));
      } },
    );
  }
  // The relation picker queries the database directly, not through the document service.
  for (const [field, target] of [
    ['educationEntry', 'api::education-entry.education-entry'],
    ['employmentEntry', 'api::employment-entry.employment-entry'],
    ['languageSkill', 'api::language-skill.language-skill'],
  ] as const) {
    const path = `/content-manager/relations/api::document.document/${field}`;
    rows.push({ route: `GET ${path}`, uid: target, section: PERSONAL[target].section, allowed: ['staffGranted'], attempt: async (w, a) => {
      const res = await call(w, a, 'GET', path);
      return res.status === 200 && listed(res.body, w.records[target]);
    } });
  }
  return rows;
}

/** Downloads of a stored file: the owner through the content API, grantees through the admin API. */
function downloadRows(): Row[] {
  const uid = 'api::document.document';
  const attempt = (prefix: string): Attempt => async (w, a) => {
    const res = await fetch(`${w.cms.url}${prefix}/documents/${w.records[uid]}/file`, {
      headers: tokenOf(w, a) ? { authorization: `Bearer ${tokenOf(w, a)}` } : {},
    });
    if (res.status >= 500) serverErrors.push(`download ${prefix} as ${a}: ${res.status}`);
    return res.status === 200 && (await res.arrayBuffer()).byteLength > 0;
  };
  return [
    { route: 'GET /api/sharing/documents/:id/file', uid, section: 'documents', allowed: ['owner'], attempt: attempt('/api/sharing') },
    { route: 'GET /sharing/documents/:id/file', uid, section: 'documents', allowed: ['staffGranted'], attempt: attempt('/sharing') },
  ];
}

/** The dashboard's overview tells what the caller has: only the owner learns of the owner's records. */
function overviewRows(): Row[] {
  const uid = 'api::profile.profile';
  return [
    { route: 'GET /api/sharing/overview', uid, section: 'profile', allowed: ['owner'], attempt: async (w, a) => {
      const res = await call(w, a, 'GET', '/api/sharing/overview');
      return res.status === 200 && res.body.data.profile?.documentId === w.records[uid] && res.body.data.entries.languages >= 1;
    } },
  ];
}

const ROWS = [...contentApiRows(), ...adminRows(), ...downloadRows(), ...overviewRows()];


const ALL_SECTIONS: Section[] = ['profile', 'languages', 'education', 'employment', 'documents', 'plans'];
const DAY = 86_400_000;

describe('authorization matrix', () => {
  let world: World;

  beforeAll(async () => {
    const cms = await startCms(await freshEnv({ ADMIN_EMAIL: 'super@admin.example', ADMIN_PASSWORD: 'Super1234!' }));
    const owner = await registerNewcomer(cms);
    const other = await registerNewcomer(cms);
    const records: Record<string, string> = {};
    for (const uid of Object.keys(PERSONAL)) {
      records[uid] = (await cms.strapi.documents(uid as never).create({ data: { ...SAMPLE[uid], owner: owner.id } as never })).documentId;
    }
    // The owner's document comes with a real stored file, for the download rows.
    const uploaded = await uploadDocument(cms, owner.jwt, Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n'));
    records['api::document.document'] = uploaded.body.data.documentId;
    const staff = {
      granted: await createStaff(cms, 'Granted'),
      otherProfile: await createStaff(cms, 'OnlyProfile'),
      otherLanguages: await createStaff(cms, 'OnlyLanguages'),
      revoked: await createStaff(cms, 'Revoked'),
      expired: await createStaff(cms, 'Expired'),
      none: await createStaff(cms, 'NoGrant'),
      district: await createStaff(cms, 'District', 'district-administrator'),
    };
    const grant = (grantee: number, sections: Section[], extra: Record<string, unknown> = {}) =>
      cms.strapi.db.query('plugin::sharing.grant').create({
        data: { owner: owner.id, grantee, sections, access: 'write', purpose: 'test', expiresAt: new Date(Date.now() + 30 * DAY), ...extra },
      });
    await grant(staff.granted.id, ALL_SECTIONS);
    await grant(staff.otherProfile.id, ['profile']);
    await grant(staff.otherLanguages.id, ['languages']);
    await grant(staff.revoked.id, ALL_SECTIONS, { revokedAt: new Date(Date.now() - DAY) });
    await grant(staff.expired.id, ALL_SECTIONS, { expiresAt: new Date(Date.now() - DAY) });
    const token = await cms.strapi.service('admin::api-token').create({ name: 'full', type: 'full-access', lifespan: null, kind: 'content-api' });

    world = {
      cms,
      ownerId: owner.id,
      records,
      credentials: {
        anonymous: { kind: 'none' },
        owner: { kind: 'user', token: owner.jwt },
        otherNewcomer: { kind: 'user', token: other.jwt },
        staffGranted: { kind: 'admin', token: staff.granted.token },
        staffOtherSection: { kind: 'admin', token: staff.otherProfile.token },
        staffRevoked: { kind: 'admin', token: staff.revoked.token },
        staffExpired: { kind: 'admin', token: staff.expired.token },
        staffNoGrant: { kind: 'admin', token: staff.none.token },
        districtAdmin: { kind: 'admin', token: staff.district.token },
        superAdmin: { kind: 'admin', token: await adminLogin(cms, 'super@admin.example', 'Super1234!') },
        apiToken: { kind: 'token', token: token.accessKey },
      },
    };
    // "Another section only": the profile-only grantee, except on profile routes.
    (world as any).staffOtherFor = (section: Section) => (section === 'profile' ? staff.otherLanguages.token : staff.otherProfile.token);
  });
  afterAll(() => world?.cms.stop());

  it('has a row for every route of every personal content type', () => {
    const covered = new Set(ROWS.map((row) => row.route.replace(/^(GET|PUT|POST|DELETE) /, '').split('/:id')[0]));
    const apiRoutes = Object.values((world.cms.strapi as any).apis).flatMap((apiDef: any) =>
      Object.values(apiDef.routes).flatMap((router: any) => router.routes ?? router),
    ) as Array<{ method: string; path: string; handler: string }>;
    const personalHandlers = Object.keys(world.cms.strapi.contentTypes).filter((uid) =>
      (world.cms.strapi.contentTypes as any)[uid].pluginOptions?.sharing?.section,
    );
    expect(personalHandlers.sort()).toEqual(Object.keys(PERSONAL).sort());
    for (const route of apiRoutes) {
      const uid = typeof route.handler === 'string' ? route.handler.split('.').slice(0, 2).join('.') : '';
      if (!personalHandlers.includes(uid)) continue;
      const key = `${route.method} /api${route.path.replace(/:[a-zA-Z]+/g, ':id')}`;
      expect(ROWS.map((row) => row.route), `no matrix row for ${key}`).toContain(key);
    }
    expect(covered.size).toBeGreaterThan(0);
  });

  it('allows exactly the expected actors on every route', async () => {
    const wrong: string[] = [];
    let cases = 0;
    for (const row of ROWS) {
      for (const actor of ACTORS) {
        const saved = world.credentials.staffOtherSection.token;
        if (actor === 'staffOtherSection') world.credentials.staffOtherSection.token = (world as any).staffOtherFor(row.section);
        const got = await row.attempt(world, actor);
        world.credentials.staffOtherSection.token = saved;
        cases++;
        const expected = row.allowed.includes(actor);
        if (got !== expected) wrong.push(`${row.route} as ${actor}: ${got ? 'allowed' : 'denied'}, expected ${expected ? 'allowed' : 'denied'}`);
      }
    }
    console.log(`authorization matrix: ${cases} cases (${ROWS.length} routes × ${ACTORS.length} actors) on ${process.env.DATABASE_CLIENT ?? 'sqlite'}`);
    expect(wrong).toEqual([]);
    expect(serverErrors).toEqual([]);
  });
});
