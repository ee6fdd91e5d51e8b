import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEASURE_RESPONSIBLES, PLAN_LABELS, districtDay } from '@mobio/config';
import { RESULTS, hasPoppler, pdfPicture, pdfText } from './helpers/poppler';
import {
  api,
  createStaff,
  freshEnv,
  registerNewcomer,
  startCms,
  type TestCms,
  grantDirectly,
} from '../../../../../cms/test/harness';

const CM = '/content-manager/collection-types/api::integration-plan.integration-plan';
const CATALOGUE_CM = '/content-manager/collection-types/plugin::sharing.catalogue-entry';

describe('integration plan versions and the goal agreement', () => {
  let cms: TestCms;
  let amal: Awaited<ReturnType<typeof registerNewcomer>>;
  let staff: Awaited<ReturnType<typeof createStaff>>;
  let plan: string;

  const content = (situation: string) => ({
    title: 'Integrationsplan 2027',
    fieldsOfAction: [
      {
        field: 'language',
        situation,
        goals: [{ description: 'B2 bestehen', status: 'open', dueDate: '2027-06-30' }],
        measures: [{ description: 'Kurs buchen', responsible: 'newcomer', status: 'open' }],
      },
    ],
    reviews: [{ date: '2027-03-01' }],
  });
  const save = (data: Record<string, unknown>) =>
    api(cms, 'PUT', `${CM}/${plan}`, { token: staff.token, body: data });
  const versions = async () =>
    (await api(cms, 'GET', '/api/plan-versions', { token: amal.jwt })).body.data;
  const accept = (version: number, who = amal) =>
    api(cms, 'POST', `/api/sharing/plans/${plan}/accept`, {
      token: who.jwt,
      body: { data: { version } },
    });

  beforeAll(async () => {
    cms = await startCms(await freshEnv());
    amal = await registerNewcomer(cms);
    // Versioning is enforced below the Content Manager too; of the staff, only the super admin still
    // has it (under the same sharing rule, so with a grant). Integration managers write plans in
    // the plan editor (plan-editor.test.ts) and are refused the Content Manager (roles.test.ts).
    staff = await createStaff(cms, 'Planner', 'strapi-super-admin');
    await grantDirectly(cms, {
      owner: amal.id,
      grantee: staff.id,
      sections: ['plans'],
      access: 'write',
      purpose: 'Integrationsplan',
      days: 30,
    });
    const created = await api(cms, 'POST', CM, {
      token: staff.token,
      body: {
        ...content('B1 erreicht'),
        version: 1,
        planStatus: 'draft',
        owner: { connect: [{ id: amal.id }] },
      },
    });
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
    expect(
      (
        await save({
          ...content('B1 erreicht'),
          planStatus: 'accepted',
          acceptedVersion: 5,
          acceptedAt: new Date().toISOString(),
        })
      ).status,
    ).toBe(403);
    const reza = await registerNewcomer(cms);
    expect((await accept(1, reza)).status).toBe(404);
  });

  it('becomes a draft again when what was agreed changes, and the next proposal is version 2', async () => {
    const edited = await save({
      ...content('B2-Kurs begonnen'),
      planStatus: 'accepted',
      acceptedVersion: 1,
    });
    expect(edited.status).toBe(200);
    expect(
      (await api(cms, 'GET', `${CM}/${plan}`, { token: staff.token })).body.data.planStatus,
    ).toBe('draft');
    await save({ ...content('B2-Kurs begonnen'), planStatus: 'proposed' });
    expect((await versions()).map((v: { version: number }) => v.version).sort()).toEqual([1, 2]);
    expect((await accept(1)).status).toBe(400);
    expect((await accept(2)).status).toBe(200);
  });

  it('keeps versions frozen for everyone', async () => {
    const [first] = await versions();
    const path = `/content-manager/collection-types/api::plan-version.plan-version/${first.documentId}`;
    expect(
      (await api(cms, 'PUT', path, { token: staff.token, body: { version: 9 } })).status,
    ).toBeGreaterThanOrEqual(400);
    expect((await api(cms, 'DELETE', path, { token: staff.token })).status).toBeGreaterThanOrEqual(
      400,
    );
    expect(
      (
        await api(cms, 'PUT', `/api/plan-versions/${first.documentId}`, {
          token: amal.jwt,
          body: { data: { version: 9 } },
        })
      ).status,
    ).toBe(405);
    expect(
      (await versions()).find((v: { documentId: string }) => v.documentId === first.documentId)
        .version,
    ).toBe(1);
  });

  // Who may have the PDF is checked on every machine; only reading its text needs poppler.
  it('gives the PDF to the owner and the grantee only', async () => {
    const isPdf = async (response: Response) => {
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(
        Buffer.from(await response.arrayBuffer())
          .subarray(0, 5)
          .toString(),
      ).toBe('%PDF-');
    };
    await isPdf(
      await fetch(`${cms.url}/api/sharing/plans/${plan}/pdf`, {
        headers: { authorization: `Bearer ${amal.jwt}` },
      }),
    );
    await isPdf(
      await fetch(`${cms.url}/sharing/plans/${plan}/pdf?locale=fa`, {
        headers: { authorization: `Bearer ${staff.token}` },
      }),
    );
    const other = await createStaff(cms, 'NoPlanGrant');
    expect(
      (
        await fetch(`${cms.url}/sharing/plans/${plan}/pdf`, {
          headers: { authorization: `Bearer ${other.token}` },
        })
      ).status,
    ).toBe(404);
    const reza = await registerNewcomer(cms);
    expect(
      (
        await fetch(`${cms.url}/api/sharing/plans/${plan}/pdf`, {
          headers: { authorization: `Bearer ${reza.jwt}` },
        })
      ).status,
    ).toBe(404);
    expect((await fetch(`${cms.url}/api/sharing/plans/${plan}/pdf`)).status).toBe(403);
  });

  it.skipIf(!hasPoppler)('prints German beside the newcomer’s language', async () => {
    mkdirSync(RESULTS, { recursive: true });
    await api(cms, 'PUT', '/api/profiles/me', {
      token: amal.jwt,
      body: {
        data: { givenNames: 'أمل', familyName: 'حداد', latinName: 'Amal Haddad', uiLocale: 'ar' },
      },
    });
    const asOwner = await fetch(`${cms.url}/api/sharing/plans/${plan}/pdf`, {
      headers: { authorization: `Bearer ${amal.jwt}` },
    });
    expect(asOwner.status).toBe(200);
    const file = join(RESULTS, 'plan-ar.pdf');
    writeFileSync(file, Buffer.from(await asOwner.arrayBuffer()));
    const text = pdfText(file).replace(/\s+/g, ' ');
    for (const expected of [
      'Integrationsplan und Zielvereinbarung',
      'Amal Haddad',
      'خطة',
      'Sprache',
      'اللغة',
      'B2 bestehen',
      'Kurs buchen',
      'Offen',
    ])
      expect(text).toContain(expected);
    pdfPicture(file);
  });

  it.skipIf(!hasPoppler)('prints German beside Ukrainian, in Cyrillic', async () => {
    mkdirSync(RESULTS, { recursive: true });
    const profile = (uiLocale: string) =>
      api(cms, 'PUT', '/api/profiles/me', {
        token: amal.jwt,
        body: {
          data: { givenNames: 'أمل', familyName: 'حداد', latinName: 'Amal Haddad', uiLocale },
        },
      });
    await profile('uk');
    const response = await fetch(`${cms.url}/api/sharing/plans/${plan}/pdf`, {
      headers: { authorization: `Bearer ${amal.jwt}` },
    });
    expect(response.status).toBe(200);
    const file = join(RESULTS, 'plan-uk.pdf');
    writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    const text = pdfText(file).replace(/\s+/g, ' ');
    for (const expected of [
      'Integrationsplan und Zielvereinbarung',
      'Інтеграційний план',
      'Sprache',
      'Мова',
      'Offen',
      'Відкрито',
      // The measure is hers: "you" in Ukrainian, the German side for the office.
      'Neuzugewanderte Person',
      PLAN_LABELS.you.uk,
    ])
      expect(text).toContain(expected);
    expect(text).not.toContain(MEASURE_RESPONSIBLES.label('newcomer', 'uk'));
    pdfPicture(file);
    await profile('ar');
  });

  it.skipIf(!hasPoppler)(
    'gives staff the PDF named after the person and the day, with office, contact, page numbers and signature lines, logged as a download',
    async () => {
      mkdirSync(RESULTS, { recursive: true });
      await api(cms, 'PUT', '/api/profiles/me', {
        token: amal.jwt,
        body: {
          data: { givenNames: 'أمل', familyName: 'حداد', latinName: 'Amal Haddad', uiLocale: 'de' },
        },
      });
      const log = async () =>
        (await api(cms, 'GET', '/api/sharing/access-log', { token: amal.jwt })).body.data as {
          action: string;
          section: string | null;
          actorName: string | null;
        }[];
      // A second integration manager writes the plan too: the person's copy names both, a staff
      // member's only themselves (whom else the person shares with is not theirs to know).
      const second = await createStaff(cms, 'Zweite');
      await grantDirectly(cms, {
        owner: amal.id,
        grantee: second.id,
        sections: ['plans'],
        access: 'write',
        purpose: 'Integrationsplan',
        days: 30,
      });
      const own = await fetch(`${cms.url}/api/sharing/plans/${plan}/pdf`, {
        headers: { authorization: `Bearer ${amal.jwt}` },
      });
      const ownFile = join(RESULTS, 'plan-own-de.pdf');
      writeFileSync(ownFile, Buffer.from(await own.arrayBuffer()));
      const ownText = pdfText(ownFile).replace(/\s+/g, ' ');
      for (const name of ['Planner Berater', 'Zweite Berater']) expect(ownText).toContain(name);
      const before = (await log()).length;
      const response = await fetch(`${cms.url}/sharing/plans/${plan}/pdf`, {
        headers: { authorization: `Bearer ${staff.token}` },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toBe(
        `attachment; filename="integrationsplan-amal-haddad-${districtDay(new Date())}.pdf"`,
      );
      // One event, a download of the plans section by her, not a read.
      const after = await log();
      expect(after.length - before).toBe(1);
      expect(after[0]).toMatchObject({
        action: 'download',
        section: 'plans',
        actorName: 'Planner Berater',
      });
      const file = join(RESULTS, 'plan-staff-de.pdf');
      writeFileSync(file, Buffer.from(await response.arrayBuffer()));
      const text = pdfText(file).replace(/\s+/g, ' ');
      for (const expected of [
        'Stelle',
        'Ansprechperson',
        'Planner Berater',
        'planner@staff.example',
        'Seite 1 von 1',
        'Ort, Datum, Unterschrift der zugewanderten Person',
        'Ort, Datum, Unterschrift Integrationsmanagement',
      ])
        expect(text).toContain(expected);
      expect(text).not.toContain('Zweite');
      pdfPicture(file);
      await api(cms, 'PUT', '/api/profiles/me', {
        token: amal.jwt,
        body: {
          data: { givenNames: 'أمل', familyName: 'حداد', latinName: 'Amal Haddad', uiLocale: 'ar' },
        },
      });
    },
  );

  describe('with goals and measures from the catalogue', () => {
    let catalogued: string;
    let admin: Awaited<ReturnType<typeof createStaff>>;
    const addedEntry = {
      key: 'language.goal.fachsprache-pflege',
      field: 'language',
      kind: 'goal',
      labelDe: 'Fachsprachprüfung Pflege (B2) bestehen',
      labelEn: 'Pass the nursing language exam (B2)',
      labelAr: 'اجتياز امتحان لغة التمريض (B2)',
    };
    const catalogueContent = (
      goals: Array<Record<string, unknown>>,
      measures: Array<Record<string, unknown>> = [],
    ) => ({
      title: 'Plan mit Katalog',
      fieldsOfAction: [
        {
          field: 'language',
          situation: 'A2 erreicht',
          goals: goals.map((goal) => ({ status: 'open', ...goal })),
          measures: measures.map((measure) => ({
            responsible: 'newcomer',
            status: 'open',
            ...measure,
          })),
        },
      ],
    });
    const saveCatalogued = (data: Record<string, unknown>) =>
      api(cms, 'PUT', `${CM}/${catalogued}`, { token: staff.token, body: data });

    beforeAll(async () => {
      admin = await createStaff(cms, 'Bezirk', 'district-administrator');
      const created = await api(cms, 'POST', CM, {
        token: staff.token,
        body: {
          ...catalogueContent([{ catalogueKey: 'language.goal.b1-certificate' }]),
          version: 1,
          planStatus: 'draft',
          owner: { connect: [{ id: amal.id }] },
        },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      catalogued = created.body.data.documentId;
    });

    it('lets the District administrator add an entry, and not an integration manager', async () => {
      const manager = await createStaff(cms, 'Manager');
      const byManager = await api(cms, 'POST', CATALOGUE_CM, {
        token: manager.token,
        body: addedEntry,
      });
      expect(byManager.status).toBe(403);
      const byAdmin = await api(cms, 'POST', CATALOGUE_CM, {
        token: admin.token,
        body: addedEntry,
      });
      expect(byAdmin.status, JSON.stringify(byAdmin.body)).toBe(201);
      // Integration managers read the catalogue in the plan editor (/sharing/plan-catalogue, below),
      // never in the Content Manager.
      expect((await api(cms, 'GET', CATALOGUE_CM, { token: manager.token })).status).toBe(403);
      const edit = await api(cms, 'PUT', `${CATALOGUE_CM}/${byAdmin.body.data.documentId}`, {
        token: manager.token,
        body: { ...addedEntry, labelDe: 'Anders' },
      });
      expect(edit.status).toBe(403);
    });

    it('refuses an added entry whose key takes a built-in one or does not name its field and kind', async () => {
      for (const key of [
        'language.goal.b1-certificate',
        'work.goal.fachsprache',
        'language.measure.x',
        'Sprache Pflege',
      ]) {
        const res = await api(cms, 'POST', CATALOGUE_CM, {
          token: admin.token,
          body: { ...addedEntry, key },
        });
        expect(res.status, key).toBe(400);
        expect(res.body.error.details.errors[0].path, key).toEqual(['key']);
      }
    });

    it('gives staff the built-in and the added entries, untranslated languages as null', async () => {
      const res = await api(cms, 'GET', '/sharing/plan-catalogue', { token: staff.token });
      expect(res.status).toBe(200);
      expect(res.body.data.length).toBeGreaterThanOrEqual(161);
      expect(
        res.body.data.find(
          (entry: { key: string }) => entry.key === 'language.goal.b1-certificate',
        ),
      ).toMatchObject({
        field: 'language',
        kind: 'goal',
        builtIn: true,
        label: { fa: expect.stringContaining('B1') },
      });
      expect(res.body.data.find((entry: { key: string }) => entry.key === addedEntry.key)).toEqual({
        key: addedEntry.key,
        field: 'language',
        kind: 'goal',
        builtIn: false,
        label: {
          de: addedEntry.labelDe,
          en: addedEntry.labelEn,
          ar: addedEntry.labelAr,
          fa: null,
          fr: null,
          uk: null,
        },
      });
      // The newcomer's site reads the same list through the content API; nobody else does.
      expect(
        (await api(cms, 'GET', '/api/sharing/plan-catalogue', { token: amal.jwt })).status,
      ).toBe(200);
      expect((await api(cms, 'GET', '/api/sharing/plan-catalogue')).status).toBeGreaterThanOrEqual(
        401,
      );
      expect((await api(cms, 'GET', '/sharing/plan-catalogue')).status).toBeGreaterThanOrEqual(401);
    });

    it('refuses an unknown key, an entry of another field or kind, and an item without key or text, with a field error', async () => {
      const cases: Array<
        [Record<string, unknown>[], Record<string, unknown>[], Array<string | number>]
      > = [
        [
          [{ catalogueKey: 'language.goal.does-not-exist' }],
          [],
          ['fieldsOfAction', 0, 'goals', 0, 'catalogueKey'],
        ],
        [
          [{ catalogueKey: 'work.goal.insured-employment' }],
          [],
          ['fieldsOfAction', 0, 'goals', 0, 'catalogueKey'],
        ],
        [
          [{ catalogueKey: 'language.goal.b1-certificate' }],
          [{ catalogueKey: 'language.goal.b1-certificate' }],
          ['fieldsOfAction', 0, 'measures', 0, 'catalogueKey'],
        ],
        [
          [{ catalogueKey: 'language.goal.b1-certificate' }, { description: '  ' }],
          [],
          ['fieldsOfAction', 0, 'goals', 1, 'description'],
        ],
      ];
      for (const [goals, measures, path] of cases) {
        const res = await saveCatalogued(catalogueContent(goals, measures));
        expect(res.status, JSON.stringify(res.body)).toBe(400);
        expect(res.body.error.details.errors[0].path).toEqual(path);
      }
      const tooLong = await saveCatalogued(
        catalogueContent([{ catalogueKey: `language.goal.${'x'.repeat(100)}` }]),
      );
      expect(tooLong.status).toBe(400);
    });

    it('freezes the catalogue keys with the proposed version', async () => {
      const goals = [
        { catalogueKey: 'language.goal.b1-certificate' },
        { description: 'Deutsch für die Arbeit im Krankenhaus' },
        { catalogueKey: addedEntry.key },
      ];
      const res = await saveCatalogued({
        ...catalogueContent(goals, [{ catalogueKey: 'language.measure.course-registration' }]),
        planStatus: 'proposed',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const frozen = (await versions()).find(
        (v: { content: { title: string } }) => v.content.title === 'Plan mit Katalog',
      );
      expect(
        frozen.content.fieldsOfAction[0].goals.map(
          (goal: { catalogueKey: string | null }) => goal.catalogueKey,
        ),
      ).toEqual(['language.goal.b1-certificate', null, addedEntry.key]);
      expect(frozen.content.fieldsOfAction[0].measures[0].catalogueKey).toBe(
        'language.measure.course-registration',
      );
      // An entry a plan names keeps its key and cannot be deleted.
      const [row] = await cms.strapi.db
        .query('plugin::sharing.catalogue-entry')
        .findMany({ where: { key: addedEntry.key } });
      expect(
        (await api(cms, 'DELETE', `${CATALOGUE_CM}/${row.documentId}`, { token: admin.token }))
          .status,
      ).toBe(400);
      expect(
        (
          await api(cms, 'PUT', `${CATALOGUE_CM}/${row.documentId}`, {
            token: admin.token,
            body: { key: 'language.goal.anders' },
          })
        ).status,
      ).toBe(400);
    });

    it('keeps a goal that is named by its id alone as it was', async () => {
      const before = await cms.strapi.db.query('api::integration-plan.integration-plan').findOne({
        where: { documentId: catalogued },
        populate: { fieldsOfAction: { populate: { goals: true, measures: true } } },
      });
      const field = before.fieldsOfAction[0];
      const res = await saveCatalogued({
        title: 'Plan mit Katalog',
        planStatus: 'proposed',
        fieldsOfAction: [
          {
            id: field.id,
            field: 'language',
            situation: field.situation,
            goals: field.goals.map((goal: { id: number }) => ({ id: goal.id })),
            measures: field.measures.map((m: { id: number }) => ({ id: m.id })),
          },
        ],
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const after = await cms.strapi.db.query('api::integration-plan.integration-plan').findOne({
        where: { documentId: catalogued },
        populate: { fieldsOfAction: { populate: { goals: true } } },
      });
      expect(
        after.fieldsOfAction[0].goals.map(
          (goal: { catalogueKey: string | null; description: string | null }) =>
            goal.catalogueKey ?? goal.description,
        ),
      ).toEqual([
        'language.goal.b1-certificate',
        'Deutsch für die Arbeit im Krankenhaus',
        'language.goal.fachsprache-pflege',
      ]);
    });

    it.skipIf(!hasPoppler)(
      'prints a catalogue entry in German and in the newcomer’s language, an untranslated one marked',
      async () => {
        const response = await fetch(`${cms.url}/sharing/plans/${catalogued}/pdf?locale=fa`, {
          headers: { authorization: `Bearer ${staff.token}` },
        });
        expect(response.status).toBe(200);
        const file = join(RESULTS, 'plan-catalogue-fa.pdf');
        writeFileSync(file, Buffer.from(await response.arrayBuffer()));
        const text = pdfText(file).replace(/\s+/g, ' ');
        for (const expected of [
          'B1-Zertifikat erwerben',
          'کسب مدرک',
          'Bei einem Kursträger',
          'برگزارکننده دوره ادغام',
          'Deutsch für die Arbeit im Krankenhaus',
          'Fachsprachprüfung Pflege (B2) bestehen',
          'هنوز ترجمه',
        ]) {
          expect(text).toContain(expected);
        }
        pdfPicture(file);
      },
    );
  });
});
