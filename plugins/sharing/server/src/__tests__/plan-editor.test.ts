import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAN_CATALOGUE } from '@mobio/config';
import {
  api,
  createStaff,
  freshEnv,
  registerNewcomer,
  startCms,
  type TestCms,
  grantDirectly,
} from '../../../../../cms/test/harness';

const PLAN = 'api::integration-plan.integration-plan';

/**
 * The plan editor of the staff workspace (/sharing/records/:ownerId/plan): a manager with write
 * access to plans writes, saves and proposes; the newcomer accepts; system fields stay the system's.
 */
describe('the plan editor of the staff workspace', () => {
  let cms: TestCms;
  let amal: Awaited<ReturnType<typeof registerNewcomer>>;
  let writer: Awaited<ReturnType<typeof createStaff>>;
  let reader: Awaited<ReturnType<typeof createStaff>>;
  let stranger: Awaited<ReturnType<typeof createStaff>>;
  let owner: string;

  const content = (situation: string) => ({
    title: 'Integrationsplan 2027',
    fieldsOfAction: [
      {
        field: 'language',
        situation,
        goals: [{ description: 'B2 bestehen', dueDate: '2027-06-30' }],
        measures: [{ description: 'Kurs buchen', responsible: 'newcomer', status: 'open' }],
      },
    ],
    reviews: [{ date: '2027-03-01', note: 'Erste Überprüfung' }],
  });
  const path = () => `/sharing/records/${owner}/plan`;
  const view = (who = writer) => api(cms, 'GET', path(), { token: who.token });
  const save = (data: unknown, who = writer) =>
    api(cms, 'PUT', path(), { token: who.token, body: { data } });
  const propose = (who = writer) =>
    api(cms, 'POST', `${path()}/propose`, { token: who.token, body: {} });
  const stored = () => cms.strapi.db.query(PLAN).findOne({ where: { owner: { id: amal.id } } });
  const accept = (documentId: string, version: number) =>
    api(cms, 'POST', `/api/sharing/plans/${documentId}/accept`, {
      token: amal.jwt,
      body: { data: { version } },
    });

  beforeAll(async () => {
    cms = await startCms(await freshEnv());
    amal = await registerNewcomer(cms);
    [writer, reader, stranger] = await Promise.all([
      createStaff(cms, 'Planner'),
      createStaff(cms, 'Reader'),
      createStaff(cms, 'Stranger'),
    ]);
    owner = (
      await cms.strapi.db
        .query('plugin::users-permissions.user')
        .findOne({ where: { id: amal.id }, select: ['documentId'] })
    ).documentId;
    const grant = (grantee: number, access: 'read' | 'write', sections: string[]) =>
      grantDirectly(cms, {
        owner: amal.id,
        grantee,
        sections,
        access,
        purpose: 'Integrationsplan',
        days: 30,
      });
    await grant(writer.id, 'write', ['plans']);
    await grant(reader.id, 'read', ['plans']);
    await grant(stranger.id, 'read', ['languages']);
  });
  afterAll(() => cms?.stop());

  it('starts a plan for a newcomer who granted plans with write access, as a draft of version 1', async () => {
    const empty = await view();
    expect(empty.status).toBe(200);
    expect(empty.body.data).toMatchObject({ canWrite: true, plan: null, versions: [] });
    const saved = await save(content('B1 erreicht'));
    expect(saved.status).toBe(200);
    expect(saved.body.data.plan).toMatchObject({
      planStatus: 'draft',
      version: 1,
      acceptedAt: null,
      title: 'Integrationsplan 2027',
    });
    expect(saved.body.data.plan.fieldsOfAction[0].goals[0]).toEqual({
      catalogueKey: null,
      description: 'B2 bestehen',
      dueDate: '2027-06-30',
      status: 'open',
    });
    expect(saved.body.data.versions).toEqual([]);
    // The person by their account's documentId only; no database ids, no account fields.
    expect(saved.body.data.owner).toEqual({ id: owner, name: null, locale: 'de' });
    expect(Object.keys(saved.body.data.plan)).not.toEqual(expect.arrayContaining(['id']));
    expect(Object.keys(saved.body.data.plan)).not.toContain('owner');
  });

  it('proposes: the content is frozen as version 1 and the newcomer accepts it; the editor shows when', async () => {
    const proposed = await propose();
    expect(proposed.status).toBe(200);
    expect(proposed.body.data.plan).toMatchObject({ planStatus: 'proposed', version: 1 });
    expect(proposed.body.data.versions).toMatchObject([{ version: 1, acceptedAt: null }]);
    expect((await accept(proposed.body.data.plan.documentId, 1)).status).toBe(200);
    const seen = (await view()).body.data;
    expect(seen.plan).toMatchObject({ planStatus: 'accepted', acceptedVersion: 1 });
    expect(new Date(seen.plan.acceptedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(seen.versions[0].acceptedAt).toBeTruthy();
    // An agreed plan is not proposed again as it is.
    expect((await propose()).status).toBe(400);
  });

  it('prepares a new proposal when an agreed plan changes: draft, then version 2', async () => {
    const saved = await save(content('B2-Kurs begonnen'));
    expect(saved.body.data.plan).toMatchObject({ planStatus: 'draft', acceptedVersion: 1 });
    const proposed = (await propose()).body.data;
    expect(proposed.plan).toMatchObject({ planStatus: 'proposed', version: 2 });
    expect(proposed.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
  });

  it('takes a proposal back to draft when it is changed, and leaves it proposed when saved unchanged', async () => {
    expect((await save(content('B2-Kurs begonnen'))).body.data.plan.planStatus).toBe('proposed');
    expect((await save(content('B2-Kurs abgebrochen'))).body.data.plan.planStatus).toBe('draft');
    expect((await stored()).planStatus).toBe('draft');
  });

  it('never lets staff set what only the system or the newcomer sets', async () => {
    for (const field of [
      'version',
      'planStatus',
      'acceptedAt',
      'acceptedVersion',
      'proposedAt',
      'owner',
    ]) {
      const res = await save({
        ...content('x'),
        [field]: field === 'owner' ? 1 : field === 'planStatus' ? 'accepted' : 3,
      });
      expect(res.status, field).toBe(400);
      expect(JSON.stringify(res.body.error.details.errors)).toContain(
        `error.unknownField:${field}`,
      );
    }
    expect((await stored()).planStatus).toBe('draft');
  });

  it('refuses a version or a proposal date typed into the Content Manager as well', async () => {
    const { documentId, version } = await stored();
    const cm = `/content-manager/collection-types/${PLAN}/${documentId}`;
    // Integration managers have no Content Manager (roles.test.ts); the super admin keeps it, under
    // the same sharing rule, so it needs a plan grant like anyone else.
    expect((await api(cms, 'PUT', cm, { token: writer.token, body: {} })).status).toBe(403);
    const admin = await createStaff(cms, 'Admin', 'strapi-super-admin');
    await grantDirectly(cms, {
      owner: amal.id,
      grantee: admin.id,
      sections: ['plans'],
      access: 'write',
      purpose: 'Integrationsplan',
      days: 30,
    });
    expect(
      (await api(cms, 'PUT', cm, { token: admin.token, body: { version: version + 5 } })).status,
    ).toBe(403);
    expect(
      (
        await api(cms, 'PUT', cm, {
          token: admin.token,
          body: { proposedAt: new Date().toISOString() },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await api(cms, 'PUT', cm, {
          token: admin.token,
          body: { version, notes: 'unverändert gezählt' },
        })
      ).status,
    ).toBe(200);
    expect((await stored()).version).toBe(version);
  });

  it('answers bad input with the field that is wrong, never a 500', async () => {
    const bad = await save({
      fieldsOfAction: [
        { field: 'astrology', goals: [] },
        {
          field: 'work',
          goals: [{ status: 'open' }],
          measures: [{ description: 'x', responsible: 'nobody' }],
        },
      ],
      reviews: [{ date: '2027-02-30' }],
    });
    expect(bad.status).toBe(400);
    const paths = bad.body.error.details.errors.map((e: { path: string[] }) => e.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining([
        'fieldsOfAction.0.field',
        'fieldsOfAction.1.goals.0.description',
        'fieldsOfAction.1.measures.0.responsible',
        'reviews.0.date',
      ]),
    );
    expect((await save({ fieldsOfAction: [{ field: 'work' }, { field: 'work' }] })).status).toBe(
      400,
    );
    expect((await api(cms, 'PUT', path(), { token: writer.token, body: 'nonsense' })).status).toBe(
      400,
    );
  });

  it('takes goals and measures from the catalogue, and refuses a key the catalogue does not have', async () => {
    const fromCatalogue = {
      fieldsOfAction: [
        {
          field: 'vocationalTraining',
          goals: [
            {
              catalogueKey: PLAN_CATALOGUE.find(
                (e) => e.field === 'vocationalTraining' && e.kind === 'goal',
              )!.key,
            },
            { description: 'Eigener Weg' },
          ],
          measures: [
            {
              catalogueKey: PLAN_CATALOGUE.find(
                (e) => e.field === 'vocationalTraining' && e.kind === 'measure',
              )!.key,
              responsible: 'integrationManager',
            },
          ],
        },
      ],
    };
    const saved = await save(fromCatalogue);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(
      saved.body.data.plan.fieldsOfAction[0].goals.map(
        (g: { catalogueKey: string | null }) => g.catalogueKey,
      ),
    ).toEqual([fromCatalogue.fieldsOfAction[0].goals[0].catalogueKey, null]);
    const unknown = await save({
      fieldsOfAction: [{ field: 'work', goals: [{ catalogueKey: 'work.goal.no-such-entry' }] }],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details.errors[0].path).toEqual([
      'fieldsOfAction',
      0,
      'goals',
      0,
      'catalogueKey',
    ]);
    // An entry of another field of action is not this field's goal.
    const elsewhere = await save({
      fieldsOfAction: [
        {
          field: 'work',
          goals: [{ catalogueKey: fromCatalogue.fieldsOfAction[0].goals[0].catalogueKey }],
        },
      ],
    });
    expect(elsewhere.status).toBe(400);
    const catalogue = await api(cms, 'GET', '/sharing/plan-catalogue', { token: writer.token });
    expect(catalogue.body.data.length).toBeGreaterThanOrEqual(PLAN_CATALOGUE.length);
  });

  it('shows a read-only grantee the plan but lets them change nothing', async () => {
    const seen = await view(reader);
    expect(seen.status).toBe(200);
    expect(seen.body.data.canWrite).toBe(false);
    const before = await stored();
    expect((await save(content('gelesen'), reader)).status).toBe(403);
    expect((await propose(reader)).status).toBe(403);
    expect(await stored()).toEqual(before);
  });

  it('is not found for staff without a plans grant, an unknown person or an API token', async () => {
    expect((await view(stranger)).status).toBe(404);
    expect((await save(content('fremd'), stranger)).status).toBe(404);
    expect(
      (await api(cms, 'GET', '/sharing/records/unknownperson123/plan', { token: writer.token }))
        .status,
    ).toBe(404);
    expect((await api(cms, 'GET', path(), {})).status).toBe(401);
  });

  it('writes the staff member’s reads and changes into the newcomer’s access log', async () => {
    const log = (await api(cms, 'GET', '/api/sharing/access-log?pageSize=100', { token: amal.jwt }))
      .body.data as Array<{ action: string; section: string }>;
    const actions = new Set(log.filter((e) => e.section === 'plans').map((e) => e.action));
    expect([...actions]).toEqual(expect.arrayContaining(['read', 'create', 'update']));
  });

  describe('the work list', () => {
    type Item = {
      kind: string;
      ownerId: string | null;
      name: string | null;
      date: string;
      overdue: boolean;
      detail: string;
      link: string | null;
    };
    const DAY = 86_400_000;
    const inDays = (days: number) =>
      new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(
        new Date(Date.now() + days * DAY),
      );
    const documentIdOf = async (id: number) =>
      (
        await cms.strapi.db
          .query('plugin::users-permissions.user')
          .findOne({ where: { id }, select: ['documentId'] })
      ).documentId as string;
    const workList = async (who: { token: string }) => {
      const response = await api(cms, 'GET', '/sharing/work-list', { token: who.token });
      expect(response.status).toBe(200);
      return response.body.data as { since: string; news: Item[]; due: Item[] };
    };
    const dueGoals = (situation: string) => ({
      title: 'Integrationsplan',
      fieldsOfAction: [
        {
          field: 'work',
          situation,
          goals: [
            { description: 'Bewerbungsmappe fertig', dueDate: inDays(5), status: 'open' },
            { description: 'Praktikum gefunden', dueDate: inDays(-3), status: 'inProgress' },
            { description: 'Lebenslauf übersetzt', dueDate: inDays(-1), status: 'achieved' },
            { description: 'Ausbildung begonnen', dueDate: inDays(40), status: 'open' },
          ],
          measures: [
            {
              description: 'Termin Jobcenter',
              responsible: 'newcomer',
              dueDate: inDays(10),
              status: 'open',
            },
          ],
        },
      ],
      reviews: [
        { date: inDays(7), note: '' },
        { date: inDays(-2), note: 'Hat stattgefunden' },
      ],
    });

    let sabine: Awaited<ReturnType<typeof createStaff>>;
    let nour: Awaited<ReturnType<typeof registerNewcomer>>;
    let omar: Awaited<ReturnType<typeof registerNewcomer>>;
    let hidden: Awaited<ReturnType<typeof registerNewcomer>>;
    let ids: { nour: string; omar: string; hidden: string };
    let omarGrant: string;

    beforeAll(async () => {
      sabine = await createStaff(cms, 'Sabine');
      [nour, omar, hidden] = await Promise.all([
        registerNewcomer(cms),
        registerNewcomer(cms),
        registerNewcomer(cms),
      ]);
      ids = {
        nour: await documentIdOf(nour.id),
        omar: await documentIdOf(omar.id),
        hidden: await documentIdOf(hidden.id),
      };
      for (const [person, givenNames, familyName] of [
        [nour, 'نور', 'الأحمد'],
        [hidden, 'Verborgen', 'Niemandsname'],
      ] as const)
        await api(cms, 'PUT', '/api/profiles/me', {
          token: person.jwt,
          body: { data: { givenNames, familyName } },
        });
      const grant = (owner: number, grantee: number, sections: string[], days: number) =>
        grantDirectly(cms, {
          owner,
          grantee,
          sections,
          access: sections.includes('plans') ? 'write' : 'read',
          purpose: 'Beratung',
          days,
        });
      await grant(nour.id, sabine.id, ['plans', 'profile'], 60);
      omarGrant = (await grant(omar.id, sabine.id, ['languages'], 10)).documentId;
      // A person who shares with somebody else only, with a plan as full of due dates.
      await grant(hidden.id, writer.id, ['plans', 'profile'], 60);
      expect(
        (
          await api(cms, 'PUT', `/sharing/records/${ids.hidden}/plan`, {
            token: writer.token,
            body: { data: dueGoals('verborgen') },
          })
        ).status,
      ).toBe(200);
      expect(
        (
          await api(cms, 'PUT', `/sharing/records/${ids.nour}/plan`, {
            token: sabine.token,
            body: { data: dueGoals('Arbeitssuche') },
          })
        ).status,
      ).toBe(200);
      expect(
        (
          await api(cms, 'POST', `/sharing/records/${ids.nour}/plan/propose`, {
            token: sabine.token,
            body: {},
          })
        ).status,
      ).toBe(200);
      const plan = await cms.strapi.db
        .query(PLAN)
        .findOne({ where: { owner: { id: nour.id } }, select: ['documentId', 'version'] });
      const accepted = await api(cms, 'POST', `/api/sharing/plans/${plan.documentId}/accept`, {
        token: nour.jwt,
        body: { data: { version: plan.version } },
      });
      expect(accepted.status).toBe(200);
    });

    it('lists new grants, the accepted plan, what is due or overdue and grants ending soon, each linked', async () => {
      const list = await workList(sabine);
      const news = list.news.map((item) => [item.kind, item.ownerId]);
      expect(news).toEqual(
        expect.arrayContaining([
          ['firstShare', ids.nour],
          ['firstShare', ids.omar],
          ['planAccepted', ids.nour],
        ]),
      );
      expect(list.news.find((item) => item.kind === 'planAccepted')).toMatchObject({
        name: 'نور الأحمد',
        link: 'plan',
      });
      const due = list.due.map((item) => [item.kind, item.date, item.overdue, item.ownerId]);
      expect(due).toEqual(
        [
          ['goalDue', inDays(-3), true, ids.nour],
          ['goalDue', inDays(5), false, ids.nour],
          ['reviewDue', inDays(7), false, ids.nour],
          ['grantEnding', inDays(10), false, ids.omar],
          ['measureDue', inDays(10), false, ids.nour],
        ].sort((a, b) => String(a[1]).localeCompare(String(b[1]))),
      );
      expect(list.due.find((item) => item.kind === 'goalDue')?.detail).toBe(
        'Arbeit: Praktikum gefunden',
      );
      expect(list.due.find((item) => item.kind === 'grantEnding')?.link).toBe('record');
    });

    it('shows nothing of a person who did not share with her', async () => {
      const text = JSON.stringify(await workList(sabine));
      expect(text).not.toContain(ids.hidden);
      expect(text).not.toContain('Niemandsname');
      expect(text).not.toContain('verborgen');
      // The grantee of that person sees the due goals, but nothing of Sabine's people.
      const other = JSON.stringify(await workList(writer));
      expect(other).toContain(ids.hidden);
      expect(other).not.toContain(ids.nour);
      expect(other).not.toContain('الأحمد');
    });

    it('keeps the same "since" within a visit, and names no one after a revocation', async () => {
      const first = await workList(sabine);
      const revocation = await api(cms, 'POST', `/api/sharing/grants/${omarGrant}/revoke`, {
        token: omar.jwt,
        body: {},
      });
      expect(revocation.status).toBe(204);
      const again = await workList(sabine);
      expect(again.since).toBe(first.since);
      const revoked = again.news.find((item) => item.kind === 'grantRevoked');
      expect(revoked).toMatchObject({ ownerId: null, name: null, link: null });
      expect(JSON.stringify(again)).not.toContain(ids.omar);
    });

    it('leaves the look at the plan in the person’s access log, and is for staff only', async () => {
      const reads = async () =>
        (
          (await api(cms, 'GET', '/api/sharing/access-log?pageSize=100', { token: nour.jwt })).body
            .data as Array<{ action: string; section: string }>
        ).filter((e) => e.section === 'plans' && e.action === 'read').length;
      const before = await reads();
      await workList(sabine);
      expect(await reads()).toBe(before + 1);
      expect((await api(cms, 'GET', '/sharing/work-list', { token: nour.jwt })).status).toBe(401);
      expect((await api(cms, 'GET', '/sharing/work-list', {})).status).toBe(401);
    });
  });
});
