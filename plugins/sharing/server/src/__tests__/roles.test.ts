import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  createStaff,
  freshEnv,
  grantDirectly,
  registerNewcomer,
  startCms,
  type TestCms,
} from '../../../../../cms/test/harness';

// One CMS for the file: each role's tests make their own people.
let cms: TestCms;
beforeAll(async () => {
  cms = await startCms(await freshEnv());
});
afterAll(() => cms?.stop());

describe('District administrator', () => {
  let token: string;
  beforeAll(async () => {
    token = (await createStaff(cms, 'District', 'district-administrator')).token;
  });

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

describe('Integration manager: one door', () => {
  let manager: Awaited<ReturnType<typeof createStaff>>;
  let planId: string;
  const PLANS = '/content-manager/collection-types/api::integration-plan.integration-plan';
  beforeAll(async () => {
    manager = await createStaff(cms, 'Sabine');
    const amal = await registerNewcomer(cms);
    await grantDirectly(cms, {
      owner: amal.id,
      grantee: manager.id,
      sections: ['plans', 'profile'],
      access: 'write',
      purpose: 'Integrationsplan',
      days: 30,
    });
    const owner = await cms.strapi.db
      .query('plugin::users-permissions.user')
      .findOne({ where: { id: amal.id }, select: ['documentId'] });
    // Her own door: the plan editor of MoBio's pages, under the sharing rule.
    const saved = await api(cms, 'PUT', `/sharing/records/${owner.documentId}/plan`, {
      token: manager.token,
      body: { data: { title: 'Integrationsplan', fieldsOfAction: [], reviews: [] } },
    });
    expect(saved.status).toBe(200);
    planId = (
      await cms.strapi.db
        .query('api::integration-plan.integration-plan')
        .findOne({ where: { owner: { id: amal.id } }, select: ['documentId'] })
    ).documentId;
  });

  it('is refused the Content Manager for plans, even of a person who granted her the plan', async () => {
    const body = { title: 'Am Content Manager vorbei' };
    const calls: Array<[string, string, unknown?]> = [
      ['GET', PLANS],
      ['GET', `${PLANS}/${planId}`],
      ['PUT', `${PLANS}/${planId}`, body],
      ['POST', PLANS, body],
      ['GET', '/content-manager/collection-types/api::profile.profile'],
      ['GET', '/content-manager/collection-types/plugin::sharing.catalogue-entry'],
    ];
    for (const [method, path, data] of calls)
      expect(
        (await api(cms, method, path, { token: manager.token, body: data })).status,
        `${method} ${path}`,
      ).toBe(403);
    const plan = await cms.strapi.db
      .query('api::integration-plan.integration-plan')
      .findOne({ where: { documentId: planId }, select: ['title'] });
    expect(plan.title).toBe('Integrationsplan');
  });

  it('holds no permission that would show her the Content Manager, the statistics or account administration', async () => {
    const mine = await api(cms, 'GET', '/admin/users/me/permissions', { token: manager.token });
    expect(mine.status).toBe(200);
    const actions = (mine.body.data as Array<{ action: string }>).map((p) => p.action);
    expect(actions.filter((action) => action.startsWith('plugin::content-manager.'))).toEqual([]);
    expect(actions).not.toContain('plugin::sharing.statistics.read');
    expect(actions).not.toContain('plugin::sharing.accounts.administer');
    // MoBio's own routes for those tabs refuse her as well.
    expect(
      (
        await api(cms, 'GET', '/sharing/statistics?from=2026-01&to=2026-02', {
          token: manager.token,
        })
      ).status,
    ).toBe(403);
  });
});
