import type { Section } from '@mobio/config';
import { api, type TestCms } from '../../../../../../../cms/test/harness';

/* The matrix's world: its actors, the owner's personal records, and the helpers every row's attempt uses. */

export const ACTORS = [
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
export type ActorName = (typeof ACTORS)[number];
export const ADMINS: ActorName[] = ['districtAdmin', 'superAdmin'];

export const USER = 'plugin::users-permissions.user';
export const PERSONAL: Record<string, { section: Section; rest?: string; marker?: string }> = {
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

export const SAMPLE: Record<string, Record<string, unknown>> = {
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

export interface World {
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
export async function seedRecord(world: World, uid: string): Promise<string> {
  const created = await world.cms.strapi
    .documents(uid as never)
    .create({ data: { ...SAMPLE[uid], owner: world.ownerId } as never });
  return created.documentId;
}

/** A lock ends the owner's sessions (also after the unlock): the owner logs in again for the next rows. */
export async function newOwnerSession(world: World): Promise<void> {
  const login = await api(world.cms, 'POST', '/api/auth/local', {
    body: { identifier: world.ownerEmail, password: 'Geheim123!' },
  });
  if (login.status !== 200) throw new Error(`the owner cannot log in again: ${login.status}`);
  world.credentials.owner = login.body.jwt;
}

export const exists = async (world: World, uid: string, documentId: string) =>
  (await world.cms.strapi.db.query(uid).count({ where: { documentId } })) > 0;
export const countAll = (world: World, uid: string) => world.cms.strapi.db.query(uid).count();
let markers = 0;
export const newMarker = () => `MARKER-${++markers}-${Date.now()}`;
/** Whether a write reached the owner's record: her record of this type carries the marker. */
export const marked = async (world: World, uid: string, marker: string) =>
  (await world.cms.strapi.db
    .query(uid)
    .count({ where: { [PERSONAL[uid].marker!]: marker, owner: { id: world.ownerId } } })) > 0;
/** The owner's erasure request (deletion code, announced erasure), as stored. */
export const erasureRequestOf = (world: World) =>
  world.cms.strapi.db
    .query('plugin::sharing.erasure-request')
    .findOne({ where: { owner: { id: world.ownerId } } });

/** Whether an answer names any record of the owner of this type (lists are paged and sorted). */
export async function namesOwnersRecord(
  world: World,
  uid: string,
  body: unknown,
): Promise<boolean> {
  const rows = await world.cms.strapi.db
    .query(uid)
    .findMany({ where: { owner: { id: world.ownerId } }, select: ['documentId'] });
  return rows.some((row: { documentId: string }) => mentions(body, row.documentId));
}

export type Attempt = (world: World, actor: ActorName) => Promise<boolean>;
export interface Row {
  /** The route as the server lists it: `METHOD /path/:param`. */
  route: string;
  section: Section;
  attempt: Attempt;
  allowed: readonly ActorName[];
}

/** Every answer of 500 or above, which must never happen whatever the actor sends. */
export const serverErrors: string[] = [];
export async function call(
  world: World,
  actor: ActorName,
  method: string,
  path: string,
  body?: unknown,
) {
  const res = await api(world.cms, method, path, { token: world.credentials[actor], body });
  if (res.status >= 500)
    serverErrors.push(
      `${method} ${path} as ${actor}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`,
    );
  return res;
}
export async function fetchAs(world: World, actor: ActorName, path: string) {
  const res = await fetch(`${world.cms.url}${path}`, {
    headers: world.credentials[actor]
      ? { authorization: `Bearer ${world.credentials[actor]}` }
      : {},
  });
  if (res.status >= 500) serverErrors.push(`GET ${path} as ${actor}: ${res.status}`);
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()) };
}
export const mentions = (body: unknown, text: string) => JSON.stringify(body ?? '').includes(text);

/** Staff who may read a section: the full grant, and for plans the read-only plan grant too. */
export const readers = (section: Section): ActorName[] =>
  section === 'plans' ? ['staffGranted', 'staffReadPlans'] : ['staffGranted'];

export const DAY = 86_400_000;
export const ALL_SECTIONS: Section[] = [
  'profile',
  'languages',
  'education',
  'employment',
  'documents',
  'plans',
];
/** Whether a download answered the stored PDF. */
export const sawDocument = (bytes: Buffer) => bytes.toString('latin1').startsWith('%PDF');
