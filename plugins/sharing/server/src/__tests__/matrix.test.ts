import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Section } from '@mobio/config';
import {
  adminLogin,
  api,
  createStaff,
  freshEnv,
  registerNewcomer,
  startCms,
  uploadDocument,
  type TestCms,
  grantDirectly,
} from '../../../../../cms/test/harness';
import { unzip } from '../../../../../cms/test/zip';

/**
 * The authorization matrix: every route of the content API, the Content Manager, the sharing
 * plugin, staff accounts and users-permissions, tried by every actor against the expected
 * allow/deny — or named as exempt, with the reason. The routes come from the running server, so a
 * route added later without a row or an exemption fails the test. A read counts as allowed when
 * the answer carries the owner's record, a write when its unique marker reaches the database, a
 * create when any row (whoever owns it) was added, a delete when the record is gone.
 */

const ACTORS = [
  'anonymous',
  'owner',
  'otherNewcomer',
  'staffGranted',
  'staffOtherSection',
  'staffReadPlans',
  'staffOtherOwner',
  'staffRevoked',
  'staffExpired',
  'staffNoGrant',
  'districtAdmin',
  'superAdmin',
  'apiToken',
  'readOnlyToken',
  'customToken',
] as const;
type ActorName = (typeof ACTORS)[number];
const ADMINS: ActorName[] = ['districtAdmin', 'superAdmin'];

const USER = 'plugin::users-permissions.user';
const PERSONAL: Record<string, { section: Section; rest?: string; marker?: string }> = {
  'api::profile.profile': { section: 'profile', marker: 'givenNames' },
  'api::language-skill.language-skill': {
    section: 'languages',
    rest: 'language-skills',
    marker: 'notes',
  },
  'api::education-entry.education-entry': {
    section: 'education',
    rest: 'education-entries',
    marker: 'institution',
  },
  'api::employment-entry.employment-entry': {
    section: 'employment',
    rest: 'employment-entries',
    marker: 'occupation',
  },
  'api::document.document': { section: 'documents', rest: 'documents', marker: 'title' },
  'api::integration-plan.integration-plan': {
    section: 'plans',
    rest: 'integration-plans',
    marker: 'notes',
  },
  'api::plan-version.plan-version': { section: 'plans', rest: 'plan-versions' },
};

const SAMPLE: Record<string, Record<string, unknown>> = {
  'api::profile.profile': { givenNames: 'Amal', familyName: 'Haddad' },
  'api::language-skill.language-skill': { language: 'de', listening: 'B1' },
  'api::education-entry.education-entry': { kind: 'school', institution: 'Schule am Markt' },
  'api::employment-entry.employment-entry': { occupation: 'Apothekerin' },
  'api::document.document': { kind: 'certificate', title: 'Zeugnis' },
  'api::integration-plan.integration-plan': { version: 1, planStatus: 'draft', title: 'Plan' },
  'api::plan-version.plan-version': {
    version: 1,
    content: { title: 'Plan' },
    proposedAt: '2026-11-01T10:00:00.000Z',
  },
};

interface World {
  cms: TestCms;
  credentials: Record<ActorName, string | undefined>;
  ownerId: number;
  ownerEmail: string;
  ownerDocumentId: string;
  /** The owner's record of each personal type. */
  records: Record<string, string>;
  /** A proposed plan of the owner, for acceptance. */
  proposedPlan: string;
  /** A staff account that an administrator might try to take over. */
  staffVictim: { id: number; email: string };
  /** The staff directory entry the owner can grant to. */
  listing: string;
}

/** Creates a record of the owner as system code (no request), for delete attempts to consume. */
async function seedRecord(world: World, uid: string): Promise<string> {
  const created = await world.cms.strapi
    .documents(uid as never)
    .create({ data: { ...SAMPLE[uid], owner: world.ownerId } as never });
  return created.documentId;
}

/** A lock ends the owner's sessions (also after the unlock): the owner logs in again for the next rows. */
async function newOwnerSession(world: World): Promise<void> {
  const login = await api(world.cms, 'POST', '/api/auth/local', {
    body: { identifier: world.ownerEmail, password: 'Geheim123!' },
  });
  if (login.status !== 200) throw new Error(`the owner cannot log in again: ${login.status}`);
  world.credentials.owner = login.body.jwt;
}

const exists = async (world: World, uid: string, documentId: string) =>
  (await world.cms.strapi.db.query(uid).count({ where: { documentId } })) > 0;
const countAll = (world: World, uid: string) => world.cms.strapi.db.query(uid).count();
let markers = 0;
const newMarker = () => `MARKER-${++markers}-${Date.now()}`;
/** Whether a write reached the owner's record: her record of this type carries the marker. */
const marked = async (world: World, uid: string, marker: string) =>
  (await world.cms.strapi.db
    .query(uid)
    .count({ where: { [PERSONAL[uid].marker!]: marker, owner: { id: world.ownerId } } })) > 0;
/** The owner's erasure request (deletion code, announced erasure), as stored. */
const erasureRequestOf = (world: World) =>
  world.cms.strapi.db
    .query('plugin::sharing.erasure-request')
    .findOne({ where: { owner: { id: world.ownerId } } });

/** Whether an answer names any record of the owner of this type (lists are paged and sorted). */
async function namesOwnersRecord(world: World, uid: string, body: unknown): Promise<boolean> {
  const rows = await world.cms.strapi.db
    .query(uid)
    .findMany({ where: { owner: { id: world.ownerId } }, select: ['documentId'] });
  return rows.some((row: { documentId: string }) => mentions(body, row.documentId));
}

type Attempt = (world: World, actor: ActorName) => Promise<boolean>;
interface Row {
  /** The route as the server lists it: `METHOD /path/:param`. */
  route: string;
  section: Section;
  attempt: Attempt;
  allowed: readonly ActorName[];
}

/** Every answer of 500 or above, which must never happen whatever the actor sends. */
const serverErrors: string[] = [];
async function call(world: World, actor: ActorName, method: string, path: string, body?: unknown) {
  const res = await api(world.cms, method, path, { token: world.credentials[actor], body });
  if (res.status >= 500)
    serverErrors.push(
      `${method} ${path} as ${actor}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`,
    );
  return res;
}
async function fetchAs(world: World, actor: ActorName, path: string) {
  const res = await fetch(`${world.cms.url}${path}`, {
    headers: world.credentials[actor]
      ? { authorization: `Bearer ${world.credentials[actor]}` }
      : {},
  });
  if (res.status >= 500) serverErrors.push(`GET ${path} as ${actor}: ${res.status}`);
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()) };
}
const mentions = (body: unknown, text: string) => JSON.stringify(body ?? '').includes(text);

/** Staff who may read a section: the full grant, and for plans the read-only plan grant too. */
const readers = (section: Section): ActorName[] =>
  section === 'plans' ? ['staffGranted', 'staffReadPlans'] : ['staffGranted'];

/** Content API routes of the personal types: only the owner, with their own JWT. */
function contentApiRows(): Row[] {
  const rows: Row[] = [];
  const owner = ['owner'] as const;
  for (const [uid, { section, rest, marker }] of Object.entries(PERSONAL)) {
    if (uid === 'api::profile.profile') {
      rows.push(
        {
          route: 'GET /api/profiles/me',
          section,
          allowed: owner,
          attempt: async (w, a) =>
            mentions((await call(w, a, 'GET', '/api/profiles/me')).body, w.records[uid]),
        },
        {
          route: 'PUT /api/profiles/me',
          section,
          allowed: owner,
          attempt: async (w, a) => {
            const value = newMarker();
            await call(w, a, 'PUT', '/api/profiles/me', {
              data: { ...SAMPLE[uid], [marker!]: value },
            });
            return marked(w, uid, value);
          },
        },
      );
      continue;
    }
    const base = `/api/${rest}`;
    const writable = Boolean(marker) && uid !== 'api::integration-plan.integration-plan';
    rows.push(
      {
        route: `GET ${base}`,
        section,
        allowed: owner,
        attempt: async (w, a) => mentions((await call(w, a, 'GET', base)).body, w.records[uid]),
      },
      {
        route: `GET ${base}/:id`,
        section,
        allowed: owner,
        attempt: async (w, a) =>
          mentions((await call(w, a, 'GET', `${base}/${w.records[uid]}`)).body, w.records[uid]),
      },
    );
    if (!writable) continue;
    rows.push(
      {
        route: `PUT ${base}/:id`,
        section,
        allowed: owner,
        attempt: async (w, a) => {
          const value = newMarker();
          await call(w, a, 'PUT', `${base}/${w.records[uid]}`, {
            data: { ...SAMPLE[uid], [marker!]: value },
          });
          return marked(w, uid, value);
        },
      },
      {
        route: `DELETE ${base}/:id`,
        section,
        allowed: owner,
        attempt: async (w, a) => {
          const id = await seedRecord(w, uid);
          await call(w, a, 'DELETE', `${base}/${id}`);
          return !(await exists(w, uid, id));
        },
      },
    );
    if (uid !== 'api::document.document') {
      // Every new row counts, whoever owns it: another newcomer creating their own is allowed.
      rows.push({
        route: `POST ${base}`,
        section,
        allowed: ['owner', 'otherNewcomer'],
        attempt: async (w, a) => {
          const before = await countAll(w, uid);
          await call(w, a, 'POST', base, { data: { ...SAMPLE[uid], [marker!]: newMarker() } });
          return (await countAll(w, uid)) > before;
        },
      });
    }
  }
  return rows;
}

/**
 * Content Manager routes: nobody here. Integration managers hold no Content Manager permission (one
 * door: MoBio's pages); the District administrator none on personal types; the super admin only
 * under the sharing rule, and holds no grant here.
 */
const NO_CONTENT_MANAGER: ActorName[] = [];
function contentManagerRows(): Row[] {
  const rows: Row[] = [];
  const CT = '/content-manager/collection-types';
  for (const [uid, { section, marker }] of Object.entries(PERSONAL)) {
    const base = `${CT}/${uid}`;
    rows.push(
      {
        route: `GET ${CT}/:model`,
        section,
        allowed: NO_CONTENT_MANAGER,
        attempt: async (w, a) => mentions((await call(w, a, 'GET', base)).body, w.records[uid]),
      },
      {
        route: `GET ${CT}/:model/:id`,
        section,
        allowed: NO_CONTENT_MANAGER,
        attempt: async (w, a) =>
          mentions((await call(w, a, 'GET', `${base}/${w.records[uid]}`)).body, w.records[uid]),
      },
      {
        route: `POST ${CT}/:model`,
        section,
        allowed: NO_CONTENT_MANAGER,
        attempt: async (w, a) => {
          const before = await countAll(w, uid);
          await call(w, a, 'POST', base, {
            ...SAMPLE[uid],
            owner: { connect: [{ id: w.ownerId }] },
          });
          return (await countAll(w, uid)) > before;
        },
      },
      {
        route: `DELETE ${CT}/:model/:id`,
        section,
        allowed: [],
        attempt: async (w, a) => {
          const id = await seedRecord(w, uid);
          await call(w, a, 'DELETE', `${base}/${id}`);
          return !(await exists(w, uid, id));
        },
      },
      {
        route: `POST ${CT}/:model/actions/bulkDelete`,
        section,
        allowed: [],
        attempt: async (w, a) => {
          const id = await seedRecord(w, uid);
          await call(w, a, 'POST', `${base}/actions/bulkDelete`, { documentIds: [id] });
          return !(await exists(w, uid, id));
        },
      },
      {
        route: `POST ${CT}/:model/clone/:sourceId`,
        section,
        allowed: [],
        attempt: async (w, a) => {
          const before = await countAll(w, uid);
          await call(w, a, 'POST', `${base}/clone/${w.records[uid]}`, {});
          return (await countAll(w, uid)) > before;
        },
      },
      {
        route: `POST ${CT}/:model/auto-clone/:sourceId`,
        section,
        allowed: [],
        attempt: async (w, a) => {
          const before = await countAll(w, uid);
          await call(w, a, 'POST', `${base}/auto-clone/${w.records[uid]}`, {});
          return (await countAll(w, uid)) > before;
        },
      },
      {
        route: `POST ${CT}/:model/actions/bulkFindForValidation`,
        section,
        allowed: NO_CONTENT_MANAGER,
        attempt: async (w, a) =>
          mentions(
            (
              await call(w, a, 'POST', `${base}/actions/bulkFindForValidation`, {
                documentIds: [w.records[uid]],
              })
            ).body,
            w.records[uid],
          ),
      },
      ...(['publish', 'unpublish', 'discard'] as const).map((action): Row => ({
        route: `POST ${CT}/:model/:id/actions/${action}`,
        section,
        allowed: [],
        attempt: async (w, a) =>
          (await call(w, a, 'POST', `${base}/${w.records[uid]}/actions/${action}`, {})).status ===
          200,
      })),
      ...(['publish', 'bulkPublish', 'bulkUnpublish'] as const).map((action): Row => ({
        route: `POST ${CT}/:model/actions/${action}`,
        section,
        allowed: [],
        attempt: async (w, a) =>
          (
            await call(w, a, 'POST', `${base}/actions/${action}`, {
              documentIds: [w.records[uid]],
              ...SAMPLE[uid],
            })
          ).status === 200,
      })),
    );
    if (marker && uid !== 'api::plan-version.plan-version') {
      rows.push({
        route: `PUT ${CT}/:model/:id`,
        section,
        allowed: NO_CONTENT_MANAGER,
        attempt: async (w, a) => {
          const value = newMarker();
          await call(w, a, 'PUT', `${base}/${w.records[uid]}`, { ...SAMPLE[uid], [marker]: value });
          return marked(w, uid, value);
        },
      });
    }
  }
  // The relation pickers query the database directly, not through the document service.
  for (const [field, target] of [
    ['educationEntry', 'api::education-entry.education-entry'],
    ['employmentEntry', 'api::employment-entry.employment-entry'],
    ['languageSkill', 'api::language-skill.language-skill'],
  ] as const) {
    const { section } = PERSONAL[target];
    rows.push(
      {
        route: 'GET /content-manager/relations/:model/:targetField',
        section,
        allowed: NO_CONTENT_MANAGER,
        attempt: async (w, a) =>
          namesOwnersRecord(
            w,
            target,
            (
              await call(
                w,
                a,
                'GET',
                `/content-manager/relations/api::document.document/${field}?pageSize=100`,
              )
            ).body,
          ),
      },
      {
        route: 'GET /content-manager/relations/:model/:id/:targetField',
        section,
        allowed: NO_CONTENT_MANAGER,
        attempt: async (w, a) =>
          mentions(
            (
              await call(
                w,
                a,
                'GET',
                `/content-manager/relations/api::document.document/${w.records['api::document.document']}/${field}`,
              )
            ).body,
            w.records[target],
          ),
      },
    );
  }
  return rows;
}

/** Accounts: nobody but the holder reads or changes a newcomer's account (see also accounts.test.ts). */
function accountRows(): Row[] {
  const CM = `/content-manager/collection-types/${USER}`;
  const password = async (w: World) =>
    (await w.cms.strapi.db.query(USER).findOne({ where: { id: w.ownerId }, select: ['password'] }))
      .password;
  const throwaway = async (w: World) => (await registerNewcomer(w.cms)).id;
  return [
    {
      route: 'GET /api/users',
      section: 'profile',
      allowed: [],
      attempt: async (w, a) => mentions((await call(w, a, 'GET', '/api/users')).body, w.ownerEmail),
    },
    {
      route: 'GET /api/users/count',
      section: 'profile',
      allowed: [],
      attempt: async (w, a) => (await call(w, a, 'GET', '/api/users/count')).status === 200,
    },
    {
      route: 'GET /api/users/:id',
      section: 'profile',
      allowed: [],
      attempt: async (w, a) =>
        mentions((await call(w, a, 'GET', `/api/users/${w.ownerId}`)).body, w.ownerEmail),
    },
    {
      route: 'GET /api/users/me',
      section: 'profile',
      allowed: ['owner'],
      attempt: async (w, a) =>
        mentions((await call(w, a, 'GET', '/api/users/me')).body, w.ownerEmail),
    },
    {
      route: 'PUT /api/users/:id',
      section: 'profile',
      allowed: [],
      attempt: async (w, a) => {
        const before = await password(w);
        const value = newMarker().toLowerCase();
        await call(w, a, 'PUT', `/api/users/${w.ownerId}`, {
          username: value,
          password: 'Taken-0ver!',
        });
        return (
          (await w.cms.strapi.db.query(USER).count({ where: { username: value } })) > 0 ||
          (await password(w)) !== before
        );
      },
    },
    {
      route: 'POST /api/users',
      section: 'profile',
      allowed: [],
      attempt: async (w, a) => {
        const before = await countAll(w, USER);
        const name = newMarker().toLowerCase();
        await call(w, a, 'POST', '/api/users', {
          username: name,
          email: `${name}@evil.example`,
          password: 'Made1234!',
          role: 1,
        });
        return (await countAll(w, USER)) > before;
      },
    },
    {
      route: 'DELETE /api/users/:id',
      section: 'profile',
      allowed: [],
      attempt: async (w, a) => {
        const id = await throwaway(w);
        await call(w, a, 'DELETE', `/api/users/${id}`);
        return (await w.cms.strapi.db.query(USER).count({ where: { id } })) === 0;
      },
    },
    {
      route: 'GET /content-manager/collection-types/:model',
      section: 'profile',
      allowed: [],
      attempt: async (w, a) => mentions((await call(w, a, 'GET', CM)).body, w.ownerDocumentId),
    },
    {
      route: 'GET /content-manager/collection-types/:model/:id',
      section: 'profile',
      allowed: [],
      attempt: async (w, a) =>
        mentions((await call(w, a, 'GET', `${CM}/${w.ownerDocumentId}`)).body, w.ownerEmail),
    },
    {
      route: 'PUT /content-manager/collection-types/:model/:id',
      section: 'profile',
      allowed: [],
      attempt: async (w, a) => {
        const before = await password(w);
        const value = newMarker().toLowerCase();
        await call(w, a, 'PUT', `${CM}/${w.ownerDocumentId}`, {
          username: value,
          email: `${value}@evil.example`,
          password: 'Taken-0ver!',
          blocked: true,
        });
        return (
          (await w.cms.strapi.db.query(USER).count({ where: { username: value } })) > 0 ||
          (await password(w)) !== before
        );
      },
    },
    {
      route: 'DELETE /content-manager/collection-types/:model/:id',
      section: 'profile',
      allowed: [],
      attempt: async (w, a) => {
        const id = await throwaway(w);
        const { documentId } = await w.cms.strapi.db
          .query(USER)
          .findOne({ where: { id }, select: ['documentId'] });
        await call(w, a, 'DELETE', `${CM}/${documentId}`);
        return (await w.cms.strapi.db.query(USER).count({ where: { id } })) === 0;
      },
    },
    {
      route: 'GET /content-manager/relations/:model/:targetField',
      section: 'profile',
      allowed: [],
      attempt: async (w, a) =>
        mentions(
          (
            await call(
              w,
              a,
              'GET',
              '/content-manager/relations/api::integration-plan.integration-plan/owner',
            )
          ).body,
          w.ownerDocumentId,
        ),
    },
  ];
}

/** The sharing plugin's own routes, content API and admin. */
function sharingRows(): Row[] {
  const GRANT = 'plugin::sharing.grant';
  const ownerGrants = (w: World) =>
    w.cms.strapi.db.query(GRANT).count({ where: { owner: { id: w.ownerId } } });
  const activeOwnerGrants = (w: World) =>
    w.cms.strapi.db
      .query(GRANT)
      .count({ where: { owner: { id: w.ownerId }, revokedAt: { $null: true } } });
  const throwawayGrant = async (w: World) =>
    (
      await grantDirectly(w.cms, {
        owner: w.ownerId,
        grantee: w.staffVictim.id,
        sections: ['languages'],
        access: 'read',
        purpose: 'matrix',
        days: 30,
      })
    ).documentId as string;
  const ownerOnly = ['owner'] as const;
  const sawDocument = (bytes: Buffer) => bytes.toString('latin1').startsWith('%PDF');
  return [
    {
      route: 'GET /api/sharing/grants',
      section: 'profile',
      allowed: ownerOnly,
      attempt: async (w, a) =>
        mentions((await call(w, a, 'GET', '/api/sharing/grants')).body, 'Granted Berater'),
    },
    {
      route: 'POST /api/sharing/grants',
      section: 'profile',
      allowed: ownerOnly,
      attempt: async (w, a) => {
        const before = await ownerGrants(w);
        await call(w, a, 'POST', '/api/sharing/grants', {
          data: { grantee: w.listing, sections: ['languages'], purpose: 'Matrix' },
        });
        return (await ownerGrants(w)) > before;
      },
    },
    {
      route: 'POST /api/sharing/grants/revoke-all',
      section: 'profile',
      allowed: ownerOnly,
      attempt: async (w, a) => {
        await throwawayGrant(w);
        const active = await w.cms.strapi.db.query(GRANT).findMany({
          where: { owner: { id: w.ownerId }, revokedAt: { $null: true } },
          select: ['id'],
        });
        await call(w, a, 'POST', '/api/sharing/grants/revoke-all', {});
        const revoked = (await activeOwnerGrants(w)) < active.length;
        // The world's grants come back for the rows after this one.
        await w.cms.strapi.db.query(GRANT).updateMany({
          where: { id: { $in: active.map((row: { id: number }) => row.id) } },
          data: { revokedAt: null },
        });
        return revoked;
      },
    },
    {
      route: 'PUT /api/sharing/grants/:documentId',
      section: 'profile',
      allowed: ownerOnly,
      attempt: async (w, a) => {
        const id = await throwawayGrant(w);
        const purpose = newMarker();
        await call(w, a, 'PUT', `/api/sharing/grants/${id}`, {
          data: { sections: ['languages'], purpose },
        });
        return (await w.cms.strapi.db.query(GRANT).count({ where: { purpose } })) > 0;
      },
    },
    {
      route: 'POST /api/sharing/grants/:documentId/revoke',
      section: 'profile',
      allowed: ownerOnly,
      attempt: async (w, a) => {
        const id = await throwawayGrant(w);
        await call(w, a, 'POST', `/api/sharing/grants/${id}/revoke`, {});
        return (
          (await w.cms.strapi.db
            .query(GRANT)
            .count({ where: { documentId: id, revokedAt: { $notNull: true } } })) > 0
        );
      },
    },
    {
      route: 'GET /api/sharing/grants/:documentId/receipt',
      section: 'profile',
      allowed: ownerOnly,
      attempt: async (w, a) => {
        const id = await throwawayGrant(w);
        return mentions(
          (await call(w, a, 'GET', `/api/sharing/grants/${id}/receipt`)).body,
          'matrix',
        );
      },
    },
    // The staff reads of her records in the rows above are in her log, by record.
    {
      route: 'GET /api/sharing/access-log',
      section: 'profile',
      allowed: ownerOnly,
      attempt: async (w, a) =>
        mentions(
          (await call(w, a, 'GET', '/api/sharing/access-log?pageSize=100')).body,
          w.records['api::education-entry.education-entry'],
        ),
    },
    {
      route: 'GET /api/sharing/overview',
      section: 'profile',
      allowed: ownerOnly,
      attempt: async (w, a) =>
        mentions(
          (await call(w, a, 'GET', '/api/sharing/overview')).body,
          w.records['api::profile.profile'],
        ),
    },
    {
      route: 'GET /api/sharing/export',
      section: 'profile',
      allowed: ownerOnly,
      attempt: async (w, a) => {
        const { status, bytes } = await fetchAs(w, a, '/api/sharing/export');
        return (
          status === 200 &&
          (await unzip(bytes)).get('mobio-export.json')!.toString('utf8').includes(w.ownerEmail)
        );
      },
    },
    // Each newcomer may import into their own account only (the route names no other): reaching the
    // import's own checks is the "allowed" here; an account in use gets its refusal, a fresh one the
    // refusal of this archive, which is no zip. Staff and tokens never reach it.
    {
      route: 'POST /api/sharing/import',
      section: 'profile',
      allowed: ['owner', 'otherNewcomer'],
      attempt: async (w, a) => {
        const res = await fetch(`${w.cms.url}/api/sharing/import`, {
          method: 'POST',
          headers: {
            'content-type': 'application/zip',
            ...(w.credentials[a] ? { authorization: `Bearer ${w.credentials[a]}` } : {}),
          },
          body: 'not a zip',
        });
        if (res.status >= 500) serverErrors.push(`POST /api/sharing/import as ${a}: ${res.status}`);
        const body = await res.json().catch(() => null);
        return /^error\.import/.test(body?.error?.message ?? '');
      },
    },
    {
      route: 'GET /api/sharing/cv',
      section: 'profile',
      allowed: ownerOnly,
      attempt: async (w, a) =>
        mentions(
          (await call(w, a, 'GET', '/api/sharing/cv?format=json&include=contact')).body,
          w.ownerEmail,
        ),
    },
    {
      route: 'GET /api/sharing/documents/:documentId/file',
      section: 'documents',
      allowed: ownerOnly,
      attempt: async (w, a) =>
        sawDocument(
          (
            await fetchAs(
              w,
              a,
              `/api/sharing/documents/${w.records['api::document.document']}/file`,
            )
          ).bytes,
        ),
    },
    {
      route: 'POST /api/sharing/documents',
      section: 'documents',
      allowed: ownerOnly,
      attempt: async (w, a) => {
        const title = newMarker();
        await uploadDocument(w.cms, w.credentials[a], Buffer.from('%PDF-1.7\n%%EOF\n'), {
          kind: 'certificate',
          title,
        });
        return (
          (await w.cms.strapi.db
            .query('api::document.document')
            .count({ where: { title, owner: { id: w.ownerId } } })) > 0
        );
      },
    },
    {
      route: 'GET /api/sharing/plans/:documentId/pdf',
      section: 'plans',
      allowed: ownerOnly,
      attempt: async (w, a) =>
        sawDocument((await fetchAs(w, a, `/api/sharing/plans/${w.proposedPlan}/pdf`)).bytes),
    },
    {
      route: 'POST /api/sharing/plans/:documentId/accept',
      section: 'plans',
      allowed: ownerOnly,
      attempt: async (w, a) => {
        const PLAN = 'api::integration-plan.integration-plan';
        await w.cms.strapi.db.query(PLAN).update({
          where: { documentId: w.proposedPlan },
          data: { planStatus: 'proposed', acceptedAt: null, acceptedVersion: null },
        });
        await call(w, a, 'POST', `/api/sharing/plans/${w.proposedPlan}/accept`, {
          data: { version: 1 },
        });
        return (
          (await w.cms.strapi.db
            .query(PLAN)
            .count({ where: { documentId: w.proposedPlan, planStatus: 'accepted' } })) > 0
        );
      },
    },
    {
      route: 'GET /sharing/documents/:documentId/file',
      section: 'documents',
      allowed: readers('documents'),
      attempt: async (w, a) =>
        sawDocument(
          (await fetchAs(w, a, `/sharing/documents/${w.records['api::document.document']}/file`))
            .bytes,
        ),
    },
    {
      route: 'GET /sharing/plans/:documentId/pdf',
      section: 'plans',
      allowed: readers('plans'),
      attempt: async (w, a) =>
        sawDocument((await fetchAs(w, a, `/sharing/plans/${w.proposedPlan}/pdf`)).bytes),
    },
    // Listed and opened by anyone holding any active grant of the owner: their own sections.
    {
      route: 'GET /sharing/shared-with-me',
      section: 'profile',
      allowed: ['staffGranted', 'staffOtherSection', 'staffReadPlans'],
      attempt: async (w, a) =>
        mentions((await call(w, a, 'GET', '/sharing/shared-with-me')).body, w.ownerDocumentId),
    },
    // The work list names and links a person only while that person shares something with me.
    {
      route: 'GET /sharing/work-list',
      section: 'profile',
      allowed: ['staffGranted', 'staffOtherSection', 'staffReadPlans'],
      attempt: async (w, a) =>
        mentions((await call(w, a, 'GET', '/sharing/work-list')).body, w.ownerDocumentId),
    },
    {
      route: 'GET /sharing/records/:ownerId',
      section: 'profile',
      allowed: ['staffGranted', 'staffOtherSection', 'staffReadPlans'],
      attempt: async (w, a) =>
        (await call(w, a, 'GET', `/sharing/records/${w.ownerDocumentId}`)).status === 200,
    },
    // The plan editor: plan grantees read, only a grantee with write access saves and proposes.
    {
      route: 'GET /sharing/records/:ownerId/plan',
      section: 'plans',
      allowed: readers('plans'),
      attempt: async (w, a) => {
        const res = await call(w, a, 'GET', `/sharing/records/${w.ownerDocumentId}/plan`);
        return res.status === 200 && Boolean(res.body?.data?.plan?.documentId);
      },
    },
    {
      route: 'PUT /sharing/records/:ownerId/plan',
      section: 'plans',
      allowed: ['staffGranted'],
      attempt: async (w, a) => {
        const notes = newMarker();
        await call(w, a, 'PUT', `/sharing/records/${w.ownerDocumentId}/plan`, {
          data: { title: 'Vorschlag', notes },
        });
        return (
          (await w.cms.strapi.db
            .query('api::integration-plan.integration-plan')
            .count({ where: { notes, owner: { id: w.ownerId } } })) > 0
        );
      },
    },
    {
      route: 'POST /sharing/records/:ownerId/plan/propose',
      section: 'plans',
      allowed: ['staffGranted'],
      attempt: async (w, a) => {
        const PLAN = 'api::integration-plan.integration-plan';
        const plans = w.cms.strapi.db.query(PLAN);
        const ids = (
          await plans.findMany({ where: { owner: { id: w.ownerId } }, select: ['id'] })
        ).map((row: { id: number }) => row.id);
        await plans.updateMany({ where: { id: { $in: ids } }, data: { planStatus: 'draft' } });
        await call(w, a, 'POST', `/sharing/records/${w.ownerDocumentId}/plan/propose`, {});
        const proposed =
          (await plans.count({ where: { owner: { id: w.ownerId }, planStatus: 'proposed' } })) > 0;
        await plans.update({
          where: { documentId: w.proposedPlan },
          data: { planStatus: 'proposed' },
        });
        return proposed;
      },
    },
    {
      route: 'GET /sharing/statistics',
      section: 'profile',
      allowed: ADMINS,
      attempt: async (w, a) =>
        (await call(w, a, 'GET', '/sharing/statistics?from=2026-01&to=2026-12')).status === 200,
    },
    {
      route: 'POST /sharing/accounts/lookup',
      section: 'profile',
      allowed: ADMINS,
      attempt: async (w, a) =>
        mentions(
          (
            await call(w, a, 'POST', '/sharing/accounts/lookup', {
              data: { email: w.ownerEmail, reason: 'request' },
            })
          ).body,
          w.ownerDocumentId,
        ),
    },
    {
      route: 'POST /sharing/accounts/:accountNumber/lock',
      section: 'profile',
      allowed: ADMINS,
      attempt: async (w, a) => {
        await call(w, a, 'POST', `/sharing/accounts/${w.ownerDocumentId}/lock`, {
          data: { reason: 'other', note: 'Matrix-Test' },
        });
        const locked =
          (await w.cms.strapi.db.query(USER).count({ where: { id: w.ownerId, blocked: true } })) >
          0;
        await w.cms.strapi.db
          .query(USER)
          .update({ where: { id: w.ownerId }, data: { blocked: false } });
        await newOwnerSession(w);
        return locked;
      },
    },
    {
      route: 'POST /sharing/accounts/:accountNumber/unlock',
      section: 'profile',
      allowed: ADMINS,
      attempt: async (w, a) => {
        await w.cms.strapi.db
          .query(USER)
          .update({ where: { id: w.ownerId }, data: { blocked: true } });
        await call(w, a, 'POST', `/sharing/accounts/${w.ownerDocumentId}/unlock`, {
          data: { reason: 'other', note: 'Matrix-Test' },
        });
        const unlocked =
          (await w.cms.strapi.db.query(USER).count({ where: { id: w.ownerId, blocked: false } })) >
          0;
        await w.cms.strapi.db
          .query(USER)
          .update({ where: { id: w.ownerId }, data: { blocked: false } });
        await newOwnerSession(w);
        return unlocked;
      },
    },
    {
      route: 'POST /sharing/accounts/:accountNumber/delete',
      section: 'profile',
      allowed: ADMINS,
      attempt: async (w, a) => {
        // With the holder's deletion code, as an erasure at once needs it.
        const { id, jwt } = await registerNewcomer(w.cms);
        const { documentId } = await w.cms.strapi.db
          .query(USER)
          .findOne({ where: { id }, select: ['documentId'] });
        const { code } = (
          await api(w.cms, 'POST', '/api/sharing/account/deletion-code', { token: jwt })
        ).body.data;
        await call(w, a, 'POST', `/sharing/accounts/${documentId}/delete`, {
          data: { reason: 'request', code },
        });
        return (await w.cms.strapi.db.query(USER).count({ where: { id } })) === 0;
      },
    },
    {
      route: 'GET /sharing/accounts/reasons',
      section: 'profile',
      allowed: ADMINS,
      attempt: async (w, a) =>
        (await call(w, a, 'GET', '/sharing/accounts/reasons')).status === 200,
    },
    // Only the holder makes a deletion code for her account, and only she stops its announced erasure.
    {
      route: 'POST /api/sharing/account/deletion-code',
      section: 'profile',
      allowed: ownerOnly,
      attempt: async (w, a) => {
        const before = JSON.stringify(await erasureRequestOf(w));
        await call(w, a, 'POST', '/api/sharing/account/deletion-code');
        return JSON.stringify(await erasureRequestOf(w)) !== before;
      },
    },
    {
      route: 'POST /api/sharing/account/erasure/stop',
      section: 'profile',
      allowed: ownerOnly,
      attempt: async (w, a) => {
        const requests = w.cms.strapi.db.query('plugin::sharing.erasure-request');
        const dueAt = new Date(Date.now() + 30 * 86_400_000);
        const row = await erasureRequestOf(w);
        if (row) await requests.update({ where: { id: row.id }, data: { dueAt } });
        else await requests.create({ data: { owner: w.ownerId, dueAt } });
        await call(w, a, 'POST', '/api/sharing/account/erasure/stop');
        const after = await erasureRequestOf(w);
        await requests.update({ where: { id: after.id }, data: { dueAt: null } });
        return after.dueAt === null;
      },
    },
    // Staff accounts: an administrator never sets another person's password.
    {
      route: 'PUT /admin/users/:id',
      section: 'profile',
      allowed: [],
      attempt: async (w, a) => {
        const stored = () =>
          w.cms.strapi.db
            .query('admin::user')
            .findOne({ where: { id: w.staffVictim.id }, select: ['password', 'email'] });
        const before = await stored();
        await call(w, a, 'PUT', `/admin/users/${w.staffVictim.id}`, {
          password: `${newMarker()}aA1!`,
        });
        await call(w, a, 'PUT', `/admin/users/${w.staffVictim.id}`, {
          email: `${newMarker().toLowerCase()}@evil.example`,
        });
        return JSON.stringify(await stored()) !== JSON.stringify(before);
      },
    },
  ];
}

const DAY = 86_400_000;
const ROWS = [...contentApiRows(), ...contentManagerRows(), ...accountRows(), ...sharingRows()];

/**
 * Routes without a row, each with the reason it needs none. Matched against the route as the
 * server lists it; nothing under these patterns reaches a newcomer's record or account.
 */
const EXEMPT: Array<[RegExp, string]> = [
  [
    /^(GET|POST|PUT|DELETE) \/api\/(info-pages|info-events|organisations)(\/|$)/,
    'public content of the district, no personal data',
  ],
  [/^(GET|POST|PUT|DELETE) \/api\/i18n\//, 'the list of locales'],
  [
    /^(GET|POST|PUT|DELETE) \/api\/upload(\/|$)/,
    'the media library holds public images only; personal documents never go there (vault)',
  ],
  [
    /^(GET|POST|DELETE) \/api\/(auth|connect)\//,
    'self-service routes of a person proving who they are (and ending their own sessions): accounts.test.ts, accounts-with-cms.test.ts',
  ],
  [/^GET \/api\/content-type-builder\//, 'the shape of content types, no records'],
  [
    /^POST \/api\/email$/,
    'sends a mail from the district’s address; reads no record and is given to no role',
  ],
  [
    /^(GET|POST|PUT|DELETE) \/api\/users-permissions\//,
    'roles and permissions, no account; writes refused, tried in accounts.test.ts',
  ],
  [/^GET \/api\/sharing\/ready$/, 'readiness: says ready or which check failed, nothing else'],
  [
    /^GET \/api\/sharing\/invitations\/:code$/,
    'who a staff member is by their code; guessing is rate-limited (accounts.test.ts)',
  ],
  [/^GET \/api\/sharing\/directory$/, 'staff who chose to be listed; no newcomer data'],
  [
    /^GET \/(api\/)?sharing\/plan-catalogue$/,
    'the catalogue of standard goals and measures, no personal data; who reads it: plans.test.ts',
  ],
  [
    /^POST \/api\/sharing\/account\/delete$/,
    'deletes one’s own account with the password: privacy.test.ts',
  ],
  [
    /^POST \/api\/sharing\/auth\/(register-username|recover)$/,
    'self-service of a person proving who they are (a new account, or the recovery code); tokens and staff refused: accounts.test.ts, recovery.test.ts',
  ],
  [
    /^POST \/api\/sharing\/account\/email$/,
    'adds an e-mail address to one’s own account that has none: recovery.test.ts; tokens and staff refused: accounts.test.ts',
  ],
  [/^POST \/sharing\/invitations$/, 'a staff member makes a code for themselves; no newcomer data'],
  [
    /^(GET|POST|PUT|DELETE) \/users-permissions\//,
    'settings of accounts, no account; writes refused: accounts.test.ts',
  ],
  [
    /^(GET|POST|DELETE) \/admin\/users(\/|$)/,
    'staff accounts for administrators; takeover refused: accounts.test.ts',
  ],
  [/^PUT \/admin\/users\/me$/, 'the holder’s own staff account'],
  [
    /^(GET|PUT) \/content-manager\/(init|content-types|content-types-settings|components)(\/|$)/,
    'the shape of content types, no records',
  ],
  [/^POST \/content-manager\/uid\//, 'generates slugs; no personal type has one'],
  [/^(GET|PUT|DELETE|POST) \/content-manager\/single-types\//, 'no personal type is a single type'],
  [
    /^(GET|POST|PUT|DELETE) \/content-manager\/(preview|homepage)\//,
    'previews and home-page widgets of public content',
  ],
  [
    /^GET \/content-manager\/collection-types\/:model\/(:id\/)?actions\/count(Draft|ManyEntriesDraft)Relations$/,
    'counts draft relations: personal types have no drafts, the answer is 0 for everyone',
  ],
];

const ALL_SECTIONS: Section[] = [
  'profile',
  'languages',
  'education',
  'employment',
  'documents',
  'plans',
];
const normalize = (route: string) => route.replace(/:[A-Za-z]+/g, ':_');

describe('authorization matrix', () => {
  let world: World;
  let routes: string[];

  beforeAll(async () => {
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

    world = {
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
    routes = (cms.strapi.server.listRoutes() as Array<{ path: string; methods: string[] }>)
      .filter((route) =>
        /^\/(api|content-manager|sharing|admin\/users|users-permissions)(\/|$)/.test(route.path),
      )
      .flatMap((route) =>
        route.methods
          .filter((method) => method !== 'HEAD')
          .map((method) => `${method} ${route.path}`),
      );
  });
  afterAll(() => world?.cms.stop());

  it('has a row or a named exemption for every route, and no row for a route that does not exist', () => {
    const rowRoutes = new Set(ROWS.map((row) => normalize(row.route)));
    const served = new Set(routes.map(normalize));
    const covered = routes.filter((route) => rowRoutes.has(normalize(route)));
    const exempted = routes.filter(
      (route) =>
        !rowRoutes.has(normalize(route)) && EXEMPT.some(([pattern]) => pattern.test(route)),
    );
    const neither = routes.filter((route) => !covered.includes(route) && !exempted.includes(route));
    expect(neither, 'routes without a row or an exemption').toEqual([]);
    expect(covered.length + exempted.length).toBe(routes.length);
    expect(
      [...rowRoutes].filter((route) => !served.has(route)),
      'rows for routes the server does not have',
    ).toEqual([]);
    console.log(
      `authorization matrix: ${routes.length} routes, ${covered.length} with rows, ${exempted.length} exempt`,
    );
  });

  it('gives every content-API route of the sharing plugin to a role: none is left out of the Newcomer role', async () => {
    // The Newcomer's plugin permissions are derived from the routes (cms/src/bootstrap/roles.ts): a
    // route not marked for the Newcomer, nor public, would be reachable by nobody.
    const roles = await world.cms.strapi.db
      .query('plugin::users-permissions.role')
      .findMany({ populate: ['permissions'] });
    const given = new Set(
      roles.flatMap((role: { permissions: Array<{ action: string }> }) =>
        role.permissions.map((permission) => permission.action),
      ),
    );
    const routers = world.cms.strapi.plugin('sharing').routes as unknown as Record<
      string,
      {
        routes: Array<{ method: string; path: string; handler: string; config?: { auth?: false } }>;
      }
    >;
    const own = routers['content-api'].routes;
    const leftOut = own.filter(
      (route) => route.config?.auth !== false && !given.has(`plugin::sharing.${route.handler}`),
    );
    expect(leftOut.map((route) => `${route.method} ${route.path}`)).toEqual([]);
    expect(own.length).toBeGreaterThan(20);
  });

  it('allows exactly the expected actors on every route', async () => {
    const wrong: string[] = [];
    let cases = 0;
    for (const row of ROWS) {
      for (const actor of ACTORS) {
        const saved = world.credentials.staffOtherSection;
        if (actor === 'staffOtherSection')
          world.credentials.staffOtherSection = (world as any).staffOtherFor(row.section);
        const got = await row.attempt(world, actor);
        world.credentials.staffOtherSection = saved;
        cases++;
        const expected = row.allowed.includes(actor);
        if (got !== expected)
          wrong.push(
            `${row.route} [${row.section}] as ${actor}: ${got ? 'allowed' : 'denied'}, expected ${expected ? 'allowed' : 'denied'}`,
          );
      }
    }
    console.log(
      `authorization matrix: ${cases} cases (${ROWS.length} rows × ${ACTORS.length} actors) on ${process.env.DATABASE_CLIENT ?? 'sqlite'}`,
    );
    expect(wrong).toEqual([]);
    expect(serverErrors).toEqual([]);
  }, 900_000);

  it('was not fooled: the owner’s own password still logs in and every staff member still has their grant', async () => {
    expect(
      (
        await api(world.cms, 'POST', '/api/auth/local', {
          body: { identifier: world.ownerEmail, password: 'Geheim123!' },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await api(world.cms, 'POST', '/admin/login', {
          body: { email: world.staffVictim.email, password: 'Staff1234!' },
        })
      ).status,
    ).toBe(200);
    const revoked = {
      owner: { id: world.ownerId },
      revokedAt: { $notNull: true },
      purpose: 'test',
    };
    expect(await world.cms.strapi.db.query('plugin::sharing.grant').count({ where: revoked })).toBe(
      1,
    );
  });
});
