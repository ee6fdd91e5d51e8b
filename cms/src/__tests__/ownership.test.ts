import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, registerNewcomer, startCms, type TestCms } from '../../test/harness';

const SKILL = { language: 'de', listening: 'B1', reading: 'A2' };

describe('owner of personal records', () => {
  let cms: TestCms;
  let amal: Awaited<ReturnType<typeof registerNewcomer>>;
  let reza: Awaited<ReturnType<typeof registerNewcomer>>;

  beforeAll(async () => {
    cms = await startCms();
    amal = await registerNewcomer(cms);
    reza = await registerNewcomer(cms);
  });
  afterAll(() => cms?.stop());

  async function ownerOf(uid: string, documentId: string) {
    const row = await cms.strapi.db
      .query(uid)
      .findOne({ where: { documentId }, populate: { owner: { select: ['id'] } } });
    return row?.owner?.id;
  }

  it('is the logged-in newcomer, set by the server on create', async () => {
    const { status, body } = await api(cms, 'POST', '/api/language-skills', {
      token: amal.jwt,
      body: { data: SKILL },
    });
    expect(status).toBe(200);
    expect(body.data.owner).toBeUndefined();
    expect(await ownerOf('api::language-skill.language-skill', body.data.documentId)).toBe(amal.id);
  });

  it('cannot be chosen in the request body on create', async () => {
    for (const owner of [reza.id, { id: reza.id }, { connect: [reza.id] }]) {
      const { status, body } = await api(cms, 'POST', '/api/language-skills', {
        token: amal.jwt,
        body: { data: { ...SKILL, owner } },
      });
      expect(status).toBe(400);
      expect(JSON.stringify(body.error.details)).toContain('owner');
    }
    const count = await cms.strapi.db
      .query('api::language-skill.language-skill')
      .count({ where: { owner: { id: reza.id } } });
    expect(count).toBe(0);
  });

  it('cannot be changed in the request body on update', async () => {
    const created = await api(cms, 'POST', '/api/education-entries', {
      token: amal.jwt,
      body: { data: { kind: 'school', institution: 'Schule' } },
    });
    const id = created.body.data.documentId;
    const { status } = await api(cms, 'PUT', `/api/education-entries/${id}`, {
      token: amal.jwt,
      body: { data: { kind: 'school', institution: 'Schule', owner: reza.id } },
    });
    expect(status).toBe(400);
    expect(await ownerOf('api::education-entry.education-entry', id)).toBe(amal.id);
  });

  it('cannot be chosen for the profile either', async () => {
    const { status } = await api(cms, 'PUT', '/api/profiles/me', {
      token: amal.jwt,
      body: { data: { givenNames: 'A', familyName: 'H', owner: reza.id } },
    });
    expect(status).toBe(400);
    const ok = await api(cms, 'PUT', '/api/profiles/me', {
      token: amal.jwt,
      body: { data: { givenNames: 'Amal', familyName: 'Haddad' } },
    });
    expect(ok.status).toBe(200);
    expect(await ownerOf('api::profile.profile', ok.body.data.documentId)).toBe(amal.id);
    const again = await api(cms, 'PUT', '/api/profiles/me', {
      token: amal.jwt,
      body: { data: { givenNames: 'Amal', familyName: 'Haddad-Nour' } },
    });
    expect(again.body.data.documentId).toBe(ok.body.data.documentId);
    expect(
      (await api(cms, 'GET', '/api/profiles/me', { token: amal.jwt })).body.data.familyName,
    ).toBe('Haddad-Nour');
    expect((await api(cms, 'GET', '/api/profiles/me', { token: reza.jwt })).status).toBe(404);
  });

  it("keeps one newcomer's records out of another's list and out of reach by id", async () => {
    const mine = await api(cms, 'POST', '/api/employment-entries', {
      token: amal.jwt,
      body: { data: { occupation: 'Apothekerin' } },
    });
    const id = mine.body.data.documentId;
    const list = await api(cms, 'GET', '/api/employment-entries', { token: reza.jwt });
    expect(list.status).toBe(200);
    expect(list.body.data).toEqual([]);
    expect(
      (await api(cms, 'GET', `/api/employment-entries/${id}`, { token: reza.jwt })).status,
    ).toBe(404);
    expect(
      (
        await api(cms, 'PUT', `/api/employment-entries/${id}`, {
          token: reza.jwt,
          body: { data: { occupation: 'x' } },
        })
      ).status,
    ).toBe(404);
    expect(
      (await api(cms, 'DELETE', `/api/employment-entries/${id}`, { token: reza.jwt })).status,
    ).toBe(404);
    expect(
      (await api(cms, 'GET', `/api/employment-entries/${id}`, { token: amal.jwt })).status,
    ).toBe(200);
  });

  it('refuses invalid input with the field named and never a 500', async () => {
    const cases: Array<[string, unknown]> = [
      ['/api/language-skills', { data: { language: 'zz', listening: 'Z9' } }],
      [
        '/api/education-entries',
        { data: { kind: 'school', institution: 'X', from: '2020-01-01', to: '2019-01-01' } },
      ],
      ['/api/employment-entries', { data: { occupation: 42 } }],
      ['/api/employment-entries', { nodata: true }],
    ];
    for (const [path, body] of cases) {
      const res = await api(cms, 'POST', path, { token: amal.jwt, body });
      expect(res.status, path).toBe(400);
      expect(res.body.error.name).toBe('ValidationError');
    }
    const malformed = await api(cms, 'POST', '/api/employment-entries', {
      token: amal.jwt,
      raw: '{"data": {',
    });
    expect(malformed.status).toBe(400);
  });
});
