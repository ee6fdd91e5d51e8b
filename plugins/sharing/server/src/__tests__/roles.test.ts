import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  createStaff,
  freshEnv,
  registerNewcomer,
  startCms,
  type TestCms,
} from '../../../../../cms/test/harness';

describe('District administrator', () => {
  let cms: TestCms;
  let token: string;
  beforeAll(async () => {
    cms = await startCms(await freshEnv());
    token = (await createStaff(cms, 'District', 'district-administrator')).token;
  });
  afterAll(() => cms?.stop());

  it('manages organisations and info pages in every locale', async () => {
    const org = await api(
      cms,
      'POST',
      '/content-manager/collection-types/api::organisation.organisation',
      { token, body: { name: 'Diakonie', kind: 'charity' } },
    );
    expect(org.status).toBe(201);
    const page = await api(
      cms,
      'POST',
      '/content-manager/collection-types/api::info-page.info-page?locale=fa',
      {
        token,
        body: { title: 'کلاس زبان', slug: 'sprachkurse', order: 1 },
      },
    );
    expect(page.status).toBe(201);
    const published = await api(
      cms,
      'POST',
      `/content-manager/collection-types/api::info-page.info-page/${page.body.data.documentId}/actions/publish?locale=fa`,
      { token, body: {} },
    );
    expect(published.status).toBe(200);
    expect((await api(cms, 'GET', '/api/info-pages?locale=fa')).body.data[0].title).toBe(
      'کلاس زبان',
    );
  });

  it('locks and deletes an account on request through account administration, not the Content Manager, which erases its records', async () => {
    const amal = await registerNewcomer(cms);
    await api(cms, 'POST', '/api/language-skills', {
      token: amal.jwt,
      body: { data: { language: 'de' } },
    });
    const user = await cms.strapi.db
      .query('plugin::users-permissions.user')
      .findOne({ where: { id: amal.id } });
    const raw = `/content-manager/collection-types/plugin::users-permissions.user/${user.documentId}`;
    expect((await api(cms, 'PUT', raw, { token, body: { blocked: true } })).status).toBe(403);
    // What only the holder has: the deletion code from their account page, taken before the lock.
    const code = (await api(cms, 'POST', '/api/sharing/account/deletion-code', { token: amal.jwt }))
      .body.data.code as string;
    const reason = { reason: 'request', note: 'Auf Wunsch der Person' };
    expect(
      (
        await api(cms, 'POST', `/sharing/accounts/${user.documentId}/lock`, {
          token,
          body: { data: reason },
        })
      ).status,
    ).toBe(200);
    expect((await api(cms, 'GET', '/api/language-skills', { token: amal.jwt })).status).toBe(401);
    expect(
      (
        await api(cms, 'POST', `/sharing/accounts/${user.documentId}/delete`, {
          token,
          body: { data: { ...reason, code } },
        })
      ).status,
    ).toBe(204);
    expect(await cms.strapi.db.query('api::language-skill.language-skill').count()).toBe(0);
  });

  it('has no permission on any personal content type', async () => {
    const role = await cms.strapi
      .service('admin::role')
      .findOne({ code: 'district-administrator' }, ['permissions']);
    const personal = role.permissions.filter(
      (p: { subject: string | null }) =>
        p.subject &&
        /api::(profile|language-skill|education-entry|employment-entry|document|integration-plan)\./.test(
          p.subject,
        ),
    );
    expect(personal).toEqual([]);
  });
});
