import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESULTS, hasPoppler, pdfPicture, pdfText } from './helpers/poppler';
import {
  api,
  freshEnv,
  registerNewcomer,
  startCms,
  type TestCms,
} from '../../../../../cms/test/harness';
import { textDir } from '../text-dir';

describe('textDir', () => {
  it('follows the first strong letter', () => {
    expect(textDir('صيدلانية')).toBe('rtl');
    expect(textDir('2014 – صيدلية الشفاء')).toBe('rtl');
    expect(textDir('Apothekerin (صيدلانية)')).toBe('ltr');
    expect(textDir('')).toBe('ltr');
  });
});

describe('CV', () => {
  let cms: TestCms;
  let amal: Awaited<ReturnType<typeof registerNewcomer>>;

  beforeAll(async () => {
    cms = await startCms(await freshEnv());
    amal = await registerNewcomer(cms);
    const post = (path: string, data: Record<string, unknown>) =>
      api(cms, 'POST', path, { token: amal.jwt, body: { data } });
    await api(cms, 'PUT', '/api/profiles/me', {
      token: amal.jwt,
      body: {
        data: {
          givenNames: 'أمل',
          familyName: 'حداد',
          latinName: 'Amal Haddad',
          birthDate: '1991-04-12',
          birthPlace: 'حمص',
          nationality: 'SY',
          phone: '+49 170 0000001',
          familyStatus: 'married',
        },
      },
    });
    await post('/api/language-skills', { language: 'ar', native: true });
    await post('/api/language-skills', {
      language: 'de',
      listening: 'B1',
      reading: 'B1',
      spokenInteraction: 'A2',
      spokenProduction: 'A2',
      writing: 'A2',
    });
    await post('/api/education-entries', {
      kind: 'university',
      iscedLevel: 'isced6',
      institution: 'جامعة البعث',
      place: 'حمص',
      country: 'SY',
      from: '2009-09-01',
      to: '2014-07-15',
      degree: 'بكالوريوس في الصيدلة',
      recognitionStatus: 'inProgress',
    });
    await post('/api/employment-entries', {
      occupation: 'صيدلانية',
      iscoCode: '2262',
      employer: 'صيدلية الشفاء',
      country: 'SY',
      from: '2014-09-01',
      tasks: 'صرف الأدوية وتقديم المشورة',
    });
  });
  afterAll(() => cms?.stop());

  const cvJson = async (query: string) =>
    (await api(cms, 'GET', `/api/sharing/cv?format=json&${query}`, { token: amal.jwt })).body.data;

  it('labels coded values in the chosen language and keeps free text as typed', async () => {
    const de = await cvJson('locale=de&include=birth,nationality');
    expect(de.labels.title).toBe('Lebenslauf');
    // The spelling of the passport beside the name as typed, for readers who do not read the script.
    expect(de.name).toEqual({ text: 'أمل حداد (Amal Haddad)', dir: 'rtl' });
    expect(de.personal.map((p: { label: string }) => p.label)).toEqual([
      'Geboren',
      'Staatsangehörigkeit',
    ]);
    expect(de.personal[1].value).toBe('Syrien');
    expect(de.motherTongues).toEqual(['Arabisch']);
    expect(de.languages).toEqual([{ name: 'Deutsch', levels: ['B1', 'B1', 'A2', 'A2', 'A2'] }]);
    expect(de.education[0]).toMatchObject({
      title: { text: 'بكالوريوس في الصيدلة', dir: 'rtl' },
      place: 'حمص, Syrien',
      recognition: 'Anerkennung in Deutschland: Verfahren läuft',
    });
    expect(de.work[0].period).toMatch(/2014 – heute$/);
    const ar = await cvJson('locale=ar');
    expect(ar.labels.title).toBe('السيرة الذاتية');
    expect(ar.motherTongues).toEqual(['العربية']);
  });

  it('shows only the personal fields the newcomer chose', async () => {
    expect((await cvJson('locale=de')).personal).toEqual([]);
    const all = await cvJson('locale=de&include=birth,nationality,contact,address,familyStatus');
    expect(all.personal.map((p: { label: string }) => p.label)).toEqual([
      'Geboren',
      'Staatsangehörigkeit',
      'Kontakt',
      'Familienstand',
    ]);
    expect(
      (await api(cms, 'GET', '/api/sharing/cv?include=password', { token: amal.jwt })).status,
    ).toBe(400);
  });

  it('is the owner’s only', async () => {
    expect((await api(cms, 'GET', '/api/sharing/cv')).status).toBe(403);
  });

  it.skipIf(!hasPoppler)(
    'prints in German, in Arabic with the script shaped and in reading order, and in Ukrainian',
    async () => {
      mkdirSync(RESULTS, { recursive: true });
      for (const locale of ['de', 'ar', 'fa', 'uk']) {
        const response = await fetch(
          `${cms.url}/api/sharing/cv?locale=${locale}&include=birth,nationality`,
          { headers: { authorization: `Bearer ${amal.jwt}` } },
        );
        expect(response.status).toBe(200);
        const file = join(RESULTS, `cv-${locale}.pdf`);
        writeFileSync(file, Buffer.from(await response.arrayBuffer()));
        const text = pdfText(file);
        expect(text).toContain('صيدلية الشفاء');
        expect(text).toContain('Amal Haddad');
        expect(text).toContain('B1');
        if (locale === 'de') expect(text).toContain('Lebenslauf');
        // Cyrillic from Noto Sans: the title, the skills' heading and the CEFR note.
        if (locale === 'uk')
          for (const words of ['Резюме', 'Знання мов', 'Загальноєвропейськими'])
            expect(text).toContain(words);
        pdfPicture(file);
      }
    },
  );
});
