// @ts-check
/**
 * Demo data for a fresh MoBio: invented people, a made-up district. Every password here is public —
 * never load this into a database that real people use.
 */

export const DEMO_PASSWORDS = {
  admin: 'Demo-Admin-2026',
  staff: 'Demo-Staff-2026',
  newcomer: 'Demo-Newcomer-2026',
};

export const organisations = [
  {
    key: 'district',
    name: 'Landratsamt Musterstadt – Integrationsmanagement',
    kind: 'districtOffice',
    address: 'Musterstraße 1, 12345 Musterstadt',
    email: 'integration@musterstadt.example',
  },
  {
    key: 'charity',
    name: 'Caritasverband Musterstadt',
    kind: 'charity',
    address: 'Kirchplatz 4, 12345 Musterstadt',
    email: 'migration@caritas-musterstadt.example',
  },
  {
    key: 'jobcentre',
    name: 'Jobcenter Musterstadt',
    kind: 'jobCentre',
    address: 'Bahnhofstraße 20, 12345 Musterstadt',
  },
];

export const admin = { email: 'admin@musterstadt.example', firstname: 'Mara', lastname: 'Admin' };

export const staff = [
  {
    key: 'sabine',
    email: 'sabine.keller@musterstadt.example',
    firstname: 'Sabine',
    lastname: 'Keller',
    role: 'integration-manager',
    organisation: 'district',
  },
  {
    key: 'jonas',
    email: 'jonas.weber@caritas-musterstadt.example',
    firstname: 'Jonas',
    lastname: 'Weber',
    role: 'integration-manager',
    organisation: 'charity',
  },
  {
    key: 'petra',
    email: 'petra.lang@musterstadt.example',
    firstname: 'Petra',
    lastname: 'Lang',
    role: 'district-administrator',
    organisation: 'district',
  },
];

export const newcomers = [
  {
    key: 'amal',
    email: 'amal@demo.mobio.example',
    profile: {
      givenNames: 'أمل',
      familyName: 'حداد',
      latinName: 'Amal Haddad',
      birthDate: '1991-04-12',
      birthPlace: 'حمص',
      nationality: 'SY',
      correspondenceLanguages: ['ar', 'de'],
      phone: '+49 170 0000001',
      familyStatus: 'married',
      children: 2,
      arrivalDate: '2023-09-01',
      residenceStatus: 'refugee',
      residenceNote: 'إقامة لمدة ثلاث سنوات',
      uiLocale: 'ar',
      textLanguage: 'ar',
    },
    languages: [
      { language: 'ar', native: true },
      {
        language: 'de',
        listening: 'B1',
        reading: 'B1',
        spokenInteraction: 'B1',
        spokenProduction: 'A2',
        writing: 'A2',
        courses: 'دورة الاندماج B1 في مدرسة اللغات بموسترشتات، 2024',
        textLanguage: 'ar',
      },
      {
        language: 'en',
        listening: 'B2',
        reading: 'C1',
        spokenInteraction: 'B2',
        spokenProduction: 'B2',
        writing: 'B2',
      },
    ],
    education: [
      {
        key: 'pharmacy',
        kind: 'university',
        iscedLevel: 'isced6',
        institution: 'جامعة البعث',
        place: 'حمص',
        country: 'SY',
        from: '2009-09-01',
        to: '2014-07-15',
        degree: 'بكالوريوس في الصيدلة',
        subject: 'الصيدلة',
        recognitionStatus: 'inProgress',
        textLanguage: 'ar',
      },
      {
        kind: 'school',
        iscedLevel: 'isced3',
        institution: 'ثانوية الزهراء',
        place: 'حمص',
        country: 'SY',
        from: '2006-09-01',
        to: '2009-06-30',
        degree: 'الشهادة الثانوية العامة',
        textLanguage: 'ar',
      },
    ],
    employment: [
      {
        occupation: 'صيدلانية',
        iscoCode: '2262',
        employer: 'صيدلية الشفاء',
        place: 'حمص',
        country: 'SY',
        from: '2014-09-01',
        to: '2022-12-31',
        tasks: 'صرف الأدوية وتقديم المشورة للمرضى وإدارة المخزون',
        textLanguage: 'ar',
      },
    ],
    documents: [
      {
        kind: 'diploma',
        title: 'شهادة بكالوريوس الصيدلة',
        issuer: 'جامعة البعث',
        issueDate: '2014-07-30',
        language: 'ar',
        educationEntry: 'pharmacy',
      },
    ],
    grants: [
      {
        grantee: 'sabine',
        sections: ['profile', 'languages', 'education', 'employment', 'documents', 'plans'],
        access: 'write',
        purpose: 'Integrationsberatung und Integrationsplan',
        days: 1095,
      },
    ],
    plan: {
      title: 'Integrationsplan 2026/27',
      version: 1,
      planStatus: 'proposed',
      notes: 'Ziel: Approbation als Apothekerin in Deutschland.',
      fieldsOfAction: [
        {
          field: 'language',
          situation: 'Deutsch B1 (Zertifikat Deutsch), Fachsprache fehlt noch.',
          // Goals and measures from the catalogue (config/src/plan-catalogue.ts) show in the newcomer's
          // language; the free ones stay as written.
          goals: [
            {
              catalogueKey: 'language.goal.b2-job-language',
              dueDate: '2027-03-31',
              status: 'inProgress',
            },
            {
              description: 'Fachsprachprüfung Pharmazie (C1) bestehen',
              dueDate: '2027-06-30',
              status: 'open',
            },
          ],
          measures: [
            {
              catalogueKey: 'language.measure.job-language-course',
              responsible: 'newcomer',
              dueDate: '2026-11-30',
              status: 'achieved',
            },
            {
              description: 'Anmeldung zum Fachsprachkurs Pharmazie',
              responsible: 'newcomer',
              dueDate: '2026-12-15',
              status: 'inProgress',
            },
            {
              description: 'Kostenübernahme beim Jobcenter klären',
              responsible: 'integrationManager',
              responsibleName: 'Sabine Keller',
              dueDate: '2026-12-01',
              status: 'open',
            },
          ],
        },
        {
          field: 'work',
          situation: 'Acht Jahre Berufserfahrung als Apothekerin in Syrien.',
          goals: [
            {
              catalogueKey: 'work.goal.qualification-recognition',
              dueDate: '2027-12-31',
              status: 'inProgress',
            },
            // The district's own catalogue entry (below), not yet translated into Arabic: Amal sees it in German, marked.
            {
              catalogueKey: 'work.goal.approbation-pharmacy',
              dueDate: '2027-12-31',
              status: 'open',
            },
          ],
          measures: [
            {
              catalogueKey: 'work.measure.recognition-counselling',
              responsible: 'newcomer',
              dueDate: '2026-10-31',
              status: 'achieved',
            },
            {
              description: 'Unterlagen bei der Approbationsbehörde einreichen',
              responsible: 'newcomer',
              dueDate: '2027-01-31',
              status: 'open',
            },
          ],
        },
        {
          field: 'housing',
          situation: 'Wohnt mit ihrer Familie (zwei Kinder) in der Gemeinschaftsunterkunft.',
          goals: [{ catalogueKey: 'housing.goal.own-flat', dueDate: '2027-06-30', status: 'open' }],
          measures: [
            {
              catalogueKey: 'housing.measure.wbs-application',
              responsible: 'newcomer',
              dueDate: '2026-12-31',
              status: 'open',
            },
            {
              catalogueKey: 'housing.measure.flat-search',
              responsible: 'integrationManager',
              responsibleName: 'Sabine Keller',
              status: 'inProgress',
            },
          ],
        },
      ],
      reviews: [{ date: '2027-03-01', note: 'Erste Überprüfung' }],
    },
  },
  {
    key: 'reza',
    email: 'reza@demo.mobio.example',
    profile: {
      givenNames: 'رضا',
      familyName: 'احمدی',
      latinName: 'Reza Ahmadi',
      birthDate: '1998-11-02',
      birthPlace: 'هرات',
      nationality: 'AF',
      correspondenceLanguages: ['fa', 'de'],
      familyStatus: 'single',
      arrivalDate: '2024-02-15',
      residenceStatus: 'asylumPending',
      uiLocale: 'fa',
      textLanguage: 'fa',
    },
    languages: [
      { language: 'fa', native: true },
      {
        language: 'de',
        listening: 'A2',
        reading: 'A2',
        spokenInteraction: 'A2',
        spokenProduction: 'A1',
        writing: 'A1',
        courses: 'کلاس زبان آلمانی در خانه فرهنگ، ۲۰۲۴',
        textLanguage: 'fa',
      },
    ],
    education: [
      {
        kind: 'vocationalTraining',
        iscedLevel: 'isced3',
        institution: 'انستیتوت فنی هرات',
        place: 'هرات',
        country: 'AF',
        from: '2014-03-01',
        to: '2016-12-20',
        degree: 'برق‌کار ساختمان',
        recognitionStatus: 'notApplied',
        textLanguage: 'fa',
      },
    ],
    employment: [
      {
        occupation: 'برق‌کار',
        iscoCode: '7411',
        employer: 'شرکت ساختمانی امید',
        place: 'هرات',
        country: 'AF',
        from: '2017-01-10',
        to: '2021-08-01',
        tasks: 'نصب سیم‌کشی ساختمان و تعمیر تابلو برق',
        textLanguage: 'fa',
      },
    ],
    documents: [],
    grants: [
      {
        grantee: 'jonas',
        sections: ['languages', 'employment'],
        access: 'read',
        purpose: 'Beratung zur Arbeitssuche',
        days: 365,
      },
    ],
  },
  {
    key: 'aminata',
    email: 'aminata@demo.mobio.example',
    profile: {
      givenNames: 'Aminata',
      familyName: 'Diallo',
      latinName: 'Aminata Diallo',
      birthDate: '1995-06-20',
      nationality: 'GN',
      correspondenceLanguages: ['fr'],
      arrivalDate: '2024-05-10',
      residenceStatus: 'subsidiaryProtection',
      uiLocale: 'fr',
      textLanguage: 'fr',
    },
    languages: [
      { language: 'ff', native: true },
      {
        language: 'fr',
        listening: 'C1',
        reading: 'C1',
        spokenInteraction: 'C1',
        spokenProduction: 'C1',
        writing: 'B2',
      },
    ],
    education: [
      {
        kind: 'vocationalTraining',
        iscedLevel: 'isced5',
        institution: 'École nationale de santé de Kindia',
        country: 'GN',
        from: '2013-10-01',
        to: '2016-07-01',
        degree: 'Diplôme d’infirmière',
        recognitionStatus: 'notApplied',
        textLanguage: 'fr',
      },
    ],
    employment: [
      {
        occupation: 'Infirmière',
        iscoCode: '3221',
        employer: 'Hôpital régional de Kindia',
        country: 'GN',
        from: '2016-09-01',
        to: '2023-03-31',
        textLanguage: 'fr',
      },
    ],
    documents: [],
    // Uses MoBio only for herself: shares nothing.
    grants: [],
  },
  {
    key: 'olena',
    email: 'olena@demo.mobio.example',
    profile: {
      givenNames: 'Olena',
      familyName: 'Kovalenko',
      latinName: 'Olena Kovalenko',
      birthDate: '1987-01-30',
      nationality: 'UA',
      correspondenceLanguages: ['en', 'de'],
      arrivalDate: '2022-04-03',
      residenceStatus: 'temporaryProtection',
      uiLocale: 'en',
      textLanguage: 'en',
    },
    languages: [
      { language: 'uk', native: true },
      {
        language: 'en',
        listening: 'B2',
        reading: 'B2',
        spokenInteraction: 'B2',
        spokenProduction: 'B1',
        writing: 'B1',
      },
      {
        language: 'de',
        listening: 'B1',
        reading: 'B1',
        spokenInteraction: 'A2',
        spokenProduction: 'A2',
        writing: 'A2',
      },
    ],
    education: [
      {
        kind: 'university',
        iscedLevel: 'isced7',
        institution: 'Taras Shevchenko National University of Kyiv',
        country: 'UA',
        from: '2004-09-01',
        to: '2010-06-30',
        degree: 'Master of Education',
        subject: 'Mathematics',
        recognitionStatus: 'partiallyRecognised',
        textLanguage: 'en',
      },
    ],
    employment: [
      {
        occupation: 'Mathematics teacher',
        iscoCode: '2330',
        employer: 'Lyceum No. 142',
        place: 'Kyiv',
        country: 'UA',
        from: '2010-09-01',
        to: '2022-02-24',
        textLanguage: 'en',
      },
    ],
    documents: [],
    // A grant she revoked: Sabine no longer sees anything.
    grants: [
      {
        grantee: 'sabine',
        sections: ['profile', 'education'],
        access: 'read',
        purpose: 'Beratung Anerkennung Lehramt',
        days: 365,
        revoked: true,
      },
    ],
  },
];

const page = (slug, order, texts) => ({ slug, order, texts });

/** Catalogue entries the district added beside the built-in ones (translations may come later). */
export const catalogueEntries = [
  {
    key: 'work.goal.approbation-pharmacy',
    field: 'work',
    kind: 'goal',
    labelDe: 'Approbation als Apothekerin oder Apotheker erhalten',
    labelEn: 'Obtain the licence to practise as a pharmacist (Approbation)',
    labelFa: 'دریافت مجوز کار داروسازی (Approbation)',
  },
];

export const infoPages = [
  page('deutschkurse', 1, {
    de: {
      title: 'Deutschkurse',
      summary: 'Integrationskurse, Berufssprachkurse und Fachsprachkurse im Landkreis.',
      body: 'Ein Integrationskurs hat 600 Stunden Sprachkurs und 100 Stunden Orientierungskurs. Fragen Sie Ihr Integrationsmanagement, welcher Kurs zu Ihnen passt.',
    },
    en: {
      title: 'German courses',
      summary:
        'Integration courses, job-related language courses and specialist language courses in the district.',
      body: 'An integration course has 600 hours of language lessons and 100 hours of orientation. Ask your integration manager which course suits you.',
    },
    ar: {
      title: 'دورات اللغة الألمانية',
      summary: 'دورات الاندماج ودورات اللغة المهنية ودورات اللغة التخصصية في المقاطعة.',
      body: 'تتكون دورة الاندماج من 600 ساعة لغة و100 ساعة توجيه. اسأل مدير الاندماج عن الدورة المناسبة لك.',
    },
    fa: {
      title: 'کلاس‌های زبان آلمانی',
      summary: 'دوره‌های ادغام، دوره‌های زبان شغلی و دوره‌های زبان تخصصی در شهرستان.',
      body: 'دوره ادغام شامل ۶۰۰ ساعت آموزش زبان و ۱۰۰ ساعت دوره آشنایی است. از مدیر ادغام خود بپرسید کدام دوره برای شما مناسب است.',
    },
    fr: {
      title: 'Cours d’allemand',
      summary:
        'Cours d’intégration, cours de langue à visée professionnelle et cours de langue spécialisée dans le district.',
      body: 'Un cours d’intégration comprend 600 heures de langue et 100 heures d’orientation. Demandez à votre gestionnaire d’intégration quel cours vous convient.',
    },
    uk: {
      title: 'Курси німецької мови',
      summary: 'Інтеграційні курси, професійні мовні курси та курси фахової мови в районі.',
      body: 'Інтеграційний курс складається з 600 годин мовного курсу та 100 годин орієнтаційного курсу. Запитайте свого менеджера з інтеграції, який курс підходить саме вам.',
    },
  }),
  page('anerkennung', 2, {
    de: {
      title: 'Anerkennung ausländischer Abschlüsse',
      summary:
        'So lassen Sie Ihren Schul-, Berufs- oder Hochschulabschluss in Deutschland anerkennen.',
      body: 'Für viele Berufe brauchen Sie eine Anerkennung. Laden Sie Ihre Zeugnisse in MoBio hoch und teilen Sie sie mit Ihrer Beratung.',
    },
    en: {
      title: 'Recognition of foreign qualifications',
      summary:
        'How to have your school, vocational or university qualification recognised in Germany.',
      body: 'Many professions need recognition. Upload your certificates to MoBio and share them with your adviser.',
    },
    ar: {
      title: 'معادلة الشهادات الأجنبية',
      summary: 'كيف تحصل على الاعتراف بشهادتك المدرسية أو المهنية أو الجامعية في ألمانيا.',
      body: 'تحتاج كثير من المهن إلى معادلة. ارفع شهاداتك إلى MoBio وشاركها مع مستشارك.',
    },
    fa: {
      title: 'ارزشیابی مدارک خارجی',
      summary: 'چگونه مدرک مدرسه، حرفه‌ای یا دانشگاهی خود را در آلمان ارزشیابی کنید.',
      body: 'بسیاری از شغل‌ها به ارزشیابی مدرک نیاز دارند. گواهی‌های خود را در MoBio بارگذاری کنید و با مشاور خود به اشتراک بگذارید.',
    },
    fr: {
      title: 'Reconnaissance des diplômes étrangers',
      summary:
        'Comment faire reconnaître votre diplôme scolaire, professionnel ou universitaire en Allemagne.',
      body: 'Beaucoup de métiers exigent une reconnaissance. Téléversez vos certificats dans MoBio et partagez-les avec votre conseiller.',
    },
    uk: {
      title: 'Визнання іноземних дипломів',
      summary:
        'Як домогтися визнання у Німеччині вашого шкільного атестата, професійної кваліфікації чи диплома про вищу освіту.',
      body: 'Для багатьох професій потрібне визнання. Завантажте свої документи в MoBio і надайте до них доступ своєму консультантові.',
    },
  }),
  page('datenschutz', 3, {
    de: {
      title: 'Ihre Daten gehören Ihnen',
      summary: 'Sie entscheiden, wer was sieht – und können es jederzeit widerrufen.',
      body: 'Niemand im Landratsamt sieht Ihre Daten, solange Sie sie nicht freigeben. Jeder Zugriff wird protokolliert und ist für Sie sichtbar.',
    },
    en: {
      title: 'Your data belongs to you',
      summary: 'You decide who sees what – and you can revoke it at any time.',
      body: 'Nobody at the district office sees your data unless you share it. Every access is logged and visible to you.',
    },
    ar: {
      title: 'بياناتك ملك لك',
      summary: 'أنت تقرر من يرى ماذا، ويمكنك إلغاء ذلك في أي وقت.',
      body: 'لا يرى أحد في مكتب المقاطعة بياناتك ما لم تشاركها. يُسجَّل كل اطلاع ويمكنك رؤيته.',
    },
    fa: {
      title: 'اطلاعات شما متعلق به خودتان است',
      summary: 'شما تصمیم می‌گیرید چه کسی چه چیزی را ببیند و هر زمان می‌توانید آن را لغو کنید.',
      body: 'هیچ‌کس در اداره شهرستان اطلاعات شما را نمی‌بیند مگر اینکه خودتان آن را به اشتراک بگذارید. هر دسترسی ثبت می‌شود و برای شما قابل مشاهده است.',
    },
    fr: {
      title: 'Vos données vous appartiennent',
      summary: 'Vous décidez qui voit quoi – et vous pouvez le révoquer à tout moment.',
      body: 'Personne à l’administration ne voit vos données tant que vous ne les partagez pas. Chaque accès est enregistré et visible pour vous.',
    },
    uk: {
      title: 'Ваші дані належать вам',
      summary: 'Ви вирішуєте, хто що бачить, — і можете будь-коли це відкликати.',
      body: 'Ніхто в районній адміністрації не бачить ваших даних, доки ви не надасте до них доступ. Кожен доступ записується, і ви можете його побачити.',
    },
  }),
];

export const infoEvents = [
  {
    startsInDays: 14,
    hour: 17,
    durationHours: 2,
    location: 'Landratsamt Musterstadt, Raum 104',
    texts: {
      de: {
        title: 'Infoabend: Anerkennung von Berufsabschlüssen',
        description: 'Beratung mit Dolmetschung in Arabisch und Farsi.',
      },
      en: {
        title: 'Information evening: recognition of qualifications',
        description: 'Advice with interpreting into Arabic and Farsi.',
      },
      ar: {
        title: 'أمسية معلومات: معادلة الشهادات المهنية',
        description: 'استشارة مع ترجمة فورية إلى العربية والفارسية.',
      },
      fa: {
        title: 'شب اطلاع‌رسانی: ارزشیابی مدارک حرفه‌ای',
        description: 'مشاوره با ترجمه به عربی و فارسی.',
      },
      fr: {
        title: 'Soirée d’information : reconnaissance des diplômes',
        description: 'Conseil avec interprétation en arabe et en farsi.',
      },
      uk: {
        title: 'Інформаційний вечір: визнання професійних кваліфікацій',
        description: 'Консультація з усним перекладом арабською та фарсі.',
      },
    },
  },
  {
    startsInDays: 30,
    hour: 10,
    durationHours: 3,
    location: 'Volkshochschule Musterstadt',
    texts: {
      de: {
        title: 'Sprachcafé',
        description: 'Deutsch sprechen in entspannter Runde, für alle Niveaus.',
      },
      en: {
        title: 'Language café',
        description: 'Practise German in a relaxed group, all levels welcome.',
      },
      ar: { title: 'مقهى اللغة', description: 'تحدث الألمانية في جو مريح، لجميع المستويات.' },
      fa: {
        title: 'کافه زبان',
        description: 'تمرین صحبت به آلمانی در فضایی دوستانه، برای همه سطوح.',
      },
      fr: {
        title: 'Café des langues',
        description: 'Parler allemand dans une ambiance détendue, tous niveaux.',
      },
      uk: {
        title: 'Мовне кафе',
        description: 'Розмовляйте німецькою в невимушеній атмосфері, для всіх рівнів.',
      },
    },
  },
];
