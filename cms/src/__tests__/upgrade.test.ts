import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminLogin, api, freshEnv, rawSql, startCms, type TestCms } from '../../test/harness';
import { NON_IDENTIFYING_USERNAME } from '@mobio/config';
import { WITHDRAWN } from '../../database/migrations/2026.12.07T00.00.00.withdrawn-country-codes';
import { MIGRATIONS, expectIndexes, migrationsRun } from '../../test/migrations';

/**
 * Upgrade from a committed database of an older release (cms/test/fixtures, made by
 * make-upgrade-fixture.mjs before the first migration existed): the current CMS starts on it,
 * migrates it once, and everything that was there is still there and still works.
 */
const FIXTURE = 'before-migrations';
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../../test/fixtures');
const PASSWORDS = { staff: 'Upgrade-Staff-1', newcomer: 'Upgrade-Newcomer-1' };
const client = process.env.DATABASE_CLIENT === 'postgres' ? 'postgres' : 'sqlite';

/** MoBio's own tables and the accounts: what the start must leave exactly as it was. */
const KEPT = [
  'up_users',
  'up_users_role_lnk',
  'admin_users',
  'admin_users_roles_lnk',
  'profiles',
  'profiles_owner_lnk',
  'language_skills',
  'language_skills_owner_lnk',
  'education_entries',
  'education_entries_owner_lnk',
  'sharing_grants',
  'sharing_grants_owner_lnk',
  'sharing_grants_grantee_lnk',
  'sharing_audit_events',
  'sharing_audit_events_owner_lnk',
  'sharing_invitations',
  'sharing_invitations_staff_lnk',
  'sharing_account_activity',
  'sharing_account_activity_owner_lnk',
];

async function rows(env: Record<string, string>) {
  const snapshot: Record<string, unknown[]> = {};
  for (const table of KEPT)
    snapshot[table] = await rawSql(env, `SELECT * FROM ${table} ORDER BY id`);
  return snapshot;
}

describe(`upgrade from the "${FIXTURE}" database (${client})`, () => {
  let env: Record<string, string>;
  let before: Awaited<ReturnType<typeof rows>>;
  let cms: TestCms;

  beforeAll(async () => {
    // An empty database for the older release's tables and rows.
    env = await freshEnv({}, { empty: true });
    await rawSql(env, readFileSync(join(FIXTURES, `${FIXTURE}.${client}.sql`), 'utf8'), {
      script: true,
    });
    // Codes the older lists offered under today's names: Reza picked "Russia" (SU), Amal went to
    // school in "Germany" (DD).
    await rawSql(
      env,
      "UPDATE profiles SET nationality = 'SU' WHERE id = 2; UPDATE education_entries SET country = 'DD' WHERE id = 1;",
      { script: true },
    );
    before = await rows(env);
    cms = await startCms(env);
  });
  afterAll(() => cms?.stop());

  it('is a database of the older release with data in it', () => {
    // What the fixture holds: the upgrade is only tested if there is something to upgrade.
    expect(before.up_users).toHaveLength(2);
    expect(before.sharing_grants).toHaveLength(3);
    expect(before.sharing_audit_events.length).toBeGreaterThanOrEqual(6);
  });

  it('runs the migration, records it once and creates the indexes', async () => {
    expect((await migrationsRun(cms)).map((row) => row.name)).toEqual(MIGRATIONS);
    await expectIndexes(cms);
  });

  it('leaves every account, record, grant and audit event as it was, but for made-up usernames and today’s country codes', async () => {
    const after = await rows(env);
    const code = (rows: unknown[], id: number, column: string) =>
      // PostgreSQL answers ids as strings (bigint), SQLite as numbers.
      (rows as Array<Record<string, unknown>>).find((row) => String(row.id) === String(id))?.[
        column
      ];
    expect(code(after.profiles, 2, 'nationality')).toBe('RU');
    expect(code(after.profiles, 1, 'nationality')).toBe('SY');
    expect(code(after.education_entries, 1, 'country')).toBe('DE');
    const today = (rows: unknown[], column: string) =>
      rows.map((row) => {
        const value = (row as Record<string, unknown>)[column] as string;
        return { ...(row as object), [column]: WITHDRAWN[value] ?? value };
      });
    const was: Record<string, unknown[]> = {
      ...before,
      profiles: today(before.profiles, 'nationality'),
      education_entries: today(before.education_entries, 'country'),
    };
    const without = (rows: unknown[], column: string) =>
      rows.map((row) => ({ ...(row as object), [column]: undefined }));
    // The audit events gained columns since (an administrator's note and chosen reason), empty for
    // old events.
    expect(
      after.sharing_audit_events.every(
        (event) =>
          (event as { note: unknown }).note === null &&
          (event as { reason: unknown }).reason === null,
      ),
    ).toBe(true);
    // …and the profiles the name in Latin letters, empty until the person gives it.
    expect(
      after.profiles.every((profile) => (profile as { latin_name: unknown }).latin_name === null),
    ).toBe(true);
    // …and the accounts the hash of a recovery code, which only accounts registered without e-mail have.
    expect(
      after.up_users.every(
        (user) => (user as { recovery_code_hash: unknown }).recovery_code_hash === null,
      ),
    ).toBe(true);
    // …and the credential version, empty (version 0: the sessions issued before stay valid) until
    // the first change of a password, e-mail address or lock.
    expect(
      after.up_users.every(
        (user) => (user as { credential_version: unknown }).credential_version === null,
      ),
    ).toBe(true);
    expect({
      ...after,
      up_users: without(
        without(without(after.up_users, 'username'), 'recovery_code_hash'),
        'credential_version',
      ),
      sharing_audit_events: without(without(after.sharing_audit_events, 'note'), 'reason'),
      profiles: without(after.profiles, 'latin_name'),
    }).toEqual({
      ...was,
      up_users: without(was.up_users, 'username'),
      sharing_audit_events: without(was.sharing_audit_events, 'note'),
      profiles: without(was.profiles, 'latin_name'),
    });
    // The fixture's usernames named the people ("amal"); the site used to register the e-mail address.
    for (const user of after.up_users as Array<{ username: string }>)
      expect(user.username).toMatch(NON_IDENTIFYING_USERNAME);
  });

  it('lets the newcomer log in and read and change her own records', async () => {
    const login = await api(cms, 'POST', '/api/auth/local', {
      body: { identifier: 'amal@upgrade.example', password: PASSWORDS.newcomer },
    });
    expect(login.status).toBe(200);
    const token = login.body.jwt;
    expect((await api(cms, 'GET', '/api/profiles/me', { token })).body.data).toMatchObject({
      givenNames: 'Amal',
      familyName: 'Haddad',
      birthDate: '1994-03-02',
    });
    expect((await api(cms, 'GET', '/api/language-skills', { token })).body.data).toMatchObject([
      { language: 'de', listening: 'B1' },
    ]);
    expect((await api(cms, 'GET', '/api/education-entries', { token })).body.data).toMatchObject([
      { institution: 'مدرسة حلب' },
    ]);

    const grants = (await api(cms, 'GET', '/api/sharing/grants', { token })).body.data;
    expect(
      grants
        .map((grant: { grantee: { name: string }; active: boolean }) => [
          grant.grantee.name,
          grant.active,
        ])
        .sort(),
    ).toEqual([
      ['Jonas Weber', false],
      ['Sabine Keller', true],
    ]);
    const log = (await api(cms, 'GET', '/api/sharing/access-log?pageSize=100', { token })).body
      .data;
    const actions = log.map((event: { action: string }) => event.action);
    expect(actions).toEqual(expect.arrayContaining(['grant.create', 'grant.revoke', 'read']));
    const ownEvents = before.sharing_audit_events_owner_lnk.filter(
      (link) => String((link as { user_id: unknown }).user_id) === String(login.body.user.id),
    );
    expect(log).toHaveLength(ownEvents.length);

    const changed = await api(cms, 'PUT', '/api/profiles/me', {
      token,
      body: { data: { givenNames: 'Amal', familyName: 'Haddad', phone: '+49 170 0000000' } },
    });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect((await api(cms, 'GET', '/api/profiles/me', { token })).body.data.phone).toBe(
      '+49 170 0000000',
    );
  });

  it('keeps the grants working: the grantee reads the record, a revoked grant still shows nothing', async () => {
    const sabine = await adminLogin(cms, 'sabine@upgrade.example', PASSWORDS.staff);
    const shared = (await api(cms, 'GET', '/sharing/shared-with-me', { token: sabine })).body.data;
    expect(shared.map((row: { name: string }) => row.name)).toEqual(['Amal Haddad']);
    const record = (
      await api(cms, 'GET', `/sharing/records/${shared[0].ownerId}`, { token: sabine })
    ).body.data;
    expect(record.sections.map((section: { code: string }) => section.code)).toEqual([
      'profile',
      'languages',
      'education',
    ]);

    const jonas = await adminLogin(cms, 'jonas@upgrade.example', PASSWORDS.staff);
    expect(
      (await api(cms, 'GET', '/sharing/shared-with-me', { token: jonas })).body.data.map(
        (row: { name: string }) => row.name,
      ),
    ).toEqual(['Reza Ahmadi']);
    expect(
      (await api(cms, 'GET', `/sharing/records/${shared[0].ownerId}`, { token: jonas })).status,
    ).toBe(404);
  });

  it('does not run the migration again at the next start', async () => {
    const first = await migrationsRun(cms);
    await cms.stop({ keep: true });
    cms = await startCms(env);
    expect(await migrationsRun(cms)).toEqual(first);
    await expectIndexes(cms);
  });
});
