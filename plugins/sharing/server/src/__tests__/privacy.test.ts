import { existsSync, readdirSync } from 'node:fs';
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
import { unzip } from '../../../../../cms/test/zip';
import { EXPORT_FORMAT, NOT_EXPORTED } from '../services/export';

type Model = { attributes: Record<string, { type: string; component?: string }> };

const PDF = (marker: string) => Buffer.from(`%PDF-1.7\n% ${marker}\n1 0 obj << >> endobj\n%%EOF\n`);

/** Gives a newcomer one record of every personal type, free text carrying the marker. */
async function fillEverything(cms: TestCms, jwt: string, marker: string) {
  await api(cms, 'PUT', '/api/profiles/me', {
    token: jwt,
    body: {
      data: {
        givenNames: `Amal ${marker}`,
        familyName: 'Haddad',
        nationality: 'SY',
        correspondenceLanguages: ['ar'],
      },
    },
  });
  await api(cms, 'POST', '/api/language-skills', {
    token: jwt,
    body: { data: { language: 'de', reading: 'B1', notes: marker } },
  });
  const education = await api(cms, 'POST', '/api/education-entries', {
    token: jwt,
    body: { data: { kind: 'university', institution: `Uni ${marker}` } },
  });
  await api(cms, 'POST', '/api/employment-entries', {
    token: jwt,
    body: { data: { occupation: `Apothekerin ${marker}` } },
  });
  const first = await uploadDocument(cms, jwt, PDF(marker), {
    kind: 'diploma',
    title: `Diplom ${marker}`,
    fileName: 'diplom.pdf',
    educationEntry: education.body.data.documentId,
  });
  await uploadDocument(cms, jwt, PDF(`${marker}-2`), {
    kind: 'cv',
    title: 'CV',
    fileName: 'cv.pdf',
  });
  return { document: first.body.data.documentId as string };
}

describe('privacy lifecycle', () => {
  const documentIdOf = async (id: number): Promise<string> =>
    (
      await cms.strapi.db
        .query('plugin::users-permissions.user')
        .findOne({ where: { id }, select: ['documentId'] })
    ).documentId;
  let cms: TestCms;

  beforeAll(async () => {
    cms = await startCms(await freshEnv());
  });
  afterAll(() => cms?.stop());

  describe('export', () => {
    it('contains every stored attribute of every personal record, the account, grants, the access log and the files', async () => {
      const amal = await registerNewcomer(cms);
      const { document } = await fillEverything(cms, amal.jwt, 'EXPORTMARK');
      const staff = await createStaff(cms, 'Exporter');
      await grantDirectly(cms, {
        owner: amal.id,
        grantee: staff.id,
        sections: ['documents'],
        access: 'read',
        purpose: 'Anerkennung',
        days: 1,
      });
      // The staff member opens the record (MoBio's door for staff), which reads the document.
      expect(document).toBeTruthy();
      expect(
        (
          await api(cms, 'GET', `/sharing/records/${await documentIdOf(amal.id)}`, {
            token: staff.token,
          })
        ).status,
      ).toBe(200);
      const plan = await cms.strapi.documents('api::integration-plan.integration-plan').create({
        data: {
          owner: amal.id,
          version: 1,
          planStatus: 'proposed',
          fieldsOfAction: [
            {
              field: 'work',
              goals: [{ description: 'Job', status: 'open' }],
              measures: [{ description: 'Bewerben', responsible: 'newcomer', status: 'open' }],
            },
          ],
          reviews: [{ date: '2027-01-01' }],
        } as never,
      });

      const response = await fetch(`${cms.url}/api/sharing/export`, {
        headers: { authorization: `Bearer ${amal.jwt}` },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/zip');
      expect(response.headers.get('cache-control')).toBe('no-store');
      const files = await unzip(Buffer.from(await response.arrayBuffer()));
      const data = JSON.parse(files.get('mobio-export.json')!.toString('utf8'));
      expect(data).toMatchObject({
        format: 'mobio-export',
        version: EXPORT_FORMAT.version,
        unreadableDocuments: [],
      });

      // The attributes come from the schemas, so a field added later cannot escape the export.
      const missing: string[] = [];
      const check = (
        record: Record<string, unknown>,
        uid: string,
        where: string,
        isComponent = false,
      ) => {
        const model = cms.strapi.getModel(uid as never) as unknown as Model;
        for (const [name, attribute] of Object.entries(model.attributes)) {
          if (!isComponent && (NOT_EXPORTED.personal as readonly string[]).includes(name)) continue;
          if (!(name in record)) missing.push(`${where}.${name}`);
          const value = record[name];
          if (attribute.type === 'component' && Array.isArray(value))
            value.forEach((item, i) =>
              check(item, attribute.component!, `${where}.${name}[${i}]`, true),
            );
        }
      };
      const personal = Object.entries(cms.strapi.contentTypes).filter(
        ([, ct]) => (ct as { pluginOptions?: { sharing?: unknown } }).pluginOptions?.sharing,
      );
      expect(personal.length).toBe(7);
      for (const [uid] of personal) {
        expect(data.records[uid]?.length, `${uid} exported`).toBeGreaterThan(0);
        data.records[uid].forEach((record: Record<string, unknown>, i: number) =>
          check(record, uid, `${uid}[${i}]`),
        );
      }
      const userModel = cms.strapi.getModel(
        'plugin::users-permissions.user' as never,
      ) as unknown as Model;
      for (const name of Object.keys(userModel.attributes)) {
        if (!(NOT_EXPORTED.account as readonly string[]).includes(name) && !(name in data.account))
          missing.push(`account.${name}`);
      }
      expect(missing).toEqual([]);
      expect(JSON.stringify(data.account)).not.toMatch(/\$2[aby]\$/);

      expect(data.records['api::integration-plan.integration-plan'][0].documentId).toBe(
        plan.documentId,
      );
      expect(
        data.records['api::integration-plan.integration-plan'][0].fieldsOfAction[0].goals[0]
          .description,
      ).toBe('Job');
      expect(data.grants).toHaveLength(1);
      expect(data.accessLog.map((event: { action: string }) => event.action)).toContain('read');

      const exported = data.records['api::document.document'].find(
        (d: { documentId: string }) => d.documentId === document,
      );
      expect(exported.educationEntry).toMatch(/^[a-z0-9]{24}$/);
      expect(files.get(exported.file)!.equals(PDF('EXPORTMARK'))).toBe(true);
      expect([...files.keys()].filter((name) => name.startsWith('documents/'))).toHaveLength(2);
    });

    it('is the owner’s alone', async () => {
      expect((await api(cms, 'GET', '/api/sharing/export')).status).toBe(403);
      const token = await cms.strapi
        .service('admin::api-token')
        .create({ name: 'export-token', type: 'full-access', lifespan: null, kind: 'content-api' });
      expect(
        (await api(cms, 'GET', '/api/sharing/export', { token: token.accessKey })).status,
      ).toBe(403);
    });
  });

  describe('erasure', () => {
    it('asks for the password again and changes nothing when it is wrong', async () => {
      const reza = await registerNewcomer(cms);
      await api(cms, 'POST', '/api/language-skills', {
        token: reza.jwt,
        body: { data: { language: 'fa' } },
      });
      const res = await api(cms, 'POST', '/api/sharing/account/delete', {
        token: reza.jwt,
        body: { data: { password: 'wrong' } },
      });
      expect(res.status).toBe(400);
      expect(res.body.error.details.errors[0]).toEqual({
        path: ['password'],
        message: 'error.wrongPassword',
      });
      expect(
        (await api(cms, 'GET', '/api/language-skills', { token: reza.jwt })).body.data,
      ).toHaveLength(1);
    });

    it('leaves nothing in any table or in the document store that refers to the person', async () => {
      const marker = `ERASEMARK${Date.now()}`;
      const olga = await registerNewcomer(cms, `olga${Date.now()}`);
      await fillEverything(cms, olga.jwt, marker);
      const staff = await createStaff(cms, 'Eraser');
      await grantDirectly(cms, {
        owner: olga.id,
        grantee: staff.id,
        sections: ['profile', 'documents'],
        access: 'read',
        purpose: `Zweck ${marker}`,
        days: 1,
      });
      const record = `/sharing/records/${await documentIdOf(olga.id)}`;
      const list = await api(cms, 'GET', record, { token: staff.token });
      expect(JSON.stringify(list.body)).toContain(marker);

      const res = await api(cms, 'POST', '/api/sharing/account/delete', {
        token: olga.jwt,
        body: { data: { password: 'Geheim123!' } },
      });
      expect(res.status).toBe(204);

      const knex = cms.strapi.db.connection;
      const tables: string[] =
        cms.strapi.db.dialect.client === 'postgres'
          ? (
              await knex.raw(
                'select table_name as name from information_schema.tables where table_schema = current_schema()',
              )
            ).rows.map((r: { name: string }) => r.name)
          : (await knex.raw("select name from sqlite_master where type = 'table'")).map(
              (r: { name: string }) => r.name,
            );
      const found: string[] = [];
      for (const table of tables) {
        const rows = await knex(table).select('*');
        for (const row of rows) {
          const text = JSON.stringify(row);
          if (text.includes(marker) || text.includes(olga.email))
            found.push(`${table}: ${text.slice(0, 120)}`);
          // Links from personal records and plugin rows to the person's account.
          if (/owner_lnk$/.test(table) && row.user_id === olga.id)
            found.push(`${table}: link to user ${olga.id}`);
        }
      }
      expect(found).toEqual([]);
      expect(
        await cms.strapi.db
          .query('plugin::users-permissions.user')
          .count({ where: { id: olga.id } }),
      ).toBe(0);
      const dir = cms.env.DOCUMENTS_DIR;
      const left = existsSync(dir)
        ? readdirSync(dir, { recursive: true, withFileTypes: true })
            .filter((e) => e.isFile())
            .map((e) => e.name)
        : [];
      const stillThere = await cms.strapi.db
        .query('api::document.document')
        .count({ where: { storageKey: { $notNull: true } } });
      expect(left).toHaveLength(stillThere);

      // Staff who had a grant see the newcomer disappear; the old JWT opens nothing.
      const after = await api(cms, 'GET', record, { token: staff.token });
      expect(after.status).toBe(404);
      expect(JSON.stringify(after.body)).not.toContain(marker);
      expect((await api(cms, 'GET', '/api/profiles/me', { token: olga.jwt })).status).toBe(401);
    });
  });
});
