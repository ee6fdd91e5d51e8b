import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { DISTRICT_TIME_ZONE } from '@mobio/config';
import {
  api,
  createStaff,
  freshEnv,
  registerNewcomer,
  startCms,
  uploadDocument,
  type TestCms,
  grantDirectly,
} from '../../../../../cms/test/harness';
import { startSmtp, textOf } from '../../../../../cms/test/smtp';
import { LOCK_NAMESPACE, jobLockKey } from '../job-lock';
import { RETENTION_JOB } from '../services/retention';

const DAY = 86_400_000;

describe('retention', () => {
  let cms: TestCms;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;

  beforeAll(async () => {
    smtp = await startSmtp();
    cms = await startCms(
      await freshEnv({
        SMTP_HOST: '127.0.0.1',
        SMTP_PORT: String(smtp.port),
        RETENTION_INACTIVE_DAYS: '365',
        RETENTION_NOTICE_DAYS: '30',
      }),
    );
  });
  afterAll(async () => {
    await cms?.stop();
    await smtp?.stop();
  });

  const run = (now: Date) => cms.strapi.plugin('sharing').service('retention').run(now);

  it('is scheduled as a Strapi cron job', () => {
    const jobs = (cms.strapi.cron as unknown as { jobs: Array<{ name: string }> }).jobs;
    expect(jobs.map((job) => job.name)).toContain('mobio-retention');
  });

  it('warns an unused account in its language, erases it after the notice period, and spares the active', async () => {
    const reza = await registerNewcomer(cms);
    await api(cms, 'PUT', '/api/profiles/me', {
      token: reza.jwt,
      body: { data: { givenNames: 'رضا', familyName: 'احمدی', uiLocale: 'fa' } },
    });
    await uploadDocument(cms, reza.jwt, Buffer.from('%PDF-1.7\n%%EOF\n'));
    const amal = await registerNewcomer(cms);
    await api(cms, 'GET', '/api/profiles/me', { token: amal.jwt });
    const now = Date.now();

    // A day short of a year: nobody is warned.
    expect((await run(new Date(now + 364 * DAY))).notified).toEqual([]);

    // Amal comes back after 200 days; Reza does not.
    await cms.strapi
      .plugin('sharing')
      .service('retention')
      .touch(amal.id, new Date(now + 200 * DAY));
    const year = await run(new Date(now + 366 * DAY));
    expect(year.notified).toEqual([reza.id]);
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0].to).toBe(reza.email);
    const text = textOf(smtp.mails[0].raw);
    expect(text).toContain('حساب شما و همه اطلاعات');
    expect(text).toContain('/fa/login');
    // Gregorian dates, as in every letter from the district: the erasure date's Gregorian year in
    // Persian digits, not the Persian (Solar Hijri) year. Both come from the run's date, so the check
    // holds in every year.
    const erasureDate = new Date(now + (366 + 30) * DAY);
    const yearIn = (calendar: string) =>
      new Intl.DateTimeFormat('fa', { year: 'numeric', calendar, timeZone: DISTRICT_TIME_ZONE })
        .formatToParts(erasureDate)
        .find((part) => part.type === 'year')!.value;
    expect(yearIn('gregory')).toMatch(/^[۰-۹]{4}$/);
    expect(text).toContain(yearIn('gregory'));
    expect(text).not.toContain(yearIn('persian'));
    const log = await api(cms, 'GET', '/api/sharing/access-log', { token: reza.jwt });
    expect(log.body.data.map((e: { action: string }) => e.action)).toContain('retention.notice');

    // Not yet: the notice period runs 30 days.
    expect((await run(new Date(now + 380 * DAY))).erased).toEqual([]);
    const erasure = await run(new Date(now + 397 * DAY));
    expect(erasure.erased).toEqual([reza.id]);
    expect(
      await cms.strapi.db.query('plugin::users-permissions.user').count({ where: { id: reza.id } }),
    ).toBe(0);
    expect(
      await cms.strapi.db
        .query('api::document.document')
        .count({ where: { owner: { id: reza.id } } }),
    ).toBe(0);
    expect(
      await cms.strapi.db.query('plugin::users-permissions.user').count({ where: { id: amal.id } }),
    ).toBe(1);
  });

  it('writes the notice in Ukrainian to someone who uses MoBio in Ukrainian', async () => {
    const olena = await registerNewcomer(cms);
    const saved = await api(cms, 'PUT', '/api/profiles/me', {
      token: olena.jwt,
      body: { data: { givenNames: 'Олена', familyName: 'Коваленко', uiLocale: 'uk' } },
    });
    expect(saved.status).toBe(200);
    const before = smtp.mails.length;
    await cms.strapi
      .plugin('sharing')
      .service('retention')
      .sendNotice({ id: olena.id, email: olena.email }, new Date('2027-03-01T12:00:00Z'));
    expect(smtp.mails).toHaveLength(before + 1);
    const text = textOf(smtp.mails[before].raw);
    expect(text).toContain('Ви давно не користувалися MoBio');
    expect(text).toContain('1 березня 2027');
    expect(text).toContain('/uk/login');
  });

  it('spares an account that comes back after the notice', async () => {
    const olena = await registerNewcomer(cms);
    const now = Date.now();
    expect((await run(new Date(now + 366 * DAY))).notified).toContain(olena.id);
    await cms.strapi
      .plugin('sharing')
      .service('retention')
      .touch(olena.id, new Date(now + 370 * DAY));
    expect((await run(new Date(now + 400 * DAY))).erased).not.toContain(olena.id);
  });

  it('mails no notice to an account without e-mail (it sees one when logging in) but notes it, and erases it after the notice period', async () => {
    const registered = await api(cms, 'POST', '/api/sharing/auth/register-username', {
      body: { data: { username: `ohne-mail-${Date.now()}`, password: 'Geheim123!' } },
    });
    expect(registered.status).toBe(200);
    const { user } = registered.body.data as { user: { id: number } };
    const now = Date.now();
    const mails = smtp.mails.length;
    const year = await run(new Date(now + 366 * DAY));
    expect(year.notified).toContain(user.id);
    // Mails only to the others warned in the same run, none to an account that has no address.
    expect(smtp.mails.length - mails).toBe(year.notified.length - 1);
    // In the person's log (read from the database: reading it as the person would count as a return).
    expect(
      await cms.strapi.db.query('plugin::sharing.audit-event').count({
        where: { owner: { id: user.id }, action: 'retention.notice' },
      }),
    ).toBe(1);
    expect((await run(new Date(now + 397 * DAY))).erased).toContain(user.id);
  });

  it('marks grants past their expiry as expired, once, in the owner’s log', async () => {
    const aminata = await registerNewcomer(cms);
    const staff = await createStaff(cms, 'Expiring');
    await grantDirectly(cms, {
      owner: aminata.id,
      grantee: staff.id,
      sections: ['languages'],
      access: 'read',
      purpose: 'Kurs',
      days: 10,
    });
    expect((await run(new Date(Date.now() + 5 * DAY))).expiredGrants).toBe(0);
    expect((await run(new Date(Date.now() + 11 * DAY))).expiredGrants).toBe(1);
    expect((await run(new Date(Date.now() + 12 * DAY))).expiredGrants).toBe(0);
    const log = await api(cms, 'GET', '/api/sharing/access-log', { token: aminata.jwt });
    expect(
      log.body.data.filter((e: { action: string }) => e.action === 'grant.expire'),
    ).toHaveLength(1);
  });

  describe('with more than one run at a time', () => {
    const runOnce = (now: Date) => cms.strapi.plugin('sharing').service('retention').runOnce(now);

    async function expiredGrant() {
      const owner = await registerNewcomer(cms);
      const staff = await createStaff(cms, `Lock${Date.now()}`);
      await grantDirectly(cms, {
        owner: owner.id,
        grantee: staff.id,
        sections: ['profile'],
        access: 'read',
        purpose: 'Beratung',
        days: 1,
      });
      return owner;
    }
    const expireEvents = async (owner: { jwt: string }) =>
      (await api(cms, 'GET', '/api/sharing/access-log', { token: owner.jwt })).body.data.filter(
        (e: { action: string }) => e.action === 'grant.expire',
      );

    it('skips a run while the previous one in this process is still going', async () => {
      const owner = await expiredGrant();
      const later = new Date(Date.now() + 2 * DAY);
      const [first, second] = await Promise.all([runOnce(later), runOnce(later)]);
      expect(first?.expiredGrants).toBe(1);
      expect(second).toBeNull();
      expect(await expireEvents(owner)).toHaveLength(1);
    });

    // Another CMS instance on the same PostgreSQL database holds the job's lock while it runs.
    it.skipIf(process.env.DATABASE_CLIENT !== 'postgres')(
      'skips the run while another instance holds the job, and runs once it is done',
      async () => {
        const owner = await expiredGrant();
        const { Client } = createRequire(import.meta.url)('pg');
        const other = new Client({
          host: process.env.DATABASE_HOST ?? '127.0.0.1',
          port: Number(process.env.DATABASE_PORT ?? 5432),
          user: process.env.DATABASE_USERNAME,
          password: process.env.DATABASE_PASSWORD,
          database: cms.env.DATABASE_NAME,
        });
        await other.connect();
        try {
          await other.query('SELECT pg_advisory_lock($1, $2)', [
            LOCK_NAMESPACE,
            jobLockKey(RETENTION_JOB),
          ]);
          expect(await runOnce(new Date(Date.now() + 2 * DAY))).toBeNull();
          expect(await expireEvents(owner)).toHaveLength(0);
        } finally {
          await other.end();
        }
        expect((await runOnce(new Date(Date.now() + 2 * DAY)))?.expiredGrants).toBe(1);
        expect(await expireEvents(owner)).toHaveLength(1);
      },
    );
  });
});
