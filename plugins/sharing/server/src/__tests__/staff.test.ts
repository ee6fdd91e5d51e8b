import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const DAY = 86_400_000;
type Newcomer = Awaited<ReturnType<typeof registerNewcomer>>;

describe('staff workspace', () => {
  let cms: TestCms;
  let sabine: Awaited<ReturnType<typeof createStaff>>;
  let jonas: Awaited<ReturnType<typeof createStaff>>;
  let district: Awaited<ReturnType<typeof createStaff>>;
  let amal: Newcomer;
  let reza: Newcomer;
  let olena: Newcomer;
  const userDocumentId = async (id: number) =>
    (await cms.strapi.db.query('plugin::users-permissions.user').findOne({ where: { id } }))
      .documentId as string;
  // Valid for 60 days: longer than any month, so the grants are still active at the end of this
  // month, which is when the statistics count them (30 days fell short on the 1st of a 31-day month).
  const grant = (
    owner: number,
    grantee: number,
    sections: string[],
    extra: { revokedAt?: Date } = {},
  ) =>
    grantDirectly(cms, {
      owner,
      grantee,
      sections,
      access: 'read',
      purpose: 'Beratung',
      days: 60,
      ...extra,
    });

  beforeAll(async () => {
    cms = await startCms(await freshEnv());
    sabine = await createStaff(cms, 'Sabine');
    jonas = await createStaff(cms, 'Jonas');
    district = await createStaff(cms, 'Petra', 'district-administrator');
    amal = await registerNewcomer(cms);
    reza = await registerNewcomer(cms);
    olena = await registerNewcomer(cms);
    const fill = async (who: Newcomer, given: string, family: string) => {
      await api(cms, 'PUT', '/api/profiles/me', {
        token: who.jwt,
        body: {
          data: {
            givenNames: given,
            familyName: family,
            nationality: 'SY',
            correspondenceLanguages: ['ar', 'de'],
            textLanguage: 'ar',
          },
        },
      });
      await api(cms, 'POST', '/api/language-skills', {
        token: who.jwt,
        body: { data: { language: 'de', listening: 'B1', notes: 'دورة في المدرسة' } },
      });
      await api(cms, 'POST', '/api/education-entries', {
        token: who.jwt,
        body: {
          data: {
            kind: 'university',
            institution: 'جامعة دمشق',
            country: 'SY',
            recognitionStatus: 'inProgress',
          },
        },
      });
      await uploadDocument(cms, who.jwt, Buffer.from('%PDF-1.7\n%%EOF\n'), {
        kind: 'diploma',
        title: 'Diplom',
        fileName: 'diplom.pdf',
      });
    };
    await fill(amal, 'أمل', 'حداد');
    await fill(reza, 'Reza', 'Ahmadi');
    await fill(olena, 'Olena', 'Kovalenko');
    await grant(amal.id, sabine.id, ['profile', 'languages', 'documents']);
    await grant(reza.id, sabine.id, ['languages']);
    await grant(olena.id, sabine.id, ['profile'], { revokedAt: new Date(Date.now() - DAY) });
    await grant(olena.id, jonas.id, ['education']);
  });
  afterAll(() => cms?.stop());

  describe('shared with me', () => {
    it('lists exactly the newcomers with an active grant, by name, never by e-mail', async () => {
      const { status, body } = await api(cms, 'GET', '/sharing/shared-with-me', {
        token: sabine.token,
      });
      expect(status).toBe(200);
      expect(body.data.map((row: { name: string }) => row.name).sort()).toEqual([
        'Reza Ahmadi',
        'أمل حداد',
      ]);
      const amalRow = body.data.find((row: { name: string }) => row.name === 'أمل حداد');
      expect(amalRow).toMatchObject({
        ownerId: await userDocumentId(amal.id),
        sectionLabels: ['Persönliche Daten', 'Sprachkenntnisse', 'Dokumente und Zeugnisse'],
      });
      expect(JSON.stringify(body)).not.toContain('@');
    });

    it('searches and pages', async () => {
      const found = await api(cms, 'GET', '/sharing/shared-with-me?search=reza', {
        token: sabine.token,
      });
      expect(found.body.data.map((row: { name: string }) => row.name)).toEqual(['Reza Ahmadi']);
      const page = await api(cms, 'GET', '/sharing/shared-with-me?page=2&pageSize=1', {
        token: sabine.token,
      });
      expect(page.body.data).toHaveLength(1);
      expect(page.body.meta.pagination).toEqual({ page: 2, pageSize: 1, total: 2, pageCount: 2 });
      expect(
        (await api(cms, 'GET', '/sharing/shared-with-me?pageSize=1000', { token: sabine.token }))
          .status,
      ).toBe(400);
      expect((await api(cms, 'GET', '/sharing/shared-with-me', { token: amal.jwt })).status).toBe(
        401,
      );
    });
  });

  describe('the newcomer’s record', () => {
    it('shows only the granted sections, coded values in German, free text as typed, and audits the view', async () => {
      const before = (await api(cms, 'GET', '/api/sharing/access-log', { token: amal.jwt })).body
        .meta.pagination.total;
      const { status, body } = await api(
        cms,
        'GET',
        `/sharing/records/${await userDocumentId(amal.id)}`,
        { token: sabine.token },
      );
      expect(status).toBe(200);
      expect(body.data.owner.name).toBe('أمل حداد');
      expect(body.data.sections.map((s: { code: string }) => s.code)).toEqual([
        'profile',
        'languages',
        'documents',
      ]);
      const languages = body.data.sections[1].entries[0];
      expect(languages.title).toBe('Deutsch');
      expect(languages.fields).toContainEqual({
        label: 'Hören',
        value: 'B1 – Fortgeschrittene Sprachverwendung',
      });
      expect(languages.fields).toContainEqual({
        label: 'Anmerkungen',
        value: 'دورة في المدرسة',
        dir: 'rtl',
      });
      expect(body.data.sections[0].entries[0].fields).toContainEqual({
        label: 'Staatsangehörigkeit',
        value: 'Syrien',
      });
      // A label the form words as a question to the newcomer reads as a name for staff.
      expect(body.data.sections[0].entries[0].fields).toContainEqual({
        label: 'Korrespondenzsprachen',
        value: 'Arabisch, Deutsch',
      });
      expect(body.data.sections[2].entries[0].download).toMatch(
        /^\/sharing\/documents\/[a-z0-9]{24}\/file$/,
      );
      expect(JSON.stringify(body)).not.toContain('جامعة دمشق');
      const after = (await api(cms, 'GET', '/api/sharing/access-log', { token: amal.jwt })).body;
      expect(after.meta.pagination.total - before).toBe(3);
      expect(
        after.data
          .slice(0, 3)
          .every(
            (event: { action: string; actorName: string }) =>
              event.action === 'read' && event.actorName === 'Sabine Berater',
          ),
      ).toBe(true);
    });

    it('is refused when nothing is shared, revoked or granted to someone else', async () => {
      expect(
        (
          await api(cms, 'GET', `/sharing/records/${await userDocumentId(olena.id)}`, {
            token: sabine.token,
          })
        ).status,
      ).toBe(404);
      expect(
        (
          await api(cms, 'GET', `/sharing/records/${await userDocumentId(amal.id)}`, {
            token: jonas.token,
          })
        ).status,
      ).toBe(404);
      expect(
        (
          await api(cms, 'GET', `/sharing/records/${await userDocumentId(amal.id)}`, {
            token: district.token,
          })
        ).status,
      ).toBe(404);
    });
  });

  it('creates an invitation code with a QR code leading to the site, in no language', async () => {
    const { status, body } = await api(cms, 'POST', '/sharing/invitations', {
      token: sabine.token,
    });
    expect(status).toBe(200);
    expect(body.data.url).toBe(`http://localhost:4321/sharing/invitation?code=${body.data.code}`);
    expect(body.data.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
  });

  describe('statistics', () => {
    // The month the newcomers were registered in, as the statistics count them (the users' createdAt,
    // by UTC month), read when used: a month computed when the file loads is wrong once the clock
    // passes a month's end before the newcomers are registered.
    let month: string;
    const registeredIn = async (newcomer: Newcomer) =>
      new Date(
        (
          await cms.strapi.db
            .query('plugin::users-permissions.user')
            .findOne({ where: { id: newcomer.id }, select: ['createdAt'] })
        ).createdAt,
      )
        .toISOString()
        .slice(0, 7);

    beforeAll(async () => {
      let last = amal;
      for (let i = 0; i < 3; i++) last = await registerNewcomer(cms);
      month = await registeredIn(last);
    });

    it('counts per month and suppresses counts below 5', async () => {
      // All six newcomers in one month; otherwise the counts below would be split across two.
      expect(await registeredIn(amal)).toBe(month);
      const { status, body } = await api(
        cms,
        'GET',
        `/sharing/statistics?from=${month}&to=${month}`,
        { token: district.token },
      );
      expect(status).toBe(200);
      expect(body.data.suppressedBelow).toBe(5);
      const [period] = body.data.periods;
      expect(period.period).toBe(month);
      expect(period.newcomers).toBe(6);
      expect(period.activeGrants).toBeNull();
      expect(period.plans).toBe(0);
    });

    it('downloads as CSV with no name, id or free text', async () => {
      const response = await fetch(
        `${cms.url}/sharing/statistics?from=${month}&to=${month}&format=csv`,
        { headers: { authorization: `Bearer ${district.token}` } },
      );
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/csv');
      const csv = await response.text();
      expect(csv).toContain('Neu registrierte Personen;;;6');
      expect(csv).toContain('< 5');
      for (const secret of ['أمل', 'Reza', 'Olena', '@', 'Beratung'])
        expect(csv).not.toContain(secret);
    });

    it('is for the District administrator, not for integration managers', async () => {
      expect(
        (
          await api(cms, 'GET', `/sharing/statistics?from=${month}&to=${month}`, {
            token: sabine.token,
          })
        ).status,
      ).toBe(403);
      expect(
        (
          await api(cms, 'GET', `/sharing/statistics?from=2020-01&to=2026-01`, {
            token: district.token,
          })
        ).status,
      ).toBe(400);
    });
  });
});
