import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  createStaff,
  freshEnv,
  startCms,
  type TestCms,
} from '../../../../../cms/test/harness';

const PLAN = 'api::integration-plan.integration-plan';

/** The Content Manager as staff get it from every start: German labels, system fields read-only, no owner picker. */
describe('the Content Manager’s layouts for staff', () => {
  let cms: TestCms;
  let staff: Awaited<ReturnType<typeof createStaff>>;
  const configuration = async (path: string) => {
    const res = await api(cms, 'GET', `/content-manager/${path}/configuration`, {
      token: staff.token,
    });
    expect(res.status).toBe(200);
    return res.body.data;
  };

  beforeAll(async () => {
    cms = await startCms(await freshEnv());
    staff = await createStaff(cms, 'Sabine');
  });
  afterAll(() => cms?.stop());

  it('labels a plan’s fields in German, keeps the system’s fields read-only and hides the owner', async () => {
    const { contentType, components } = await configuration(`content-types/${PLAN}`);
    expect(contentType.settings.mainField).toBe('title');
    const meta = contentType.metadatas;
    expect(meta.fieldsOfAction.edit.label).toBe('Handlungsfelder');
    for (const field of ['version', 'proposedAt', 'acceptedAt', 'acceptedVersion']) {
      expect(meta[field].edit.editable, field).toBe(false);
      expect(meta[field].edit.description, field).not.toBe('');
    }
    expect(meta.owner.edit.visible).toBe(false);
    expect(
      contentType.layouts.edit.flat().map((cell: { name: string }) => cell.name),
    ).not.toContain('owner');
    // Attribute names never show as labels.
    for (const [name, value] of Object.entries(
      meta as Record<string, { edit: { label: string } }>,
    )) {
      if (
        ![
          'id',
          'documentId',
          'createdAt',
          'updatedAt',
          'createdBy',
          'updatedBy',
          'locale',
          'localizations',
        ].includes(name)
      ) {
        expect(value.edit.label, name).not.toBe(name);
      }
    }
    expect(components['plan.goal'].metadatas.catalogueKey.edit.label).toBe('Katalogeintrag');
    expect(components['plan.measure'].metadatas.responsible.edit.label).toBe('Wer');
  });

  it('uses the staff record’s German labels for a person’s fields, and the family name as the entry title', async () => {
    const { contentType } = await configuration('content-types/api::profile.profile');
    expect(contentType.settings.mainField).toBe('familyName');
    expect(contentType.metadatas.birthPlace.edit.label).toBe('Geburtsort');
    expect(contentType.metadatas.correspondenceLanguages.edit.label).toBe('Korrespondenzsprachen');
    expect(contentType.metadatas.owner.edit.visible).toBe(false);
    // Fields staff do not see in the record view are labelled from the same definitions.
    const documents = await configuration('content-types/api::document.document');
    expect(documents.contentType.metadatas.educationEntry.edit.label).toBe(
      'Gehört zu Schule, Ausbildung oder Studium',
    );
  });

  it('writes the layouts again at every start: a change made by hand does not last', async () => {
    const key = `plugin_content_manager_configuration_content_types::${PLAN}`;
    const store = cms.strapi.db.query('strapi::core-store');
    const row = await store.findOne({ where: { key } });
    const value = JSON.parse(row.value);
    value.metadatas.version.edit.editable = true;
    await store.update({ where: { key }, data: { value: JSON.stringify(value) } });
    await cms.strapi.plugin('sharing').service('staff-roles').ensure();
    expect(
      JSON.parse((await store.findOne({ where: { key } })).value).metadatas.version.edit.editable,
    ).toBe(false);
  });

  it('names the staff roles in German', async () => {
    const roles = await cms.strapi.db
      .query('admin::role')
      .findMany({ where: { code: { $in: ['integration-manager', 'district-administrator'] } } });
    expect(roles.map((role: { name: string }) => role.name).sort()).toEqual([
      'Integrationsmanagement',
      'Kreisverwaltung',
    ]);
  });
});
