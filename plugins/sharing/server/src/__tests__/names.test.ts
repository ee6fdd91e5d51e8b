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

type Newcomer = Awaited<ReturnType<typeof registerNewcomer>>;
type Staff = Awaited<ReturnType<typeof createStaff>>;

/**
 * Names staff can read (the name in Latin letters beside the name as typed), the access log as
 * visits, and the admin home page, which must not read personal records for staff.
 */
describe('names staff can read, a log a person can read', () => {
  let cms: TestCms;
  let sabine: Staff;
  let jonas: Staff;
  let layla: Newcomer;
  let reza: Newcomer;
  const userDocumentId = async (id: number) =>
    (await cms.strapi.db.query('plugin::users-permissions.user').findOne({ where: { id } }))
      .documentId as string;
  const grant = (owner: number, grantee: number, sections: string[]) =>
    grantDirectly(cms, { owner, grantee, sections, access: 'read', purpose: 'Beratung', days: 30 });
  const names = async (who: Staff, search = '') =>
    (
      await api(cms, 'GET', `/sharing/shared-with-me?search=${encodeURIComponent(search)}`, {
        token: who.token,
      })
    ).body.data.map((row: { name: string }) => row.name);
  const eventsOf = async (who: Newcomer) =>
    (await api(cms, 'GET', '/api/sharing/access-log?pageSize=100', { token: who.jwt })).body
      .data as Array<{ action: string; actorName: string }>;

  beforeAll(async () => {
    cms = await startCms(await freshEnv());
    sabine = await createStaff(cms, 'Sabine');
    jonas = await createStaff(cms, 'Jonas');
    layla = await registerNewcomer(cms);
    reza = await registerNewcomer(cms);
    const saved = await api(cms, 'PUT', '/api/profiles/me', {
      token: layla.jwt,
      body: { data: { givenNames: 'ليلى', familyName: 'حدّاد', latinName: 'Laylā Haddād' } },
    });
    expect(saved.status).toBe(200);
    await api(cms, 'PUT', '/api/profiles/me', {
      token: reza.jwt,
      body: { data: { givenNames: 'رضا', familyName: 'احمدی', latinName: 'Reza Ahmadi' } },
    });
    await api(cms, 'POST', '/api/language-skills', {
      token: layla.jwt,
      body: { data: { language: 'de', listening: 'B1' } },
    });
    await uploadDocument(cms, layla.jwt, Buffer.from('%PDF-1.7\n%%EOF\n'), {
      kind: 'diploma',
      title: 'Diplom',
      fileName: 'diplom.pdf',
    });
    await grant(layla.id, sabine.id, ['profile', 'languages', 'documents']);
    await grant(layla.id, jonas.id, ['languages']);
    await grant(reza.id, sabine.id, ['profile']);
  });
  afterAll(() => cms?.stop());

  describe('the name in Latin letters', () => {
    it('is saved as typed and refused in another script with a message key, keeping nothing half-saved', async () => {
      expect(
        (await api(cms, 'GET', '/api/profiles/me', { token: layla.jwt })).body.data.latinName,
      ).toBe('Laylā Haddād');
      const wrong = await api(cms, 'PUT', '/api/profiles/me', {
        token: layla.jwt,
        body: { data: { givenNames: 'ليلى', familyName: 'حدّاد', latinName: 'ليلى Haddad' } },
      });
      expect(wrong.status).toBe(400);
      expect(wrong.body.error.details.errors).toEqual([
        expect.objectContaining({ path: ['latinName'], message: 'error.latinName' }),
      ]);
      expect(
        (await api(cms, 'GET', '/api/profiles/me', { token: layla.jwt })).body.data.latinName,
      ).toBe('Laylā Haddād');
    });

    it('is shown beside the name as typed to a grantee of the profile, in the list and on the record', async () => {
      expect((await names(sabine)).sort()).toEqual(
        ['ليلى حدّاد (Laylā Haddād)', 'رضا احمدی (Reza Ahmadi)'].sort(),
      );
      const { body } = await api(cms, 'GET', `/sharing/records/${await userDocumentId(layla.id)}`, {
        token: sabine.token,
      });
      expect(body.data.owner.name).toBe('ليلى حدّاد (Laylā Haddād)');
      expect(body.data.sections[0].entries[0].fields).toContainEqual({
        label: 'Name in lateinischen Buchstaben, wie im Pass oder Aufenthaltsdokument',
        value: 'Laylā Haddād',
      });
    });

    it('is not shown to a grantee without the profile section, nor found through it', async () => {
      expect(await names(jonas)).toEqual(['ليلى حدّاد']);
      const { body } = await api(cms, 'GET', `/sharing/records/${await userDocumentId(layla.id)}`, {
        token: jonas.token,
      });
      expect(body.data.owner.name).toBe('ليلى حدّاد');
      expect(JSON.stringify(body)).not.toContain('Layl');
      expect(await names(jonas, 'layla')).toEqual([]);
      expect(await names(jonas, 'ليلى')).toEqual(['ليلى حدّاد']);
    });

    it('finds a person by either spelling, without regard to case or diacritics, and by a spelling variant of the Latin one', async () => {
      for (const search of ['layla', 'HADDAD', 'Laylā Haddād', 'ليلى', 'حدّاد', 'Hadad', 'Leila'])
        expect(await names(sabine, search), search).toEqual(['ليلى حدّاد (Laylā Haddād)']);
      expect(await names(sabine, 'ahmadi')).toEqual(['رضا احمدی (Reza Ahmadi)']);
      expect(await names(sabine, 'hamadi')).toEqual([]);
    });

    it('never reaches the statistics export', async () => {
      const district = await createStaff(cms, 'Petra', 'district-administrator');
      const month = new Date().toISOString().slice(0, 7);
      const response = await fetch(
        `${cms.url}/sharing/statistics?from=${month}&to=${month}&format=csv`,
        { headers: { authorization: `Bearer ${district.token}` } },
      );
      const csv = await response.text();
      expect(response.status).toBe(200);
      for (const name of ['Layl', 'Haddad', 'Ahmadi', 'ليلى', 'رضا'])
        expect(csv).not.toContain(name);
    });
  });

  describe('the access log', () => {
    it('groups a visit: one line for a look at the record and a download, with the single events inside', async () => {
      const fresh = await registerNewcomer(cms);
      await api(cms, 'PUT', '/api/profiles/me', {
        token: fresh.jwt,
        body: { data: { givenNames: 'Aminata', familyName: 'Diallo' } },
      });
      await api(cms, 'POST', '/api/language-skills', {
        token: fresh.jwt,
        body: { data: { language: 'fr', native: true } },
      });
      const { body: upload } = await uploadDocument(
        cms,
        fresh.jwt,
        Buffer.from('%PDF-1.7\n%%EOF\n'),
        { kind: 'diploma', title: 'Diplom', fileName: 'diplom.pdf' },
      );
      await grant(fresh.id, sabine.id, ['profile', 'languages', 'documents']);
      const record = await api(cms, 'GET', `/sharing/records/${await userDocumentId(fresh.id)}`, {
        token: sabine.token,
      });
      const download = record.body.data.sections.find(
        (s: { code: string }) => s.code === 'documents',
      ).entries[0].download;
      expect(download).toContain(upload.data.documentId);
      expect(
        (
          await fetch(`${cms.url}${download}`, {
            headers: { authorization: `Bearer ${sabine.token}` },
          })
        ).status,
      ).toBe(200);

      const { status, body } = await api(cms, 'GET', '/api/sharing/access-log?group=visits', {
        token: fresh.jwt,
      });
      expect(status).toBe(200);
      const visits = body.data.filter(
        (visit: { actorKind: string }) => visit.actorKind === 'staff',
      );
      expect(visits).toHaveLength(1);
      expect(visits[0]).toMatchObject({
        actorName: 'Sabine Berater',
        summary: [
          { action: 'read', sections: ['profile', 'languages', 'documents'] },
          { action: 'download', sections: ['documents'] },
        ],
      });
      expect(visits[0].events.map((event: { action: string }) => event.action)).toEqual([
        'download',
        'read',
        'read',
        'read',
      ]);
      expect(JSON.stringify(body)).not.toContain('actorId');
      // Without grouping, the four events are still there one by one.
      expect((await eventsOf(fresh)).length).toBe(4);
      expect(
        (await api(cms, 'GET', '/api/sharing/access-log?group=days', { token: fresh.jwt })).status,
      ).toBe(400);
    });
  });

  describe('the admin home page', () => {
    it('reads no personal record for staff: its widgets leave no line in anybody’s log', async () => {
      const before = await eventsOf(layla);
      const plans = await api(cms, 'GET', '/sharing/shared-with-me', { token: sabine.token });
      expect(plans.status).toBe(200);
      // What the home page asks for when a staff member logs in.
      for (const path of [
        '/admin/homepage/layout',
        '/admin/homepage/key-statistics',
        '/content-manager/homepage/recent-documents?action=update',
        '/content-manager/homepage/recent-documents?action=publish',
        '/content-manager/homepage/count-documents',
      ]) {
        const { status, body } = await api(cms, 'GET', path, { token: sabine.token });
        expect(status, path).toBeLessThan(500);
        const shown = JSON.stringify(body);
        for (const personal of [
          'api::profile.profile',
          'api::language-skill',
          'api::document.document',
          'ليلى',
          'Layl',
        ])
          expect(shown, path).not.toContain(personal);
      }
      expect(await eventsOf(layla)).toEqual(before);
      // The same staff member still reads the record in MoBio's pages, and that is logged.
      const owner = await cms.strapi.db
        .query('plugin::users-permissions.user')
        .findOne({ where: { id: layla.id }, select: ['documentId'] });
      const record = await api(cms, 'GET', `/sharing/records/${owner.documentId}`, {
        token: sabine.token,
      });
      expect(record.status).toBe(200);
      expect(JSON.stringify(record.body)).toContain('Laylā Haddād');
      expect((await eventsOf(layla)).length).toBeGreaterThan(before.length);
    });
  });
});
