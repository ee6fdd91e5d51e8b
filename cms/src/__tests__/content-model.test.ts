import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES, REFERENCE_LISTS, SECTIONS } from '@mobio/config';
import { startCms, type TestCms } from '../../test/harness';

const API_DIR = join(__dirname, '..', 'api');

/** Which reference list each enumeration attribute takes its codes from. */
const ENUM_SOURCES: Record<string, readonly string[]> = {
  'profile.familyStatus': REFERENCE_LISTS.familyStatuses.codes,
  'profile.residenceStatus': REFERENCE_LISTS.residenceStatuses.codes,
  'profile.uiLocale': LOCALES,
  'language-skill.listening': REFERENCE_LISTS.cefrLevels.codes,
  'language-skill.reading': REFERENCE_LISTS.cefrLevels.codes,
  'language-skill.spokenInteraction': REFERENCE_LISTS.cefrLevels.codes,
  'language-skill.spokenProduction': REFERENCE_LISTS.cefrLevels.codes,
  'language-skill.writing': REFERENCE_LISTS.cefrLevels.codes,
  'education-entry.kind': REFERENCE_LISTS.educationKinds.codes,
  'education-entry.iscedLevel': REFERENCE_LISTS.iscedLevels.codes,
  'education-entry.recognitionStatus': REFERENCE_LISTS.recognitionStatuses.codes,
  'document.kind': REFERENCE_LISTS.documentKinds.codes,
  // `status` is taken by Strapi (draft/published) in the Content Manager: the plan's own is planStatus.
  'integration-plan.planStatus': REFERENCE_LISTS.planStatuses.codes,
  'organisation.kind': REFERENCE_LISTS.organisationKinds.codes,
  'field-of-action.field': REFERENCE_LISTS.fieldsOfAction.codes,
  'goal.status': REFERENCE_LISTS.goalStatuses.codes,
  'measure.status': REFERENCE_LISTS.goalStatuses.codes,
  'measure.responsible': REFERENCE_LISTS.measureResponsibles.codes,
};

function schemaFiles(): Array<[string, { attributes: Record<string, any>; pluginOptions?: any }]> {
  const apis = readdirSync(API_DIR).map(
    (name) => [name, join(API_DIR, name, 'content-types', name, 'schema.json')] as const,
  );
  const components = readdirSync(join(__dirname, '..', 'components', 'plan')).map(
    (file) =>
      [file.replace('.json', ''), join(__dirname, '..', 'components', 'plan', file)] as const,
  );
  return [...apis, ...components].map(([name, file]) => [
    name,
    JSON.parse(readFileSync(file, 'utf8')),
  ]);
}

describe('content model schemas', () => {
  it('take every enumeration from the shared reference lists, so site, CMS and PDFs agree', () => {
    const seen: string[] = [];
    for (const [name, schema] of schemaFiles()) {
      for (const [attribute, definition] of Object.entries(schema.attributes)) {
        if (definition.type !== 'enumeration') continue;
        const key = `${name}.${attribute}`;
        seen.push(key);
        expect(ENUM_SOURCES[key], `${key} has no reference list`).toBeDefined();
        expect(definition.enum, key).toEqual([...ENUM_SOURCES[key]]);
      }
    }
    expect(seen.sort()).toEqual(Object.keys(ENUM_SOURCES).sort());
  });

  it('give every personal record a private owner and a known section', () => {
    const sections = new Set<string>(SECTIONS.codes);
    for (const [name, schema] of schemaFiles()) {
      const section = schema.pluginOptions?.sharing?.section;
      if (!section) {
        expect(schema.attributes.owner, `${name} has an owner but no section`).toBeUndefined();
        continue;
      }
      expect(sections.has(section), name).toBe(true);
      expect(schema.attributes.owner).toMatchObject({
        type: 'relation',
        target: 'plugin::users-permissions.user',
        private: true,
      });
    }
  });
});

describe('content types in the running CMS', () => {
  let cms: TestCms;
  beforeAll(async () => {
    cms = await startCms();
  });
  afterAll(() => cms?.stop());

  it('creates and reads back one record of every type, as server code', async () => {
    const { strapi } = cms;
    const user = await strapi.db.query('plugin::users-permissions.user').create({
      data: { username: 'amal', email: 'amal@example.test', provider: 'local', confirmed: true },
    });
    const owner = user.id;
    const education = await strapi.documents('api::education-entry.education-entry').create({
      data: {
        owner,
        kind: 'university',
        institution: 'جامعة دمشق',
        country: 'SY',
        iscedLevel: 'isced6',
        textLanguage: 'ar',
      } as never,
    });
    const records: Array<[string, Record<string, unknown>]> = [
      [
        'api::profile.profile',
        {
          owner,
          givenNames: 'Amal',
          familyName: 'Haddad',
          nationality: 'SY',
          correspondenceLanguages: ['ar', 'de'],
        },
      ],
      [
        'api::language-skill.language-skill',
        {
          owner,
          language: 'de',
          listening: 'B1',
          reading: 'B1',
          spokenInteraction: 'A2',
          spokenProduction: 'A2',
          writing: 'A2',
        },
      ],
      [
        'api::employment-entry.employment-entry',
        { owner, occupation: 'Apothekerin', iscoCode: '2262', country: 'SY' },
      ],
      [
        'api::document.document',
        {
          owner,
          kind: 'diploma',
          title: 'Bachelor Pharmazie',
          educationEntry: education.documentId,
        },
      ],
      [
        'api::integration-plan.integration-plan',
        {
          owner,
          version: 1,
          planStatus: 'draft',
          fieldsOfAction: [
            {
              field: 'language',
              situation: 'B1 erreicht',
              goals: [
                { description: 'B2-Prüfung bestehen', status: 'open', dueDate: '2027-06-30' },
              ],
              measures: [
                { description: 'Anmeldung zum B2-Kurs', responsible: 'newcomer', status: 'open' },
              ],
            },
          ],
          reviews: [{ date: '2027-01-15', note: 'Erste Überprüfung' }],
        },
      ],
      [
        'api::organisation.organisation',
        { name: 'Landratsamt Musterstadt', kind: 'districtOffice' },
      ],
      [
        'plugin::sharing.grant',
        {
          owner,
          sections: ['languages'],
          access: 'read',
          purpose: 'Beratung',
          expiresAt: new Date(Date.now() + 365 * 86_400_000).toISOString(),
        },
      ],
      [
        'plugin::sharing.audit-event',
        {
          owner,
          actorKind: 'system',
          action: 'read',
          section: 'languages',
          at: new Date().toISOString(),
        },
      ],
    ];
    for (const [uid, data] of records) {
      const created = await strapi.documents(uid as never).create({ data: data as never });
      const read = await strapi
        .documents(uid as never)
        .findOne({ documentId: created.documentId, populate: '*' as never });
      expect(read, uid).toBeTruthy();
      const { owner: _owner, educationEntry, fieldsOfAction, ...plain } = data;
      expect(read, uid).toMatchObject(plain);
      if (educationEntry)
        expect((read as any).educationEntry.documentId).toBe(education.documentId);
      if (fieldsOfAction) expect((read as any).fieldsOfAction[0].field).toBe('language');
    }
  });

  it('keeps info pages and events in every locale', async () => {
    const { strapi } = cms;
    const page = await strapi
      .documents('api::info-page.info-page')
      .create({ locale: 'de', data: { title: 'Sprachkurse', slug: 'sprachkurse' } as never });
    for (const locale of LOCALES.filter((l) => l !== 'de')) {
      await strapi.documents('api::info-page.info-page').update({
        documentId: page.documentId,
        locale,
        data: { title: `title-${locale}`, slug: 'sprachkurse' } as never,
      });
    }
    await strapi
      .documents('api::info-page.info-page')
      .publish({ documentId: page.documentId, locale: '*' });
    for (const locale of LOCALES) {
      const found = await strapi
        .documents('api::info-page.info-page')
        .findOne({ documentId: page.documentId, locale, status: 'published' });
      expect(found?.locale).toBe(locale);
    }
    const event = await strapi.documents('api::info-event.info-event').create({
      locale: 'ar',
      data: { title: 'أمسية معلومات', startsAt: '2027-03-01T17:00:00.000Z' } as never,
      status: 'published',
    });
    const res = await fetch(`${cms.url}/api/info-events?locale=ar`);
    const body = await res.json();
    expect(body.data.map((e: { documentId: string }) => e.documentId)).toContain(event.documentId);
  });
});
