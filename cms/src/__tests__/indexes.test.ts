import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, createStaff, freshEnv, startCms, type TestCms } from '../../test/harness';
import { MIGRATIONS, expectIndexes, migrationsRun } from '../../test/migrations';

const postgres = process.env.DATABASE_CLIENT === 'postgres';

/**
 * Rows as a district with a few years of use has them (relative to the tables' sizes, not their
 * absolute size): newcomers, staff, grants of which some revoked, some expired and marked, some
 * expired and not yet marked, and audit events, written directly in SQL.
 */
async function seed(cms: TestCms) {
  const knex = cms.strapi.db.connection;
  const n = (count: number) =>
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${count})`;
  const now = postgres ? 'now()' : "(CAST(strftime('%s', 'now') AS INTEGER) * 1000)";
  const days = (expression: string) =>
    postgres
      ? `(now() + (${expression}) * interval '1 day')`
      : `((CAST(strftime('%s', 'now') AS INTEGER) + (${expression}) * 86400) * 1000)`;
  const USERS = 2000;
  const STAFF = 40;
  const GRANTS = 10_000;
  const EVENTS = 50_000;
  await knex.raw(`${n(USERS)} INSERT INTO up_users (id, document_id, username, email, provider, confirmed, blocked, created_at, updated_at, published_at)
    SELECT 1000 + i, 'seed-user-' || i, 'seed' || i, 'seed' || i || '@seed.example', 'local', true, false, ${now}, ${now}, ${now} FROM n`);
  await knex.raw(`${n(STAFF)} INSERT INTO admin_users (id, document_id, firstname, lastname, email, is_active, blocked, created_at, updated_at)
    SELECT 1000 + i, 'seed-staff-' || i, 'Seed', 'Staff ' || i, 'seed' || i || '@staff.example', true, false, ${now}, ${now} FROM n`);
  await knex.raw(`${n(GRANTS)} INSERT INTO sharing_grants (id, document_id, sections, access, purpose, expires_at, expired_at, revoked_at, created_at, updated_at, published_at)
    SELECT i, 'seed-grant-' || i, '["profile"]', 'read', 'Beratung', ${days('(i % 10) - 1')},
      CASE WHEN i % 10 = 0 AND i % 100 <> 0 THEN ${days('-1')} ELSE NULL END,
      CASE WHEN i % 7 = 0 THEN ${now} ELSE NULL END, ${now}, ${now}, ${now} FROM n`);
  await knex.raw(
    `${n(GRANTS)} INSERT INTO sharing_grants_owner_lnk (grant_id, user_id) SELECT i, 1001 + i % ${USERS} FROM n`,
  );
  await knex.raw(
    `${n(GRANTS)} INSERT INTO sharing_grants_grantee_lnk (grant_id, user_id) SELECT i, 1001 + i % ${STAFF} FROM n`,
  );
  const at = postgres
    ? `now() - i * interval '1 minute'`
    : `(CAST(strftime('%s', 'now') AS INTEGER) - i * 60) * 1000`;
  await knex.raw(`${n(EVENTS)} INSERT INTO sharing_audit_events (id, document_id, actor_id, actor_name, actor_kind, action, section, at, created_at, updated_at, published_at)
    SELECT i, 'seed-event-' || i, 1001 + i % ${STAFF}, 'Seed Staff', 'staff', 'read', 'profile', ${at}, ${now}, ${now}, ${now} FROM n`);
  await knex.raw(
    `${n(EVENTS)} INSERT INTO sharing_audit_events_owner_lnk (audit_event_id, user_id) SELECT i, 1001 + i % ${USERS} FROM n`,
  );
  // Admin sessions of many logins, most of them long over.
  await knex.raw(`${n(EVENTS / 10)} INSERT INTO strapi_sessions (document_id, user_id, session_id, device_id, origin, status, type, expires_at, created_at, updated_at)
    SELECT 'seed-session-' || i, CAST(1001 + i % ${STAFF} AS varchar(255)), 'seed-session-' || i, 'seed-device-' || i, 'admin', 'active', 'refresh', ${days('-(i % 30)')}, ${now}, ${now} FROM n`);
  if (postgres) {
    // Rows written with their ids: move the sequences on, so that Strapi's next inserts do not collide.
    for (const table of [
      'up_users',
      'admin_users',
      'sharing_grants',
      'sharing_grants_owner_lnk',
      'sharing_grants_grantee_lnk',
      'sharing_audit_events',
      'sharing_audit_events_owner_lnk',
    ]) {
      await knex.raw(`SELECT setval(pg_get_serial_sequence(?, 'id'), (SELECT max(id) FROM ??))`, [
        table,
        table,
      ]);
    }
    await knex.raw('VACUUM ANALYZE');
  } else {
    await knex.raw('ANALYZE');
  }
}

/** Runs `fn` and returns the query plan of every SQL statement it sent that reads `table`. */
async function plansOf(cms: TestCms, table: string, fn: () => Promise<unknown>): Promise<string[]> {
  const knex = cms.strapi.db.connection;
  const sent: Array<{ sql: string; bindings?: unknown[] }> = [];
  const listener = (query: { sql: string; bindings?: unknown[] }) => sent.push(query);
  knex.on('query', listener);
  try {
    await fn();
  } finally {
    knex.off('query', listener);
  }
  const reading = sent.filter(
    (query) =>
      /^select/i.test(query.sql) &&
      new RegExp(`from ([\`"]\\w+[\`"]\\.)?[\`"]${table}[\`"]`).test(query.sql),
  );
  expect(reading.length, `no query read ${table}`).toBeGreaterThan(0);
  const plans = [];
  for (const query of reading) {
    const sql = query.sql.replace(/\$\d+/g, '?');
    const result = await knex.raw(
      `${postgres ? 'EXPLAIN' : 'EXPLAIN QUERY PLAN'} ${sql}`,
      query.bindings ?? [],
    );
    plans.push(
      postgres
        ? result.rows.map((row: Record<string, string>) => row['QUERY PLAN']).join('\n')
        : result.map((row: { detail: string }) => row.detail).join('\n'),
    );
  }
  return plans;
}

describe('database migrations and indexes', () => {
  let cms: TestCms;
  let env: Record<string, string>;
  beforeAll(async () => {
    // An empty database: the migrations' first run is what this is about.
    env = await freshEnv({}, { empty: true });
    cms = await startCms(env);
  });
  afterAll(() => cms?.stop());

  it('records the migration once on a fresh database and creates its indexes after the tables', async () => {
    // Strapi ran the migration before the tables existed; the indexes come from its second run after the sync.
    expect((await migrationsRun(cms)).map((row) => row.name)).toEqual(MIGRATIONS);
    await expectIndexes(cms);
  });

  it('does not run the migration again at the next start', async () => {
    const before = await migrationsRun(cms);
    await cms.stop({ keep: true });
    cms = await startCms(env);
    expect(await migrationsRun(cms)).toEqual(before);
    await expectIndexes(cms);
  });

  describe('on a seeded database, the query plans', () => {
    const sharing = () => cms.strapi.plugin('sharing');
    // Grants i with i % 40 = 2: expiring tomorrow, one in seven revoked.
    const staff = { kind: 'staff' as const, id: 1003 };
    beforeAll(() => seed(cms), 120_000);

    it("check a staff member's admin session from the session index", async () => {
      const { token } = await createStaff(cms, 'Sessions');
      const plans = await plansOf(cms, 'strapi_sessions', async () => {
        expect((await api(cms, 'GET', '/admin/users/me', { token })).status).toBe(200);
      });
      for (const plan of plans) expect(plan).toContain('strapi_sessions_session_id_idx');
    });

    it("look up a staff member's active grants from the grantee link index", async () => {
      const plans = await plansOf(cms, 'sharing_grants', () =>
        sharing().service('access').grantsOf(staff),
      );
      for (const plan of plans) expect(plan).toContain('sharing_grants_grantee_lnk_user_idx');
    });

    it('list "shared with me" from the grantee link index', async () => {
      const result = await plansOf(cms, 'sharing_grants', async () => {
        const shared = await sharing()
          .service('staff')
          .sharedWithMe(staff, { page: 1, pageSize: 20 });
        expect(shared.meta.pagination.total).toBeGreaterThan(0);
      });
      for (const plan of result) expect(plan).toContain('sharing_grants_grantee_lnk_user_idx');
    });

    it("page a newcomer's access log and count it from the owner link index, without reading all events", async () => {
      const plans = await plansOf(cms, 'sharing_audit_events', async () => {
        const log = await sharing().service('audit').listForOwner(1500, 1, 20);
        expect(log.meta.pagination.total).toBe(25);
      });
      expect(plans).toHaveLength(2);
      for (const plan of plans) {
        expect(plan).toContain('sharing_audit_events_owner_lnk_user_idx');
        expect(plan).not.toMatch(postgres ? /Seq Scan on sharing_audit_events\b/ : /SCAN t0\b/);
      }
    });

    it("list a newcomer's own grants from the owner link index", async () => {
      const plans = await plansOf(cms, 'sharing_grants', () =>
        sharing().service('grant').list({ kind: 'newcomer', id: 1500 }),
      );
      expect(plans[0]).toContain('sharing_grants_owner_lnk_user_idx');
    });

    it("read one staff member's events by time from the actor index", async () => {
      const knex = cms.strapi.db.connection;
      const plans = await plansOf(cms, 'sharing_audit_events', () =>
        knex('sharing_audit_events')
          .select('at', 'action', 'section')
          .where('actor_id', 1001)
          .orderBy('at', 'desc')
          .limit(50),
      );
      expect(plans[0]).toContain('sharing_audit_events_actor_idx');
    });

    it('find the grants the retention job marks expired from the unexpired index', async () => {
      const plans = await plansOf(cms, 'sharing_grants', async () => {
        const result = await sharing().service('retention').run(new Date());
        expect(result.expiredGrants).toBeGreaterThan(0);
      });
      expect(plans.find((plan) => plan.includes('sharing_grants_unexpired_idx'))).toBeDefined();
    });
  });
});
