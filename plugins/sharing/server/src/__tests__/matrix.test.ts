import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../../../../../cms/test/harness';
import { accountRows, ownAccountRows } from './helpers/matrix/account-rows';
import { buildWorld } from './helpers/matrix/build-world';
import { contentApiRows, contentManagerRows } from './helpers/matrix/content-rows';
import { sharingApiRows } from './helpers/matrix/sharing-api-rows';
import { sharingStaffRows } from './helpers/matrix/sharing-staff-rows';
import { ACTORS, serverErrors, type World } from './helpers/matrix/world';

/**
 * The authorization matrix: every route of the content API, the Content Manager, the sharing
 * plugin, staff accounts and users-permissions, tried by every actor against the expected
 * allow/deny — or named as exempt, with the reason. The routes come from the running server, so a
 * route added later without a row or an exemption fails the test. A read counts as allowed when
 * the answer carries the owner's record, a write when its unique marker reaches the database, a
 * create when any row (whoever owns it) was added, a delete when the record is gone.
 */

// In this order: some rows change what later ones find (a lock ends the owner's sessions, a
// deletion code starts an erasure), as they did when the rows were one list.
const ROWS = [
  ...contentApiRows(),
  ...contentManagerRows(),
  ...accountRows(),
  ...sharingApiRows(),
  ...sharingStaffRows(),
  ...ownAccountRows(),
];

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
const normalize = (route: string) => route.replace(/:[A-Za-z]+/g, ':_');

describe('authorization matrix', () => {
  let world: World;
  let routes: string[];

  beforeAll(async () => {
    ({ world, routes } = await buildWorld());
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
