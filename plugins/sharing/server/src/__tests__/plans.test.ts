import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESULTS, hasPoppler, pdfPicture, pdfText } from './helpers/poppler';
import { api, createStaff, freshEnv, registerNewcomer, startCms, type TestCms } from '../../../../../cms/test/harness';

const CM = '/content-manager/collection-types/api::integration-plan.integration-plan';
const DAY = 86_400_000;

describe('integration plan versions and the goal agreement', () => {
  let cms: TestCms;
  let amal: Awaited<ReturnType<typeof registerNewcomer>>;
  let staff: Awaited<ReturnType<typeof createStaff>>;
  let plan: string;

  const content = (situation: string) => ({
    title: 'Integrationsplan 2027',
    fieldsOfAction: [{ field: 'language', situation, goals: [{ description: 'B2 bestehen', status: 'open', dueDate: '2027-06-30' }], measures: [{ description: 'Kurs buchen', responsible: 'newcomer', status: 'open' }] }],
    reviews: [{ date: '2027-03-01' }],
  });
  const save = (data: Record<string, unknown>) => api(cms, 'PUT', `${CM}/${plan}`, { token: staff.token, body: data });
  const versions = async () => (await api(cms, 'GET', '/api/plan-versions', { token: amal.jwt })).body.data;
  const accept = (version: number, who = amal) => api(cms, 'POST', `/api/sharing/plans/${plan}/accept`, { token: who.jwt, body: { data: { version } } });

  beforeAll(async () => {
    cms = await startCms(await freshEnv());
    amal = await registerNewcomer(cms);
    staff = await createStaff(cms, 'Planner');
    await cms.strapi.db.query('plugin::sharing.grant').create({
      data: { owner: amal.id, grantee: staff.id, sections: ['plans'], access: 'write', purpose: 'Integrationsplan', expiresAt: new Date(Date.now() + 30 * DAY) },
    });
    const created = await api(cms, 'POST', CM, { token: staff.token, body: { ...content('B1 erreicht'), version: 1, planStatus: 'draft', owner: { connect: [{ id: amal.id }] } } });
    expect(created.status).toBe(201);
    plan = created.body.data.documentId;
  });
  afterAll(() => cms?.stop());

  it('freezes a version when staff propose the plan, not while it is a draft', async () => {
    expect(await versions()).toEqual([]);
    expect((await save({ ...content('B1 erreicht'), planStatus: 'proposed' })).status).toBe(200);
    const list = await versions();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ version: 1, content: { title: 'Integrationsplan 2027' } });
    expect(list[0].content.fieldsOfAction[0].situation).toBe('B1 erreicht');
    // Saving the same content again makes no new version.
    await save({ ...content('B1 erreicht'), planStatus: 'proposed' });
    expect(await versions()).toHaveLength(1);
  });

  it('is accepted by the newcomer, with time and version, and staff see it', async () => {
    expect((await accept(2)).status).toBe(400);
    const res = await accept(1);
    expect(res.status).toBe(200);
    const seen = await api(cms, 'GET', `${CM}/${plan}`, { token: staff.token });
    expect(seen.body.data).toMatchObject({ planStatus: 'accepted', acceptedVersion: 1 });
    expect(new Date(seen.body.data.acceptedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect((await versions())[0].acceptedAt).toBeTruthy();
    const log = await api(cms, 'GET', '/api/sharing/access-log', { token: amal.jwt });
    expect(log.body.data.map((e: { action: string }) => e.action)).toContain('plan.accept');
  });

  it('cannot be accepted by staff, nor by another newcomer', async () => {
    expect((await save({ ...content('B1 erreicht'), planStatus: 'accepted', acceptedVersion: 5, acceptedAt: new Date().toISOString() })).status).toBe(403);
    const reza = await registerNewcomer(cms);
    expect((await accept(1, reza)).status).toBe(404);
  });

  it('becomes a draft again when what was agreed changes, and the next proposal is version 2', async () => {
    const edited = await save({ ...content('B2-Kurs begonnen'), planStatus: 'accepted', acceptedVersion: 1 });
    expect(edited.status).toBe(200);
    expect((await api(cms, 'GET', `${CM}/${plan}`, { token: staff.token })).body.data.planStatus).toBe('draft');
    await save({ ...content('B2-Kurs begonnen'), planStatus: 'proposed' });
    expect((await versions()).map((v: { version: number }) => v.version).sort()).toEqual([1, 2]);
    expect((await accept(1)).status).toBe(400);
    expect((await accept(2)).status).toBe(200);
  });

  it('keeps versions frozen for everyone', async () => {
    const [first] = await versions();
    const path = `/content-manager/collection-types/api::plan-version.plan-version/${first.documentId}`;
    expect((await api(cms, 'PUT', path, { token: staff.token, body: { version: 9 } })).status).toBeGreaterThanOrEqual(400);
    expect((await api(cms, 'DELETE', path, { token: staff.token })).status).toBeGreaterThanOrEqual(400);
    expect((await api(cms, 'PUT', `/api/plan-versions/${first.documentId}`, { token: amal.jwt, body: { data: { version: 9 } } })).status).toBe(405);
    expect((await versions()).find((v: { documentId: string }) => v.documentId === first.documentId).version).toBe(1);
  });

  // Who may have the PDF is checked on every machine; only reading its text needs poppler.
  it('gives the PDF to the owner and the grantee only', async () => {
    const isPdf = async (response: Response) => {
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(Buffer.from(await response.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    };
    await isPdf(await fetch(`${cms.url}/api/sharing/plans/${plan}/pdf`, { headers: { authorization: `Bearer ${amal.jwt}` } }));
    await isPdf(await fetch(`${cms.url}/sharing/plans/${plan}/pdf?locale=fa`, { headers: { authorization: `Bearer ${staff.token}` } }));
    const other = await createStaff(cms, 'NoPlanGrant');
    expect((await fetch(`${cms.url}/sharing/plans/${plan}/pdf`, { headers: { authorization: `Bearer ${other.token}` } })).status).toBe(404);
    const reza = await registerNewcomer(cms);
    expect((await fetch(`${cms.url}/api/sharing/plans/${plan}/pdf`, { headers: { authorization: `Bearer ${reza.jwt}` } })).status).toBe(404);
    expect((await fetch(`${cms.url}/api/sharing/plans/${plan}/pdf`)).status).toBe(403);
  });

  it.skipIf(!hasPoppler)('prints German beside the newcomer’s language', async () => {
    mkdirSync(RESULTS, { recursive: true });
    await api(cms, 'PUT', '/api/profiles/me', { token: amal.jwt, body: { data: { givenNames: 'أمل', familyName: 'حداد', uiLocale: 'ar' } } });
    const asOwner = await fetch(`${cms.url}/api/sharing/plans/${plan}/pdf`, { headers: { authorization: `Bearer ${amal.jwt}` } });
    expect(asOwner.status).toBe(200);
    const file = join(RESULTS, 'plan-ar.pdf');
    writeFileSync(file, Buffer.from(await asOwner.arrayBuffer()));
    const text = pdfText(file).replace(/\s+/g, ' ');
    for (const expected of ['Integrationsplan und Zielvereinbarung', 'خطة', 'Sprache', 'اللغة', 'B2 bestehen', 'Kurs buchen', 'Offen']) expect(text).toContain(expected);
    pdfPicture(file);
  });
});
