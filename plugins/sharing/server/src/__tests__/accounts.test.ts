import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminLogin,
  api,
  createStaff,
  freshEnv,
  registerNewcomer,
  startCms,
  type TestCms,
  grantDirectly,
} from '../../../../../cms/test/harness';
import { startSmtp, textOf } from '../../../../../cms/test/smtp';

/**
 * An account is its holder's. Tried the way an administrator with full panel access, or anyone
 * holding an API token, would try to take a newcomer's account over (or a staff member's): every
 * attempt is refused, nothing in the database changes, and the holder's own password still works.
 */

const USER = 'plugin::users-permissions.user';
const CM = `/content-manager/collection-types/${USER}`;
const PASSWORD = 'Geheim123!';
const DAY = 86_400_000;

/** Every change an attacker would make to take an account over or shut its holder out. */
const TAKEOVERS: Record<string, Record<string, unknown>> = {
  password: { password: 'Taken-0ver!' },
  email: { email: 'attacker@evil.example' },
  username: { username: 'attacker' },
  role: { role: 1 },
  provider: { provider: 'github' },
  confirmed: { confirmed: false },
  blocked: { blocked: true },
};

type Attacker = { name: string; token: string; kind: 'admin' | 'token' };

describe('accounts are their holders’', () => {
  let cms: TestCms;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let amal: Awaited<ReturnType<typeof registerNewcomer>>;
  let amalDocumentId: string;
  let manager: Awaited<ReturnType<typeof createStaff>>;
  let district: Awaited<ReturnType<typeof createStaff>>;
  let superAdmin: string;
  const attackers: Attacker[] = [];

  /** The account as it is stored, for comparing before and after an attempt. */
  const stored = async (id: number) =>
    cms.strapi.db.query(USER).findOne({
      where: { id },
      select: ['email', 'username', 'password', 'provider', 'confirmed', 'blocked'],
      populate: { role: { select: ['id'] } },
    });
  const numberOf = async (id: number): Promise<string> =>
    (await cms.strapi.db.query(USER).findOne({ where: { id }, select: ['documentId'] })).documentId;
  /** The newcomer's access log as she reads it: action, reason, own words, who. */
  const logOf = async (jwt: string) =>
    (await api(cms, 'GET', '/api/sharing/access-log', { token: jwt })).body.data.map(
      (event: { action: string; reason: string; note: string; actorName: string }) => [
        event.action,
        event.reason,
        event.note,
        event.actorName,
      ],
    );
  const retention = () => cms.strapi.plugin('sharing').service('retention');
  const logsIn = async (identifier: string, password = PASSWORD) =>
    (await api(cms, 'POST', '/api/auth/local', { body: { identifier, password } })).status === 200;

  beforeAll(async () => {
    smtp = await startSmtp();
    cms = await startCms(
      await freshEnv({
        ADMIN_EMAIL: 'super@admin.example',
        ADMIN_PASSWORD: 'Super1234!',
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(smtp.port),
      }),
    );
    amal = await registerNewcomer(cms);
    amalDocumentId = (
      await cms.strapi.db.query(USER).findOne({ where: { id: amal.id }, select: ['documentId'] })
    ).documentId;
    manager = await createStaff(cms, 'Manager');
    district = await createStaff(cms, 'District', 'district-administrator');
    superAdmin = await adminLogin(cms, 'super@admin.example', 'Super1234!');
    await grantDirectly(cms, {
      owner: amal.id,
      grantee: manager.id,
      sections: ['languages'],
      access: 'read',
      purpose: 'test',
      days: 30,
    });
    const tokens = cms.strapi.service('admin::api-token');
    const token = async (type: string, permissions?: string[]) =>
      (
        await tokens.create({
          name: `${type} token`,
          type,
          lifespan: null,
          kind: 'content-api',
          ...(permissions ? { permissions } : {}),
        })
      ).accessKey as string;
    const userActions = ['find', 'findOne', 'count', 'create', 'update', 'destroy'].map(
      (action) => `plugin::users-permissions.user.${action}`,
    );
    attackers.push(
      { name: 'District administrator', token: district.token, kind: 'admin' },
      { name: 'super admin', token: superAdmin, kind: 'admin' },
      { name: 'full-access token', token: await token('full-access'), kind: 'token' },
      { name: 'read-only token', token: await token('read-only'), kind: 'token' },
      {
        name: 'custom token',
        token: await token('custom', [
          ...userActions,
          'plugin::users-permissions.role.createRole',
          'plugin::users-permissions.role.updateRole',
        ]),
        kind: 'token',
      },
    );
  });
  afterAll(async () => {
    await cms?.stop();
    await smtp?.stop();
  });

  it('lets no administrator or token list or read a newcomer’s account', async () => {
    const leaks: string[] = [];
    for (const attacker of attackers) {
      const paths =
        attacker.kind === 'admin'
          ? [CM, `${CM}/${amalDocumentId}`, `/content-manager/relations/api::profile.profile/owner`]
          : [
              '/api/users',
              `/api/users/${amal.id}`,
              '/api/users/count',
              `/api/users?filters[email][$eq]=${amal.email}`,
            ];
      for (const path of paths) {
        const res = await api(cms, 'GET', path, { token: attacker.token });
        expect(res.status, `${attacker.name} GET ${path}`).toBeLessThan(500);
        const body = JSON.stringify(res.body);
        if (
          res.status === 200 &&
          (body.includes(amal.email) || body.includes(amalDocumentId) || path.endsWith('/count'))
        )
          leaks.push(`${attacker.name}: GET ${path} → ${res.status}`);
      }
    }
    expect(leaks).toEqual([]);
  });

  it('refuses every change of a newcomer’s account by every administrator and token, and her password still works', async () => {
    const before = await stored(amal.id);
    const changed: string[] = [];
    for (const attacker of attackers) {
      for (const [field, data] of Object.entries(TAKEOVERS)) {
        const res =
          attacker.kind === 'admin'
            ? await api(cms, 'PUT', `${CM}/${amalDocumentId}`, {
                token: attacker.token,
                body: data,
              })
            : await api(cms, 'PUT', `/api/users/${amal.id}`, { token: attacker.token, body: data });
        expect(res.status, `${attacker.name} ${field}`).toBeLessThan(500);
        if (JSON.stringify(await stored(amal.id)) !== JSON.stringify(before))
          changed.push(`${attacker.name} changed ${field}`);
      }
      const created =
        attacker.kind === 'admin'
          ? await api(cms, 'POST', CM, {
              token: attacker.token,
              body: {
                username: 'made',
                email: 'made@evil.example',
                password: 'Made1234!',
                confirmed: true,
              },
            })
          : await api(cms, 'POST', '/api/users', {
              token: attacker.token,
              body: {
                username: 'made',
                email: 'made@evil.example',
                password: 'Made1234!',
                role: 1,
              },
            });
      if (
        created.status < 300 ||
        (await cms.strapi.db.query(USER).count({ where: { email: 'made@evil.example' } })) > 0
      )
        changed.push(`${attacker.name} created an account`);
      const deleted =
        attacker.kind === 'admin'
          ? await api(cms, 'DELETE', `${CM}/${amalDocumentId}`, { token: attacker.token })
          : await api(cms, 'DELETE', `/api/users/${amal.id}`, { token: attacker.token });
      expect(deleted.status).toBeLessThan(500);
      if (!(await stored(amal.id))) throw new Error(`${attacker.name} deleted the account`);
    }
    expect(changed).toEqual([]);
    expect(await logsIn(amal.email)).toBe(true);
    expect(await logsIn(amal.email, 'Taken-0ver!')).toBe(false);
  });

  it('gives no administrator or token the chosen username or the recovery hash of an account without e-mail, nor a way to change them', async () => {
    const registered = await api(cms, 'POST', '/api/sharing/auth/register-username', {
      body: { data: { username: 'samira.h', password: PASSWORD } },
    });
    expect(registered.status).toBe(200);
    const { id, documentId } = registered.body.data.user;
    const code = registered.body.data.recoveryCode as string;
    const secret = async () =>
      cms.strapi.db
        .query(USER)
        .findOne({ where: { id }, select: ['username', 'recoveryCodeHash', 'password', 'email'] });
    const before = await secret();
    const leaks: string[] = [];
    for (const attacker of attackers) {
      const reads =
        attacker.kind === 'admin'
          ? [
              CM,
              `${CM}/${documentId}`,
              `${CM}?filters[username][$eq]=samira.h`,
              `${CM}?filters[recoveryCodeHash][$eq]=${before.recoveryCodeHash}`,
              `${CM}?sort=recoveryCodeHash`,
            ]
          : [
              `/api/users/${id}`,
              '/api/users?filters[username][$eq]=samira.h',
              `/api/users?filters[recoveryCodeHash][$eq]=${before.recoveryCodeHash}`,
              '/api/users?sort=recoveryCodeHash:asc',
            ];
      for (const path of reads) {
        const res = await api(cms, 'GET', path, { token: attacker.token });
        expect(res.status, `${attacker.name} GET ${path}`).toBeLessThan(500);
        const body = JSON.stringify(res.body);
        if (
          res.status === 200 &&
          (body.includes('samira.h') ||
            body.includes(before.recoveryCodeHash) ||
            (body.includes(documentId) && !path.startsWith(CM + '?')))
        )
          leaks.push(`${attacker.name}: GET ${path}`);
      }
      for (const data of [
        { username: 'taken.over' },
        { recoveryCodeHash: '0'.repeat(64) },
        { email: 'attacker@evil.example' },
      ]) {
        const res =
          attacker.kind === 'admin'
            ? await api(cms, 'PUT', `${CM}/${documentId}`, { token: attacker.token, body: data })
            : await api(cms, 'PUT', `/api/users/${id}`, { token: attacker.token, body: data });
        expect(res.status).toBeLessThan(500);
      }
      // Neither makes an account or recovers one through the self-service routes with its token.
      const made = await api(cms, 'POST', '/api/sharing/auth/register-username', {
        token: attacker.token,
        body: {
          data: {
            username: `made-${attacker.kind}-${leaks.length}${attacker.name.length}`,
            password: PASSWORD,
          },
        },
      });
      expect(made.status, `${attacker.name} registers`).toBeGreaterThanOrEqual(400);
      expect(made.status).toBeLessThan(500);
      const recovered = await api(cms, 'POST', '/api/sharing/auth/recover', {
        token: attacker.token,
        body: { data: { username: 'samira.h', code, password: 'Taken-0ver!' } },
      });
      expect(recovered.status, `${attacker.name} recovers`).toBeGreaterThanOrEqual(400);
      expect(recovered.status).toBeLessThan(500);
      const email = await api(cms, 'POST', '/api/sharing/account/email', {
        token: attacker.token,
        body: { data: { email: 'attacker@evil.example' } },
      });
      expect(email.status, `${attacker.name} adds an address`).toBeGreaterThanOrEqual(400);
    }
    // Nor through one of her records: no filter or sort on its owner's username or recovery hash.
    expect(
      (
        await api(cms, 'POST', '/api/language-skills', {
          token: registered.body.data.jwt,
          body: { data: { language: 'de', listening: 'A2' } },
        })
      ).status,
    ).toBe(200);
    const SKILLS = '/content-manager/collection-types/api::language-skill.language-skill';
    for (const path of [
      `${SKILLS}?filters[owner][username][$eq]=samira.h`,
      `${SKILLS}?filters[owner][recoveryCodeHash][$eq]=${before.recoveryCodeHash}`,
      `${SKILLS}?sort=owner.recoveryCodeHash:asc`,
    ]) {
      expect((await api(cms, 'GET', path, { token: superAdmin })).status, path).toBe(403);
    }
    expect(leaks).toEqual([]);
    expect(await secret()).toEqual(before);
    expect(await logsIn('samira.h')).toBe(true);
  });

  it('keeps how accounts work out of the admin panel and the API: roles, registration, reset link, providers', async () => {
    const publicRole = await cms.strapi.db
      .query('plugin::users-permissions.role')
      .findOne({ where: { type: 'public' } });
    const advanced = await cms.strapi
      .store({ type: 'plugin', name: 'users-permissions' })
      .get({ key: 'advanced' });
    const attempts = [
      [
        'PUT',
        '/users-permissions/advanced',
        superAdmin,
        { ...(advanced as object), email_reset_password: 'https://evil.example/reset' },
      ],
      [
        'PUT',
        `/users-permissions/roles/${publicRole.id}`,
        superAdmin,
        { name: 'Public', description: 'x', permissions: {} },
      ],
      [
        'POST',
        '/users-permissions/roles',
        superAdmin,
        { name: 'Helper', description: 'x', permissions: {} },
      ],
      ['PUT', '/users-permissions/providers', superAdmin, { providers: {} }],
      ['PUT', '/users-permissions/email-templates', superAdmin, { 'email-templates': {} }],
      [
        'POST',
        '/api/users-permissions/roles',
        attackers[2].token,
        { name: 'Helper', description: 'x', permissions: {} },
      ],
      [
        'PUT',
        `/api/users-permissions/roles/${publicRole.id}`,
        attackers[4].token,
        { name: 'Public', description: 'x', permissions: {} },
      ],
    ] as const;
    for (const [method, path, token, body] of attempts) {
      const res = await api(cms, method, path, { token, body });
      expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBeGreaterThanOrEqual(
        400,
      );
      expect(res.status, `${method} ${path}`).toBeLessThan(500);
    }
    expect(
      await cms.strapi
        .store({ type: 'plugin', name: 'users-permissions' })
        .get({ key: 'advanced' }),
    ).toEqual(advanced);
    expect(
      await cms.strapi.db
        .query('plugin::users-permissions.role')
        .count({ where: { name: 'Helper' } }),
    ).toBe(0);
  });

  it('refuses to set another staff member’s password or e-mail, super admin included, and tells the holder of other changes', async () => {
    const admin = await cms.strapi.db
      .query('admin::user')
      .findOne({ where: { email: 'super@admin.example' } });
    for (const body of [{ password: 'Taken-0ver!' }, { email: 'attacker@evil.example' }]) {
      const res = await api(cms, 'PUT', `/admin/users/${manager.id}`, { token: superAdmin, body });
      expect(res.status, JSON.stringify(body)).toBe(403);
    }
    const districtTry = await api(cms, 'PUT', `/admin/users/${manager.id}`, {
      token: district.token,
      body: { password: 'Taken-0ver!' },
    });
    expect(districtTry.status).toBe(403);
    expect(
      (
        await api(cms, 'POST', '/admin/login', {
          body: { email: manager.email, password: 'Staff1234!' },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await api(cms, 'POST', '/admin/login', {
          body: { email: manager.email, password: 'Taken-0ver!' },
        })
      ).status,
    ).not.toBe(200);

    // The holder changes their own password; an administrator renames the account, and the holder is told.
    const own = await api(cms, 'PUT', '/admin/users/me', {
      token: manager.token,
      body: { currentPassword: 'Staff1234!', password: 'Staff5678!' },
    });
    expect(own.status, JSON.stringify(own.body)).toBe(200);
    manager.token = await adminLogin(cms, manager.email, 'Staff5678!');
    const renamed = await api(cms, 'PUT', `/admin/users/${manager.id}`, {
      token: superAdmin,
      body: { firstname: 'Umbenannt' },
    });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    await expect
      .poll(() => smtp.mails.filter((mail) => mail.to === manager.email).length)
      .toBeGreaterThan(0);
    const mail = smtp.mails.find((m) => m.to === manager.email)!;
    expect(textOf(mail.raw)).toContain('Folgendes geändert: Vorname.');
    expect(smtp.mails.some((m) => m.to === admin.email)).toBe(false);
  });

  it('lets a District administrator find one account by exact e-mail or number, with a reason, and lock and unlock it with a reason the newcomer reads', async () => {
    const reza = await registerNewcomer(cms);
    const rezaNumber = await numberOf(reza.id);
    const why = { reason: 'request', note: 'Am Schalter, Ausweis gesehen' };
    const lookup = (token: string, data: object) =>
      api(cms, 'POST', '/sharing/accounts/lookup', { token, body: { data: { ...why, ...data } } });

    // No list, no partial match, not for an integration manager.
    expect((await lookup(district.token, { email: reza.email.slice(0, 8) })).status).toBe(400);
    expect((await lookup(district.token, { email: `x${reza.email}` })).status).toBe(404);
    expect((await lookup(manager.token, { email: reza.email })).status).toBe(403);
    const found = await lookup(district.token, { email: reza.email.toUpperCase() });
    expect(found.status).toBe(200);
    expect(found.body.data).toEqual({
      accountNumber: rezaNumber,
      createdAt: expect.any(String),
      locked: false,
    });
    expect(JSON.stringify(found.body)).not.toContain(reza.email);
    const spaced = rezaNumber.match(/.{4}/g)!.join(' ');
    expect((await lookup(district.token, { accountNumber: spaced })).body.data.accountNumber).toBe(
      rezaNumber,
    );

    const act = (action: string, data: object, token = district.token) =>
      api(cms, 'POST', `/sharing/accounts/${rezaNumber}/${action}`, { token, body: { data } });
    for (const data of [
      {},
      { note: 'Auf Wunsch, Telefon verloren' },
      { reason: 'whatever' },
      { reason: 'other' },
      { reason: 'other', note: 'x' },
      { reason: 'lostAccess', extra: 1 },
    ])
      expect((await act('lock', data)).status, JSON.stringify(data)).toBe(400);
    const lost = { reason: 'lostAccess', note: 'Telefon verloren' };
    expect((await act('lock', lost, manager.token)).status).toBe(403);
    expect((await act('lock', lost)).body.data.locked).toBe(true);
    const refused = await api(cms, 'POST', '/api/auth/local', {
      body: { identifier: reza.email, password: PASSWORD },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe('Your account has been blocked by an administrator');
    // A session from before the lock ends with it.
    expect((await api(cms, 'GET', '/api/users/me', { token: reza.jwt })).status).toBe(401);

    expect((await act('unlock', { reason: 'other', note: 'Neues Telefon' })).body.data.locked).toBe(
      false,
    );
    // …and stays ended after the unlock: the lost phone's session does not come back.
    expect((await api(cms, 'GET', '/api/users/me', { token: reza.jwt })).status).toBe(401);
    const login = await api(cms, 'POST', '/api/auth/local', {
      body: { identifier: reza.email, password: PASSWORD },
    });
    expect(login.status).toBe(200);
    expect(await logOf(login.body.jwt)).toEqual([
      ['account.unlock', 'other', 'Neues Telefon', 'District Berater'],
      ['account.lock', 'lostAccess', 'Telefon verloren', 'District Berater'],
      ['account.lookup', 'request', 'Am Schalter, Ausweis gesehen', 'District Berater'],
      ['account.lookup', 'request', 'Am Schalter, Ausweis gesehen', 'District Berater'],
    ]);
  });

  it('refuses a lookup without a reason, for the District administrator and the super admin alike', async () => {
    const olga = await registerNewcomer(cms);
    for (const token of [district.token, superAdmin]) {
      for (const data of [
        { email: olga.email },
        { email: olga.email, note: 'nur Text' },
        { email: olga.email, reason: 'other' },
        { email: olga.email, reason: 'curiosity' },
      ]) {
        const res = await api(cms, 'POST', '/sharing/accounts/lookup', { token, body: { data } });
        expect(res.status, JSON.stringify(data)).toBe(400);
      }
    }
    expect(await logOf(olga.jwt)).toEqual([]);
  });

  it('refuses the 21st lookup of a staff account in an hour, counted in the database, super admin included', async () => {
    const other = await createStaff(cms, 'Zweite', 'district-administrator');
    const target = await registerNewcomer(cms);
    for (const token of [other.token, superAdmin]) {
      const statuses: number[] = [];
      for (let i = 0; i < 21; i++) {
        const res = await api(cms, 'POST', '/sharing/accounts/lookup', {
          token,
          // Lookups that find nothing count too: they are what a list of addresses would be tried with.
          body: { data: { reason: 'request', email: i % 2 ? target.email : `n${i}@x.example` } },
        });
        statuses.push(res.status);
      }
      expect(statuses.slice(0, 20).every((status) => status === 200 || status === 404)).toBe(true);
      expect(statuses[20]).toBe(429);
    }
    // Another staff account is not held back by theirs.
    expect(
      (
        await api(cms, 'POST', '/sharing/accounts/lookup', {
          token: district.token,
          body: { data: { reason: 'request', email: target.email } },
        })
      ).status,
    ).toBe(200);
    // The count is in the database (every CMS process and a restart see it), an hour's worth.
    expect(
      await cms.strapi.db
        .query('plugin::sharing.staff-lookup')
        .count({ where: { actorId: other.id } }),
    ).toBe(20);
  });

  it('announces an erasure without the holder’s code instead of erasing: she sees it, reads why, gets a mail and stops it', async () => {
    const olena = await registerNewcomer(cms);
    const number = await numberOf(olena.id);
    for (const token of [district.token, superAdmin]) {
      const res = await api(cms, 'POST', `/sharing/accounts/${number}/delete`, {
        token,
        body: { data: { reason: 'movedAway', note: 'Umzug nach Köln' } },
      });
      expect(res.status).toBe(202);
      expect(new Date(res.body.data.dueAt).getTime() - Date.now()).toBeGreaterThan(29.9 * DAY);
      expect(await cms.strapi.db.query(USER).count({ where: { id: olena.id } })).toBe(1);
    }
    const overview = await api(cms, 'GET', '/api/sharing/overview', { token: olena.jwt });
    expect(overview.body.data.erasure).toEqual({
      dueAt: expect.any(String),
      reason: 'movedAway',
      note: 'Umzug nach Köln',
    });
    // Announced once: the second request kept the first date and wrote no second event.
    expect(await logOf(olena.jwt)).toEqual([
      ['account.erasure.announce', 'movedAway', 'Umzug nach Köln', 'District Berater'],
    ]);
    await expect.poll(() => smtp.mails.filter((mail) => mail.to === olena.email).length).toBe(1);
    const mail = textOf(smtp.mails.find((m) => m.to === olena.email)!.raw);
    expect(mail).toContain('Sie sind aus dem Kreis weggezogen');
    expect(mail).toContain('Umzug nach Köln');

    const stop = await api(cms, 'POST', '/api/sharing/account/erasure/stop', { token: olena.jwt });
    expect(stop.status).toBe(204);
    expect(
      (await api(cms, 'POST', '/api/sharing/account/erasure/stop', { token: olena.jwt })).status,
    ).toBe(404);
    expect(
      (await api(cms, 'GET', '/api/sharing/overview', { token: olena.jwt })).body.data.erasure,
    ).toBeNull();
    const run = await retention().run(new Date(Date.now() + 40 * DAY));
    expect(run.erasedOnRequest).toEqual([]);
    expect(await cms.strapi.db.query(USER).count({ where: { id: olena.id } })).toBe(1);
    expect((await logOf(olena.jwt))[0]).toEqual(['account.erasure.stop', null, null, null]);
  });

  it('erases an announced account when the notice period has passed (retention job)', async () => {
    const ivan = await registerNewcomer(cms);
    await api(cms, 'PUT', '/api/profiles/me', {
      token: ivan.jwt,
      body: { data: { givenNames: 'Ivan', familyName: 'P' } },
    });
    const res = await api(cms, 'POST', `/sharing/accounts/${await numberOf(ivan.id)}/delete`, {
      token: superAdmin,
      body: { data: { reason: 'request' } },
    });
    expect(res.status).toBe(202);
    const due = new Date(res.body.data.dueAt).getTime();
    expect((await retention().run(new Date(due - DAY))).erasedOnRequest).toEqual([]);
    expect(await cms.strapi.db.query(USER).count({ where: { id: ivan.id } })).toBe(1);
    const requests = () => cms.strapi.db.query('plugin::sharing.erasure-request').count();
    const before = await requests();
    expect((await retention().run(new Date(due + 1000))).erasedOnRequest).toEqual([ivan.id]);
    // Nothing of the request stays behind either.
    expect(await requests()).toBe(before - 1);
    expect(await cms.strapi.db.query(USER).count({ where: { id: ivan.id } })).toBe(0);
    expect(
      await cms.strapi.db.query('api::profile.profile').count({ where: { givenNames: 'Ivan' } }),
    ).toBe(0);
  });

  it('ends every other session at a password change or a reset by e-mail; the device that changed it keeps its new one, a reset mail asked for ends none', async () => {
    const sara = await registerNewcomer(cms);
    const me = async (token: string) => (await api(cms, 'GET', '/api/users/me', { token })).status;
    const second = (
      await api(cms, 'POST', '/api/auth/local', {
        body: { identifier: sara.email, password: PASSWORD },
      })
    ).body.jwt as string;
    const changed = await api(cms, 'POST', '/api/auth/change-password', {
      token: sara.jwt,
      body: {
        currentPassword: PASSWORD,
        password: 'Anders-456',
        passwordConfirmation: 'Anders-456',
      },
    });
    expect(changed.status).toBe(200);
    expect(await me(sara.jwt)).toBe(401);
    expect(await me(second)).toBe(401);
    expect(await me(changed.body.jwt)).toBe(200);

    // Anybody may ask for a reset mail: that alone logs nobody out.
    const asked = await api(cms, 'POST', '/api/auth/forgot-password', {
      body: { email: sara.email },
    });
    expect(asked.status).toBe(200);
    await expect.poll(() => smtp.mails.some((mail) => mail.to === sara.email)).toBe(true);
    expect(await me(changed.body.jwt)).toBe(200);
    const code = textOf(smtp.mails.find((mail) => mail.to === sara.email)!.raw).match(
      /code=([0-9a-f]+)/,
    )![1];
    const reset = await api(cms, 'POST', '/api/auth/reset-password', {
      body: { code, password: 'Zurueck-789', passwordConfirmation: 'Zurueck-789' },
    });
    expect(reset.status).toBe(200);
    expect(await me(changed.body.jwt)).toBe(401);
    expect(await me(reset.body.jwt)).toBe(200);
    // A JWT signed with the secret but without the current version is refused too.
    const forged = cms.strapi.plugin('users-permissions').service('jwt').issue({ id: sara.id });
    expect(await me(forged)).toBe(401);
  });

  it('erases at once only with the holder’s deletion code or recovery code, for the super admin too', async () => {
    const olena = await registerNewcomer(cms);
    await api(cms, 'PUT', '/api/profiles/me', {
      token: olena.jwt,
      body: { data: { givenNames: 'Olena', familyName: 'K' } },
    });
    const number = await numberOf(olena.id);
    const issued = await api(cms, 'POST', '/api/sharing/account/deletion-code', {
      token: olena.jwt,
    });
    expect(issued.status).toBe(200);
    const code = issued.body.data.code as string;
    expect(code).toMatch(/^[A-Z0-9]{5}(-[A-Z0-9]{5}){3}$/);
    const remove = (token: string, data: object) =>
      api(cms, 'POST', `/sharing/accounts/${number}/delete`, {
        token,
        body: { data: { reason: 'request', ...data } },
      });
    // A wrong code, an older code, another person's code: nothing happens, not even a notice.
    const older = code;
    const fresh = (
      await api(cms, 'POST', '/api/sharing/account/deletion-code', { token: olena.jwt })
    ).body.data.code as string;
    const other = await registerNewcomer(cms);
    const othersCode = (
      await api(cms, 'POST', '/api/sharing/account/deletion-code', { token: other.jwt })
    ).body.data.code as string;
    for (const wrong of [older, othersCode, 'AAAAA-BBBBB-CCCCC-DDDDD', 'x'])
      expect((await remove(superAdmin, { code: wrong })).status, wrong).toBe(400);
    expect(await cms.strapi.db.query(USER).count({ where: { id: olena.id } })).toBe(1);
    expect(
      (await api(cms, 'GET', '/api/sharing/overview', { token: olena.jwt })).body.data.erasure,
    ).toBeNull();
    // Read out with spaces and in lower case, as a person would.
    expect(
      (await remove(superAdmin, { code: fresh.toLowerCase().replace(/-/g, ' ') })).status,
    ).toBe(204);
    expect(await cms.strapi.db.query(USER).count({ where: { id: olena.id } })).toBe(0);
    expect(
      await cms.strapi.db.query('api::profile.profile').count({ where: { givenNames: 'Olena' } }),
    ).toBe(0);
    expect(await logsIn(olena.email)).toBe(false);

    // An account without an e-mail address: its recovery code confirms as well.
    const registered = await api(cms, 'POST', '/api/sharing/auth/register-username', {
      body: { data: { username: 'karim.d', password: PASSWORD } },
    });
    const { id } = registered.body.data.user;
    const res = await api(cms, 'POST', `/sharing/accounts/${await numberOf(id)}/delete`, {
      token: district.token,
      body: { data: { reason: 'lostAccess', code: registered.body.data.recoveryCode } },
    });
    expect(res.status).toBe(204);
    expect(await cms.strapi.db.query(USER).count({ where: { id } })).toBe(0);
  });

  it('shows staff no e-mail address of a newcomer through a grant', async () => {
    const res = await api(
      cms,
      'GET',
      `/content-manager/collection-types/api::language-skill.language-skill?populate=owner`,
      { token: manager.token },
    );
    expect(res.status).toBeLessThan(500);
    expect(JSON.stringify(res.body)).not.toContain(amal.email);
    const username = (
      await cms.strapi.db.query(USER).findOne({ where: { id: amal.id }, select: ['username'] })
    ).username;
    expect(JSON.stringify(res.body)).not.toContain(username);
  });

  it('refuses the relation picker to accounts and any filter or sort through a record’s owner, to staff and the super admin', async () => {
    expect(
      (
        await api(cms, 'POST', '/api/language-skills', {
          token: amal.jwt,
          body: { data: { language: 'de', listening: 'B1' } },
        })
      ).status,
    ).toBe(200);
    const SKILLS = '/content-manager/collection-types/api::language-skill.language-skill';
    const probes = [
      '/content-manager/relations/api::language-skill.language-skill/owner?pageSize=1&populate[role][populate][0]=users',
      '/content-manager/relations/api::language-skill.language-skill/owner?pageSize=100',
      `${SKILLS}?filters[owner][email][$eq]=${encodeURIComponent(amal.email)}`,
      `${SKILLS}?filters[$or][0][owner][role][users][email][$startsWith]=n`,
      `${SKILLS}?sort=owner.email:asc`,
    ];
    // Integration managers have no Content Manager at all (roles.test.ts); a super admin with a
    // languages grant from Amal has, and may read the list itself, but not through her account.
    expect((await api(cms, 'GET', SKILLS, { token: manager.token })).status).toBe(403);
    const keeper = await createStaff(cms, 'Keeper', 'strapi-super-admin');
    await grantDirectly(cms, {
      owner: amal.id,
      grantee: keeper.id,
      sections: ['languages'],
      access: 'read',
      purpose: 'Sprachkurs',
      days: 1,
    });
    for (const token of [keeper.token, superAdmin]) {
      if (token === keeper.token)
        expect((await api(cms, 'GET', SKILLS, { token })).status).toBe(200);
      for (const path of probes) {
        const res = await api(cms, 'GET', path, { token });
        expect(res.status, path).toBe(403);
        expect(JSON.stringify(res.body)).not.toContain(amal.email);
      }
    }
  });

  it('gives an admin API token nothing of the staff workspace, account administration or accounts', async () => {
    const created = await api(cms, 'POST', '/admin/admin-tokens', {
      token: superAdmin,
      body: {
        name: 'Verwaltungs-Token',
        description: 'test',
        lifespan: null,
        adminPermissions: [
          { action: 'plugin::sharing.accounts.administer' },
          { action: 'plugin::sharing.statistics.read' },
        ],
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const token = created.body.data.accessKey as string;
    for (const [method, path, body] of [
      ['POST', '/sharing/accounts/lookup', { data: { email: amal.email, reason: 'request' } }],
      ['POST', `/sharing/accounts/${amalDocumentId}/lock`, { data: { reason: 'request' } }],
      ['POST', `/sharing/accounts/${amalDocumentId}/delete`, { data: { reason: 'request' } }],
      ['GET', '/sharing/shared-with-me', undefined],
      ['GET', '/sharing/statistics?from=2026-01&to=2026-12', undefined],
      ['GET', CM, undefined],
    ] as const) {
      const res = await api(cms, method, path, { token, body });
      expect([401, 403], `${method} ${path}: ${res.status}`).toContain(res.status);
    }
    expect((await stored(amal.id))!.blocked).toBe(false);
  });

  it('lets administrators create and edit staff accounts through the panel’s forms, and only a super admin make a super admin', async () => {
    const role = await cms.strapi.service('admin::role').findOne({ code: 'integration-manager' });
    const created = await api(cms, 'POST', '/admin/users', {
      token: district.token,
      body: {
        email: 'neu@staff.example',
        firstname: 'Neu',
        lastname: 'Kollegin',
        roles: [role.id],
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    // The edit form sends the unchanged e-mail address with every save.
    const edited = await api(cms, 'PUT', `/admin/users/${created.body.data.id}`, {
      token: district.token,
      body: {
        email: 'neu@staff.example',
        firstname: 'Neue',
        lastname: 'Kollegin',
        roles: [role.id],
        isActive: true,
      },
    });
    expect(edited.status, JSON.stringify(edited.body)).toBe(200);
    const superRole = await cms.strapi.service('admin::role').getSuperAdmin();
    const districtRole = await cms.strapi
      .service('admin::role')
      .findOne({ code: 'district-administrator' });
    const promoted = await api(cms, 'PUT', `/admin/users/${district.id}`, {
      token: district.token,
      body: { roles: [districtRole.id, superRole.id] },
    });
    expect(promoted.status).toBe(403);
    expect(
      (
        await api(cms, 'PUT', `/admin/users/${created.body.data.id}`, {
          token: superAdmin,
          body: { roles: [superRole.id] },
        })
      ).status,
    ).toBe(200);
  });

  it('leaves no default API token behind', async () => {
    expect(
      await cms.strapi.db
        .query('admin::api-token')
        .count({ where: { name: { $in: ['Read Only', 'Full Access'] } } }),
    ).toBe(0);
  });

  it('stops a newcomer guessing invitation codes', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++)
      statuses.push(
        (
          await api(
            cms,
            'GET',
            `/api/sharing/invitations/ABCDE-FGHJK-MNP${String(i).padStart(2, '2').replace(/[01]/g, '2')}`,
            { token: amal.jwt },
          )
        ).status,
      );
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(404));
    expect(statuses.slice(10)).toEqual([429, 429]);
    // Another newcomer is not blocked by her attempts.
    const other = await registerNewcomer(cms);
    expect(
      (await api(cms, 'GET', '/api/sharing/invitations/ABCDE-FGHJK-MNPQR', { token: other.jwt }))
        .status,
    ).toBe(404);
  });

  it('has a row or a named exemption for every account route', () => {
    const tried = new Set([
      'GET /api/users',
      'GET /api/users/:id',
      'GET /api/users/count',
      'PUT /api/users/:id',
      'POST /api/users',
      'DELETE /api/users/:id',
      'POST /api/users-permissions/roles',
      'PUT /api/users-permissions/roles/:role',
      'PUT /users-permissions/advanced',
      'PUT /users-permissions/roles/:role',
      'POST /users-permissions/roles',
      'PUT /users-permissions/providers',
      'PUT /users-permissions/email-templates',
      'PUT /admin/users/:id',
      'PUT /admin/users/me',
    ]);
    const EXEMPT: Record<string, string> = {
      'GET /api/users/me': 'the holder’s own account (Newcomer role only)',
      'DELETE /api/users-permissions/roles/:role':
        'role writes are refused below the route, as the tried PUT/POST show',
      'DELETE /users-permissions/roles/:role':
        'role writes are refused below the route, as the tried PUT/POST show',
      'GET /api/users-permissions/roles': 'roles and their permissions, no account',
      'GET /api/users-permissions/roles/:id': 'roles and their permissions, no account',
      'GET /api/users-permissions/permissions': 'the list of actions, no account',
      'GET /users-permissions/roles': 'roles with a count of accounts per role, no account',
      'GET /users-permissions/roles/:id': 'a role and its permissions, no account',
      'GET /users-permissions/permissions': 'the list of actions, no account',
      'GET /users-permissions/policies': 'the list of policies, no account',
      'GET /users-permissions/routes': 'the list of routes, no account',
      'GET /users-permissions/advanced': 'settings, no account',
      'GET /users-permissions/providers': 'settings, no account',
      'GET /users-permissions/email-templates': 'settings, no account',
      'GET /admin/users': 'staff accounts, listed for administrators by design',
      'GET /admin/users/:id': 'a staff account, for administrators by design',
      'GET /admin/users/me': 'the holder’s own staff account',
      'GET /admin/users/me/permissions': 'the holder’s own permissions',
      'GET /admin/users/me/sessions': 'the holder’s own sessions',
      'DELETE /admin/users/me/sessions': 'the holder ends their own sessions',
      'DELETE /admin/users/me/sessions/:sessionId': 'the holder ends one of their own sessions',
      'POST /admin/users':
        'creates a staff account with a registration link for the holder; no password is set',
      'DELETE /admin/users/:id':
        'deletes a staff account: allowed to administrators, the holder is told',
      'POST /admin/users/batch-delete':
        'deletes staff accounts: allowed to administrators, the holders are told',
    };
    const routes = (cms.strapi.server.listRoutes() as Array<{ path: string; methods: string[] }>)
      .filter((route) =>
        /^\/(api\/users|users-permissions|admin\/users)(\/|$)|^\/api\/users-permissions\//.test(
          route.path,
        ),
      )
      .flatMap((route) =>
        route.methods
          .filter((method) => method !== 'HEAD')
          .map((method) => `${method} ${route.path}`),
      );
    const unaccounted = routes.filter((route) => !tried.has(route) && !(route in EXEMPT));
    expect(unaccounted).toEqual([]);
    expect(routes.length).toBe(new Set(routes).size);
    expect([...tried].filter((route) => !routes.includes(route))).toEqual([]);
  });
});
