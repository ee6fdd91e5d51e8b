// @ts-check
import { newcomers as DEMO_NEWCOMERS } from '../../database/demo/data.mjs';

/** A demo newcomer's languages, education, work and certificate (database/demo/data.mjs). */
function biographyOf(key) {
  const newcomer = /** @type {any} */ (DEMO_NEWCOMERS.find((newcomer) => newcomer.key === key));
  if (!newcomer) throw new Error(`no demo newcomer ${key} in database/demo/data.mjs`);
  const { languages, education, employment, documents } = newcomer;
  return { languages, education, employment, document: documents[0] };
}

/**
 * Four kinds of biography, after the demo district's newcomers: who they are, in which script
 * they write, and what they learned and worked (the demo newcomer's own entries). Each seeded
 * newcomer follows one of them.
 */
export const PERSONAS = [
  {
    ...biographyOf('amal'),
    given: [
      'أمل',
      'سارة',
      'ليلى',
      'محمد',
      'أحمد',
      'يوسف',
      'نور',
      'رنا',
      'خالد',
      'عمر',
      'هبة',
      'مريم',
    ],
    family: [
      'حداد',
      'الخطيب',
      'العلي',
      'الحسن',
      'درويش',
      'الأحمد',
      'النجار',
      'السيد',
      'قاسم',
      'حمدان',
    ],
    places: ['حمص', 'حلب', 'دمشق', 'اللاذقية', 'درعا'],
    nationality: 'SY',
    lang: 'ar',
    uiLocale: 'ar',
    correspondence: ['ar', 'de'],
    residence: ['refugee', 'subsidiaryProtection', 'asylumPending'],
    residenceNote: 'إقامة لمدة ثلاث سنوات',
  },
  {
    ...biographyOf('reza'),
    given: ['رضا', 'علی', 'مریم', 'زهرا', 'حسین', 'فاطمه', 'مهدی', 'سمیرا'],
    family: ['احمدی', 'رحیمی', 'حسینی', 'محمدی', 'کریمی', 'نوری', 'صادقی', 'جعفری'],
    places: ['هرات', 'کابل', 'مزار شریف', 'مشهد'],
    nationality: 'AF',
    lang: 'fa',
    uiLocale: 'fa',
    correspondence: ['fa', 'de'],
    residence: ['asylumPending', 'toleration', 'deportationBan'],
    residenceNote: 'پرونده پناهندگی در حال بررسی',
    document: {
      kind: 'certificate',
      title: 'گواهی آموزش فنی',
      issuer: 'انستیتوت فنی هرات',
      issueDate: '2016-12-20',
      language: 'fa',
    },
  },
  {
    ...biographyOf('aminata'),
    given: [
      'Aminata',
      'Mamadou',
      'Fatoumata',
      'Ibrahima',
      'Mariama',
      'Ousmane',
      'Aïssatou',
      'Alpha',
    ],
    family: ['Diallo', 'Barry', 'Bah', 'Camara', 'Sow', 'Touré', 'Keita', 'Condé'],
    places: ['Kindia', 'Conakry', 'Labé', 'Kankan'],
    nationality: 'GN',
    lang: 'fr',
    uiLocale: 'fr',
    correspondence: ['fr'],
    residence: ['subsidiaryProtection', 'refugee'],
    residenceNote: 'Titre de séjour valable trois ans',
    document: {
      kind: 'diploma',
      title: 'Diplôme d’infirmière',
      issuer: 'École nationale de santé de Kindia',
      issueDate: '2016-07-15',
      language: 'fr',
    },
  },
  {
    ...biographyOf('olena'),
    given: ['Olena', 'Iryna', 'Oksana', 'Andrii', 'Dmytro', 'Nataliia', 'Serhii', 'Yuliia'],
    family: [
      'Kovalenko',
      'Shevchenko',
      'Bondarenko',
      'Tkachenko',
      'Kravchenko',
      'Melnyk',
      'Boiko',
      'Koval',
    ],
    places: ['Kyiv', 'Kharkiv', 'Odesa', 'Dnipro', 'Lviv'],
    nationality: 'UA',
    lang: 'en',
    uiLocale: 'en',
    correspondence: ['en', 'de'],
    residence: ['temporaryProtection'],
    residenceNote: 'Temporary protection until 2027',
    document: {
      kind: 'diploma',
      title: 'Master of Education (Mathematics)',
      issuer: 'Taras Shevchenko National University of Kyiv',
      issueDate: '2010-06-30',
      language: 'uk',
    },
  },
];
// What almost everybody adds after arriving: the integration course and a first job here.
export const COURSE = {
  kind: 'course',
  iscedLevel: null,
  institution: 'Volkshochschule Musterstadt',
  place: 'Musterstadt',
  country: 'DE',
  from: '2024-01-08',
  to: '2024-07-12',
  degree: 'Integrationskurs (B1)',
  textLanguage: 'de',
};
export const FIRST_JOB = {
  occupation: 'Küchenhilfe',
  iscoCode: '9412',
  employer: 'Kantine am Kreishaus',
  place: 'Musterstadt',
  country: 'DE',
  from: '2024-09-01',
  to: null,
  tasks: 'Vorbereitung, Ausgabe, Spülküche (Minijob)',
  textLanguage: 'de',
};

export const STAFF_GIVEN = [
  'Sabine',
  'Jonas',
  'Petra',
  'Michael',
  'Anna',
  'Thomas',
  'Julia',
  'Stefan',
  'Katrin',
  'Markus',
  'Lena',
  'Tobias',
];
export const STAFF_FAMILY = [
  'Keller',
  'Weber',
  'Lang',
  'Schmidt',
  'Fischer',
  'Wagner',
  'Becker',
  'Hoffmann',
  'Schäfer',
  'Koch',
  'Richter',
  'Klein',
];
export const PURPOSES = [
  'Integrationsberatung',
  'Beratung zur Arbeitssuche',
  'Anerkennung des Abschlusses',
  'Integrationsplan',
  'Wohnungssuche',
  'Sprachkursberatung',
];
