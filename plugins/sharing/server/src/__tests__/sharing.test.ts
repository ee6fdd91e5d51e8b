import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  createStaff,
  freshEnv,
  registerNewcomer,
  startCms,
  type TestCms,
} from '../../../../../cms/test/harness';

type Newcomer = Awaited<ReturnType<typeof registerNewcomer>>;

/**
 * A staff member with a directory entry (listed or not) in an organisation of their own. What a
 * grant lets staff see is checked through the Content Manager's door, which of the staff only the
 * super admin still has (integration managers are refused it: roles.test.ts); the sharing rule
 * is the same for both, and the super admin sees nothing without a grant either.
 */
async function makeStaff(cms: TestCms, name: string, listed = false) {
  const staff = await createStaff(cms, name, 'strapi-super-admin');
  const organisation = await cms.strapi
    .documents('api::organisation.organisation')
    .create({ data: { name: `Org ${name}`, kind: 'charity' } as never });
  const listing = await cms.strapi.db.query('plugin::sharing.staff-listing').create({
    data: {
      staff: staff.id,
      displayName: `${name} Berater`,
      organisation: organisation.id,
      municipality: 'Musterstadt',
      listed,
    },
  });
  return { ...staff, listing: listing.documentId as string };
}

describe('sharing', () => {
  let cms: TestCms;
  let amal: Newcomer;
  let reza: Newcomer;
  let sabine: Awaited<ReturnType<typeof makeStaff>>;
  let jonas: Awaited<ReturnType<typeof makeStaff>>;
  let skill: string;
  let rezaEntry: string;

  const log = async (who: Newcomer) =>
    (await api(cms, 'GET', '/api/sharing/access-log?pageSize=100', { token: who.jwt })).body;
  const staffReadsSkill = (staff: { token: string }) =>
    api(
      cms,
      'GET',
      `/content-manager/collection-types/api::language-skill.language-skill/${skill}`,
      { token: staff.token },
    );

  beforeAll(async () => {
    cms = await startCms(await freshEnv());
    amal = await registerNewcomer(cms);
    reza = await registerNewcomer(cms);
    sabine = await makeStaff(cms, 'Sabine', true);
    jonas = await makeStaff(cms, 'Jonas', false);
    skill = (
      await api(cms, 'POST', '/api/language-skills', {
        token: amal.jwt,
        body: { data: { language: 'de', reading: 'B1' } },
      })
    ).body.data.documentId;
    rezaEntry = (
      await api(cms, 'POST', '/api/education-entries', {
        token: reza.jwt,
        body: { data: { kind: 'school', institution: 'X' } },
      })
    ).body.data.documentId;
  });
  afterAll(() => cms?.stop());

  describe('directory', () => {
    it('lists only staff who chose to be listed, with name, organisation and municipality only', async () => {
      const { status, body } = await api(cms, 'GET', '/api/sharing/directory', { token: amal.jwt });
      expect(status).toBe(200);
      expect(body.data).toEqual([
        {
          documentId: sabine.listing,
          name: 'Sabine Berater',
          organisation: 'Org Sabine',
          municipality: 'Musterstadt',
        },
      ]);
      expect(JSON.stringify(body)).not.toContain('@');
    });
    it('is closed to anonymous callers', async () => {
      expect((await api(cms, 'GET', '/api/sharing/directory')).status).toBe(403);
    });
  });

  describe('grants', () => {
    let grantId: string;

    it('are given from the directory, and staff see the granted section from the next request on', async () => {
      expect((await staffReadsSkill(sabine)).status).not.toBe(200);
      const { status, body } = await api(cms, 'POST', '/api/sharing/grants', {
        token: amal.jwt,
        body: {
          data: { grantee: sabine.listing, sections: ['languages'], purpose: 'Sprachkursberatung' },
        },
      });
      expect(status).toBe(200);
      grantId = body.data.documentId;
      expect(body.data).toMatchObject({
        grantee: { name: 'Sabine Berater', organisation: 'Org Sabine' },
        sections: ['languages'],
        access: 'read',
        active: true,
      });
      const days = (new Date(body.data.expiresAt).getTime() - Date.now()) / 86_400_000;
      expect(Math.round(days)).toBe(1095);
      expect((await staffReadsSkill(sabine)).status).toBe(200);
    });

    it('stop access on the very next request when revoked', async () => {
      expect((await staffReadsSkill(sabine)).status).toBe(200);
      expect(
        (await api(cms, 'POST', `/api/sharing/grants/${grantId}/revoke`, { token: amal.jwt }))
          .status,
      ).toBe(204);
      const after = await staffReadsSkill(sabine);
      expect(after.status).not.toBe(200);
      const list = await api(
        cms,
        'GET',
        '/content-manager/collection-types/api::language-skill.language-skill',
        { token: sabine.token },
      );
      expect(JSON.stringify(list.body)).not.toContain(skill);
    });

    it('are given with a one-time invitation code that staff create', async () => {
      const created = await api(cms, 'POST', '/sharing/invitations', { token: jonas.token });
      expect(created.status).toBe(200);
      const code: string = created.body.data.code;
      expect(code).toMatch(/^[A-Z2-9]{5}-[A-Z2-9]{5}-[A-Z2-9]{5}$/);
      const preview = await api(cms, 'GET', `/api/sharing/invitations/${code.toLowerCase()}`, {
        token: amal.jwt,
      });
      expect(preview.body.data).toEqual({ name: 'Jonas Berater', organisation: 'Org Jonas' });
      const data = {
        invitationCode: code,
        sections: ['languages', 'plans'],
        access: 'write',
        purpose: 'Integrationsplan',
      };
      expect(
        (await api(cms, 'POST', '/api/sharing/grants', { token: amal.jwt, body: { data } })).status,
      ).toBe(200);
      expect((await staffReadsSkill(jonas)).status).toBe(200);
      // Used up: neither Amal nor anyone else can use it again.
      expect(
        (await api(cms, 'POST', '/api/sharing/grants', { token: reza.jwt, body: { data } })).status,
      ).toBe(404);
      expect(
        (await api(cms, 'GET', `/api/sharing/invitations/${code}`, { token: reza.jwt })).status,
      ).toBe(404);
    });

    it('refuse a wrong code, write access without plans, and an expiry beyond four years', async () => {
      const bad = [
        { invitationCode: 'ABCDE-FGHJK-MNPQR', sections: ['languages'], purpose: 'x' },
        { grantee: sabine.listing, sections: ['languages'], access: 'write', purpose: 'x' },
        {
          grantee: sabine.listing,
          sections: ['languages'],
          purpose: 'x',
          expiresAt: new Date(Date.now() + 5 * 366 * 86_400_000).toISOString().slice(0, 10),
        },
        {
          grantee: sabine.listing,
          invitationCode: 'ABCDE-FGHJK-MNPQR',
          sections: ['languages'],
          purpose: 'x',
        },
        { grantee: sabine.listing, sections: [], purpose: 'x' },
        { grantee: sabine.listing, sections: ['languages'], purpose: 'x', owner: reza.id },
      ];
      const statuses = [];
      for (const data of bad)
        statuses.push(
          (await api(cms, 'POST', '/api/sharing/grants', { token: amal.jwt, body: { data } }))
            .status,
        );
      expect(statuses).toEqual([404, 400, 400, 400, 400, 400]);
    });

    it('cannot be seen, changed or revoked by another newcomer', async () => {
      const list = await api(cms, 'GET', '/api/sharing/grants', { token: reza.jwt });
      expect(list.body.data).toEqual([]);
      const mine = (await api(cms, 'GET', '/api/sharing/grants', { token: amal.jwt })).body.data;
      const active = mine.find((grant: { active: boolean }) => grant.active);
      expect(
        (
          await api(cms, 'POST', `/api/sharing/grants/${active.documentId}/revoke`, {
            token: reza.jwt,
          })
        ).status,
      ).toBe(404);
      const change = { data: { sections: ['profile'], purpose: 'x' } };
      expect(
        (
          await api(cms, 'PUT', `/api/sharing/grants/${active.documentId}`, {
            token: reza.jwt,
            body: change,
          })
        ).status,
      ).toBe(404);
    });

    it('can be changed by the owner, and the change applies at once', async () => {
      const active = (
        await api(cms, 'GET', '/api/sharing/grants', { token: amal.jwt })
      ).body.data.find((g: { active: boolean }) => g.active);
      const res = await api(cms, 'PUT', `/api/sharing/grants/${active.documentId}`, {
        token: amal.jwt,
        body: { data: { sections: ['profile'], purpose: 'Nur Profil' } },
      });
      expect(res.status).toBe(200);
      expect((await staffReadsSkill(jonas)).status).not.toBe(200);
    });

    it('are all revoked at once with revoke all', async () => {
      await api(cms, 'POST', '/api/sharing/grants', {
        token: amal.jwt,
        body: { data: { grantee: sabine.listing, sections: ['languages'], purpose: 'x' } },
      });
      expect((await staffReadsSkill(sabine)).status).toBe(200);
      const res = await api(cms, 'POST', '/api/sharing/grants/revoke-all', { token: amal.jwt });
      expect(res.body.data.revoked).toBe(2);
      expect((await staffReadsSkill(sabine)).status).not.toBe(200);
      const all = (await api(cms, 'GET', '/api/sharing/grants', { token: amal.jwt })).body.data;
      expect(all.every((grant: { active: boolean }) => !grant.active)).toBe(true);
    });
  });

  describe('access log', () => {
    it('records exactly one event per audited action, readable by the owner only', async () => {
      const before = (await log(amal)).meta.pagination.total;
      const grant = await api(cms, 'POST', '/api/sharing/grants', {
        token: amal.jwt,
        body: {
          data: {
            grantee: sabine.listing,
            sections: ['languages', 'plans'],
            access: 'write',
            purpose: 'Plan',
          },
        },
      });
      expect((await staffReadsSkill(sabine)).status).toBe(200);
      const list = await api(
        cms,
        'GET',
        '/content-manager/collection-types/api::language-skill.language-skill',
        { token: sabine.token },
      );
      expect(list.status).toBe(200);
      const plan = await api(
        cms,
        'POST',
        '/content-manager/collection-types/api::integration-plan.integration-plan',
        {
          token: sabine.token,
          body: {
            version: 1,
            planStatus: 'draft',
            title: 'Plan',
            owner: { connect: [{ id: amal.id }] },
          },
        },
      );
      expect(plan.status).toBe(201);
      await api(cms, 'POST', `/api/sharing/grants/${grant.body.data.documentId}/revoke`, {
        token: amal.jwt,
      });

      const events = (await log(amal)).data
        .slice(0, (await log(amal)).meta.pagination.total - before)
        .reverse();
      expect(
        events.map((e: { action: string; section: string | null; actorKind: string }) => [
          e.action,
          e.section,
          e.actorKind,
        ]),
      ).toEqual([
        ['grant.create', null, 'newcomer'],
        ['read', 'languages', 'staff'],
        ['read', 'languages', 'staff'],
        ['create', 'plans', 'staff'],
        ['grant.revoke', null, 'newcomer'],
      ]);
      expect(events[1].actorName).toBe('Sabine Berater');
      expect(events[1].resourceId).toBe(skill);
      expect((await log(reza)).meta.pagination.total).toBe(0);
    });

    it('has no route that changes or deletes an event', async () => {
      for (const method of ['PUT', 'DELETE', 'POST']) {
        expect(
          (await api(cms, method, '/api/sharing/access-log', { token: amal.jwt })).status,
        ).toBe(405);
      }
    });
  });

  describe('attacks', () => {
    const collections = [
      'language-skills',
      'education-entries',
      'employment-entries',
      'documents',
      'integration-plans',
    ];

    it("cannot reach another newcomer's data through populate or owner filters", async () => {
      for (const collection of collections) {
        for (const query of [
          'populate=*',
          'populate[owner]=true',
          'filters[owner][id][$eq]=1',
          'filters[owner][email][$startsWith]=a',
          'populate[educationEntry][populate]=*',
        ]) {
          const res = await api(cms, 'GET', `/api/${collection}?${query}`, { token: reza.jwt });
          expect(res.status, `${collection}?${query}`).toBeLessThan(500);
          expect(JSON.stringify(res.body), `${collection}?${query}`).not.toContain(amal.email);
          expect(JSON.stringify(res.body), `${collection}?${query}`).not.toContain(skill);
        }
      }
    });

    it("cannot link one's document to another newcomer's entry", async () => {
      const doc = await cms.strapi
        .documents('api::document.document')
        .create({ data: { owner: amal.id, kind: 'certificate', title: 'Zeugnis' } as never });
      const res = await api(cms, 'PUT', `/api/documents/${doc.documentId}`, {
        token: amal.jwt,
        body: { data: { kind: 'certificate', title: 'Zeugnis', educationEntry: rezaEntry } },
      });
      expect(res.status).toBe(400);
      const row = await cms.strapi.db
        .query('api::document.document')
        .findOne({ where: { documentId: doc.documentId }, populate: ['educationEntry'] });
      expect(row.educationEntry).toBeNull();
    });

    it('cannot list or read users', async () => {
      expect((await api(cms, 'GET', '/api/users', { token: amal.jwt })).status).toBe(403);
      expect((await api(cms, 'GET', `/api/users/${reza.id}`, { token: amal.jwt })).status).toBe(
        403,
      );
      const me = await api(cms, 'GET', '/api/users/me', { token: amal.jwt });
      expect(me.body.email).toBe(amal.email);
      expect(JSON.stringify(me.body)).not.toMatch(/password|resetPasswordToken/);
    });

    it('cannot guess documentIds of other records', async () => {
      for (const collection of ['education-entries', 'language-skills']) {
        expect(
          (await api(cms, 'GET', `/api/${collection}/${rezaEntry}`, { token: amal.jwt })).status,
        ).toBe(404);
        expect(
          (
            await api(cms, 'GET', `/api/${collection}/aaaaaaaaaaaaaaaaaaaaaaaa`, {
              token: amal.jwt,
            })
          ).status,
        ).toBe(404);
      }
    });

    it('shows staff no password hash or e-mail of the owner in populated relations', async () => {
      await api(cms, 'POST', '/api/sharing/grants', {
        token: amal.jwt,
        body: { data: { grantee: sabine.listing, sections: ['languages'], purpose: 'x' } },
      });
      const res = await staffReadsSkill(sabine);
      expect(res.status).toBe(200);
      const text = JSON.stringify(res.body);
      expect(text).not.toContain(amal.email);
      expect(text).not.toMatch(/\$2[aby]\$/);
    });
  });
});
