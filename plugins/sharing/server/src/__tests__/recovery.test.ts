import { clientAddressHeaders } from '@mobio/config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  freshEnv,
  registerNewcomer,
  removeEnv,
  startCms,
  type TestCms,
} from '../../../../../cms/test/harness';
import { startSmtp, textOf } from '../../../../../cms/test/smtp';
import { startStrapi, type StrapiProcess } from './helpers/strapi-process';

/**
 * Registration without an e-mail address: a chosen username, a password and a recovery code shown
 * once. The code sets a new password and is replaced; wrong codes are rate-limited per name and
 * address (in the database); an address can be added later, and then login and reset by e-mail
 * work too. A recovery or a new address ends every other session of the account.
 */

const USER = 'plugin::users-permissions.user';
const PASSWORD = 'Geheim123!';
const WRONG_CODE = 'AAAAA-AAAAA-AAAAA-AAAAA';

/** A POST as the site makes it for a person at `address` (or with other headers, as any client could). */
async function post(
  cms: { url: string },
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: any }> {
  const response = await fetch(cms.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json().catch(() => null) };
}
const from = (address: string, secret = process.env.CLIENT_ADDRESS_SECRET!) =>
  clientAddressHeaders(address, secret);
const recoverAt = (
  cms: { url: string },
  headers: Record<string, string>,
  username: string,
  code: string,
  password = 'Neu-Geheim456',
) => post(cms, '/api/sharing/auth/recover', { data: { username, code, password } }, headers);

describe('accounts without an e-mail address', () => {
  let cms: TestCms;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const login = async (identifier: string, password: string) =>
    (await api(cms, 'POST', '/api/auth/local', { body: { identifier, password } })).status;
  const register = (username: string, password = PASSWORD) =>
    api(cms, 'POST', '/api/sharing/auth/register-username', {
      body: { data: { username, password } },
    });
  const recover = (username: string, code: string, password: string) =>
    api(cms, 'POST', '/api/sharing/auth/recover', { body: { data: { username, code, password } } });

  beforeAll(async () => {
    smtp = await startSmtp();
    cms = await startCms(await freshEnv({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port) }));
  });
  afterAll(async () => {
    await cms?.stop();
    await smtp?.stop();
  });

  it('registers with a chosen username, logs in with it, recovers with the code once, and the old code stops working', async () => {
    const registered = await register('Amal.K');
    expect(registered.status).toBe(200);
    const { jwt, user, recoveryCode } = registered.body.data;
    expect(user).toMatchObject({ username: 'amal.k', email: null });
    expect(recoveryCode).toMatch(/^[A-Z2-9]{5}(-[A-Z2-9]{5}){3}$/);
    const stored = await cms.strapi.db
      .query(USER)
      .findOne({ where: { id: user.id }, select: ['email', 'recoveryCodeHash', 'confirmed'] });
    expect(stored.email).toBeNull();
    expect(stored.confirmed).toBe(true);
    expect(stored.recoveryCodeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(stored)).not.toContain(recoveryCode.replace(/-/g, ''));
    // The session works, and the hash is not in what the API shows of the account.
    const me = await api(cms, 'GET', '/api/users/me', { token: jwt });
    expect(me.status).toBe(200);
    expect(JSON.stringify(me.body)).not.toContain('recoveryCodeHash');
    expect(await login('amal.k', PASSWORD)).toBe(200);

    const recovered = await recover(
      'AMAL.K',
      recoveryCode.toLowerCase().replace(/-/g, ' '),
      'Neu-Geheim456',
    );
    expect(recovered.status).toBe(200);
    const newCode = recovered.body.data.recoveryCode;
    expect(newCode).not.toBe(recoveryCode);
    expect(await login('amal.k', PASSWORD)).toBe(400);
    expect(await login('amal.k', 'Neu-Geheim456')).toBe(200);
    // The old code is used up; the new one works.
    const again = await recover('amal.k', recoveryCode, 'Dritt-Geheim789');
    expect(again.status).toBe(400);
    expect(again.body.error.message).toBe('error.recoveryCode');
    expect((await recover('amal.k', newCode, 'Dritt-Geheim789')).status).toBe(200);
    expect(await login('amal.k', 'Dritt-Geheim789')).toBe(200);
  });

  it('refuses a taken username whatever its case, an e-mail address as username, and bad input with field errors, never a 500', async () => {
    expect((await register('bilal')).status).toBe(200);
    const taken = await register('BILAL');
    expect(taken.status).toBe(400);
    expect(taken.body.error.details.errors).toEqual([
      { path: ['username'], message: 'error.usernameTaken' },
    ]);
    const cases: Array<[unknown, string]> = [
      [{ username: 'bilal@example.test', password: PASSWORD }, 'error.usernameIsEmail'],
      [{ username: 'ab', password: PASSWORD }, 'error.usernameLength'],
      [{ username: 'a b c', password: PASSWORD }, 'error.usernameCharacters'],
      [{ username: 'n-abcdefghijklmnop', password: PASSWORD }, 'error.usernameReserved'],
      [{ username: 'ok-name', password: '' }, 'error.required'],
      [{ username: 'ok-name', password: 'x'.repeat(73) }, 'error.passwordLong'],
    ];
    for (const [data, message] of cases) {
      const res = await api(cms, 'POST', '/api/sharing/auth/register-username', { body: { data } });
      expect(res.status, JSON.stringify(data)).toBe(400);
      expect(res.body.error.details.errors.map((e: { message: string }) => e.message)).toContain(
        message,
      );
    }
    // The username of an account registered through users-permissions (the harness gives it one) is taken too.
    const withEmail = await registerNewcomer(cms);
    const clash = await register(withEmail.email.split('@')[0].toUpperCase());
    expect(clash.body.error?.message).toBe('error.usernameTaken');
    for (const raw of ['{', '[]', '{"data":null}', '{"data":{"username":1,"password":[]}}']) {
      expect((await api(cms, 'POST', '/api/sharing/auth/recover', { raw })).status).toBe(400);
    }
  });

  it('counts wrong codes per name and address: five from one address stop it, the holder’s right code from another still works', async () => {
    const { recoveryCode } = (await register('chiara')).body.data;
    for (let i = 0; i < 5; i++)
      expect((await recoverAt(cms, from('203.0.113.7'), 'chiara', WRONG_CODE)).status).toBe(400);
    expect((await recoverAt(cms, from('203.0.113.7'), 'chiara', recoveryCode)).status).toBe(429);
    // Somebody else's wrong guesses do not make the right code fail.
    expect((await recoverAt(cms, from('198.51.100.4'), 'chiara', recoveryCode)).status).toBe(200);
    expect(await login('chiara', PASSWORD)).toBe(400);
    // An unknown name counts the same and says the same.
    const unknown = await recoverAt(cms, from('198.51.100.4'), 'nobody-here', recoveryCode);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe('error.recoveryCode');
  });

  it('believes a client address only with the secret: a forged X-Forwarded-For or a wrong proof is counted as the peer', async () => {
    const { recoveryCode } = (await register('dilara')).body.data;
    const forged = (i: number): Record<string, string> =>
      i % 2 === 0
        ? {
            'x-forwarded-for': `192.0.2.${i + 1}`,
            'x-real-ip': `192.0.2.${i + 1}`,
            forwarded: `for=192.0.2.${i + 1}`,
          }
        : {
            'x-mobio-client-address': `192.0.2.${i + 1}`,
            'x-mobio-client-proof': 'not-the-secret-at-all',
          };
    for (let i = 0; i < 5; i++)
      expect((await recoverAt(cms, forged(i), 'dilara', WRONG_CODE)).status).toBe(400);
    // Five different "addresses", one client: its sixth try is refused, whatever it names next.
    expect((await recoverAt(cms, forged(6), 'dilara', recoveryCode)).status).toBe(429);
    expect((await recoverAt(cms, from('198.51.100.9'), 'dilara', recoveryCode)).status).toBe(200);
  });

  it('counts guesses sent all at once: of twenty in parallel, five are answered, whatever the case of the name', async () => {
    const { recoveryCode } = (await register('ilse')).body.data;
    const burst = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        recoverAt(cms, from('203.0.113.44'), i % 2 ? 'ILSE' : 'ilse', WRONG_CODE),
      ),
    );
    const statuses = burst.map((answer) => answer.status).sort();
    expect(statuses.filter((status) => status === 400)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(15);
    // A proof with something other than one IP address names nothing: counted as the peer, with
    // the same client's plain tries.
    for (const address of ['203.0.113.45, 203.0.113.46', 'localhost', ''])
      expect(
        (
          await recoverAt(
            cms,
            { ...from('203.0.113.47'), 'x-mobio-client-address': address },
            'ilse',
            WRONG_CODE,
          )
        ).status,
      ).toBe(400);
    for (let i = 0; i < 2; i++)
      expect((await recoverAt(cms, {}, 'ilse', WRONG_CODE)).status).toBe(400);
    expect((await recoverAt(cms, {}, 'ilse', recoveryCode)).status).toBe(429);
    expect((await recoverAt(cms, from('203.0.113.48'), 'ilse', recoveryCode)).status).toBe(200);
  });

  it('stops one address after 100 wrong codes across any names, and only that address', async () => {
    const { recoveryCode } = (await register('emre')).body.data;
    for (let i = 0; i < 100; i++)
      expect(
        (await recoverAt(cms, from('203.0.113.99'), `guess-${i % 20}`, WRONG_CODE)).status,
      ).toBe(400);
    expect((await recoverAt(cms, from('203.0.113.99'), 'emre', recoveryCode)).status).toBe(429);
    expect((await recoverAt(cms, from('203.0.113.100'), 'emre', recoveryCode)).status).toBe(200);
  });

  it('keeps counts only in hashes, and the retention job removes those whose window ended', async () => {
    const rows = await cms.strapi.db.connection('sharing_rate_limits').select('key');
    expect(rows.length).toBeGreaterThan(0);
    const stored = JSON.stringify(rows);
    for (const clear of ['chiara', 'dilara', '203.0.113.7', '127.0.0.1'])
      expect(stored).not.toContain(clear);
    const limits = cms.strapi.plugin('sharing').service('limits');
    const count = async () =>
      (await cms.strapi.db.connection('sharing_rate_limits').select('key')).length;
    // Windows of 15 minutes that began just now: nothing to remove yet.
    await limits.clearExpired(Date.now());
    expect(await count()).toBe(rows.length);
    await limits.clearExpired(Date.now() + 16 * 60_000 + 3_600_000);
    expect(await count()).toBe(0);
  });

  it('ends every other session at a recovery; the device that recovered keeps its new one', async () => {
    const registered = (await register('farid')).body.data;
    const other = (
      await api(cms, 'POST', '/api/auth/local', {
        body: { identifier: 'farid', password: PASSWORD },
      })
    ).body.jwt as string;
    const me = async (token: string) => (await api(cms, 'GET', '/api/users/me', { token })).status;
    expect(await me(registered.jwt)).toBe(200);
    expect(await me(other)).toBe(200);
    const recovered = await recover('farid', registered.recoveryCode, 'Neu-Geheim456');
    expect(recovered.status).toBe(200);
    expect(await me(registered.jwt)).toBe(401);
    expect(await me(other)).toBe(401);
    expect((await api(cms, 'GET', '/api/sharing/overview', { token: other })).status).toBe(401);
    expect(await me(recovered.body.data.jwt)).toBe(200);
  });

  it('takes as long to refuse a login, a recovery or a reset mail for an unknown name as for a known one', async () => {
    await register('gaia');
    // The quickest of six: what the work takes, with the machine's other load mostly left out.
    const timed = async (run: () => Promise<unknown>) => {
      let quickest = Infinity;
      for (let i = 0; i < 6; i++) {
        const start = performance.now();
        await run();
        quickest = Math.min(quickest, performance.now() - start);
      }
      return quickest;
    };
    // Each from its own address: the limits must not be what answers.
    let n = 0;
    const loginAs = (identifier: string) =>
      post(cms, '/api/auth/local', { identifier, password: 'Falsch-123' }, from(`198.18.0.${++n}`));
    const known = await timed(() => loginAs('gaia'));
    const unknown = await timed(() => loginAs('nobody-at-all'));
    // One bcrypt comparison each (tens of milliseconds); without the dummy one an unknown name
    // answered in a fraction of that.
    expect(unknown, `known ${known} ms, unknown ${unknown} ms`).toBeGreaterThan(known / 2);
    expect(known, `known ${known} ms, unknown ${unknown} ms`).toBeGreaterThan(unknown / 2);
    // A recovery compares a hash of the code, for a known name or not: no bcrypt either way.
    const recoverAs = (username: string) =>
      recoverAt(cms, from(`198.18.1.${++n}`), username, WRONG_CODE);
    const knownRecovery = await timed(() => recoverAs('gaia'));
    const unknownRecovery = await timed(() => recoverAs('nobody-at-all'));
    expect(Math.abs(knownRecovery - unknownRecovery)).toBeLessThan(
      Math.max(knownRecovery, unknownRecovery) / 2 + 20,
    );
    // A reset mail is answered before the mail server is asked: with one that takes 400 ms, an
    // address that exists answers as quickly as one that does not (it waited for the mail).
    const { email } = await registerNewcomer(cms);
    smtp.slow.delayMs = 400;
    try {
      const mailTo = (address: string) =>
        post(cms, '/api/auth/forgot-password', { email: address }, from(`198.18.2.${++n}`));
      const knownMail = await timed(() => mailTo(email));
      const unknownMail = await timed(() => mailTo('nobody-at-all@example.test'));
      expect(knownMail, `known ${knownMail} ms, unknown ${unknownMail} ms`).toBeLessThan(
        unknownMail + 200,
      );
      await expect.poll(() => smtp.mails.filter((mail) => mail.to === email).length).toBe(6);
    } finally {
      smtp.slow.delayMs = 0;
    }
  });

  it('takes an e-mail address later; then login and reset by e-mail work too', async () => {
    const { jwt } = (await register('dana')).body.data;
    expect(
      (
        await api(cms, 'POST', '/api/sharing/account/email', {
          body: { data: { email: 'not-an-address' } },
          token: jwt,
        })
      ).status,
    ).toBe(400);
    const taken = await registerNewcomer(cms);
    const clash = await api(cms, 'POST', '/api/sharing/account/email', {
      body: { data: { email: taken.email } },
      token: jwt,
    });
    expect(clash.body.error.details.errors[0].message).toBe('error.emailTaken');
    const added = await api(cms, 'POST', '/api/sharing/account/email', {
      body: { data: { email: 'Dana@Example.test' } },
      token: jwt,
    });
    expect(added.status).toBe(200);
    expect(added.body.data.user.email).toBe('dana@example.test');
    // A new address ends the other sessions: the old JWT is refused, this device's new one works.
    expect((await api(cms, 'GET', '/api/users/me', { token: jwt })).status).toBe(401);
    expect((await api(cms, 'GET', '/api/users/me', { token: added.body.data.jwt })).status).toBe(
      200,
    );
    expect(
      (
        await api(cms, 'POST', '/api/sharing/account/email', {
          body: { data: { email: 'other@example.test' } },
          token: added.body.data.jwt,
        })
      ).status,
    ).toBe(400);
    expect(await login('dana@example.test', PASSWORD)).toBe(200);
    expect(await login('dana', PASSWORD)).toBe(200);
    expect(
      (
        await api(cms, 'POST', '/api/auth/forgot-password', {
          body: { email: 'dana@example.test' },
        })
      ).status,
    ).toBe(200);
    await expect
      .poll(() => smtp.mails.filter((mail) => mail.to === 'dana@example.test').length)
      .toBeGreaterThan(0);
    expect(textOf(smtp.mails.find((mail) => mail.to === 'dana@example.test')!.raw)).toMatch(
      /code=/,
    );
    // Nobody who is not logged in adds an address.
    expect(
      (
        await api(cms, 'POST', '/api/sharing/account/email', {
          body: { data: { email: 'x@example.test' } },
        })
      ).status,
    ).toBe(403);
  });

  it('keeps the registration with e-mail unchanged: the address is still required there', async () => {
    const res = await api(cms, 'POST', '/api/auth/local/register', {
      body: { username: 'n-abcdefghijklmnop', password: PASSWORD },
    });
    expect(res.status).toBe(400);
    expect((await registerNewcomer(cms)).jwt).toBeTruthy();
  });
});

describe('limits of two CMS processes on one database', () => {
  let env: Record<string, string>;
  let a: StrapiProcess | undefined;
  let b: StrapiProcess | undefined;

  beforeAll(async () => {
    env = await freshEnv({ NODE_ENV: 'development' });
    // One after the other: the first creates the tables, the second finds them.
    a = await startStrapi(env);
    b = await startStrapi(env);
  }, 240_000);
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    if (env) await removeEnv(env);
  });

  it('counts wrong codes sent to either process together, and a restart forgets none', async () => {
    const at = (address: string) => from(address, env.CLIENT_ADDRESS_SECRET);
    const registered = await post(a!, '/api/sharing/auth/register-username', {
      data: { username: 'hana', password: PASSWORD },
    });
    expect(registered.status).toBe(200);
    const { recoveryCode } = registered.body.data;
    for (let i = 0; i < 5; i++)
      expect(
        (await recoverAt(i % 2 ? a! : b!, at('203.0.113.50'), 'hana', WRONG_CODE)).status,
      ).toBe(400);
    expect((await recoverAt(a!, at('203.0.113.50'), 'hana', recoveryCode)).status).toBe(429);
    expect((await recoverAt(b!, at('203.0.113.50'), 'hana', recoveryCode)).status).toBe(429);
    await a!.stop();
    a = await startStrapi(env);
    expect((await recoverAt(a, at('203.0.113.50'), 'hana', recoveryCode)).status).toBe(429);
    const other = await recoverAt(a, at('198.51.100.50'), 'hana', recoveryCode);
    expect(other.status).toBe(200);
  }, 120_000);
});
