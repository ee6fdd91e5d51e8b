import type { Locale, Localized } from './locales.js';

/**
 * Reference lists: coded values stored in the database, with a label in every locale.
 * The CMS schemas use the codes as enumerations (a test checks they match); the site shows the
 * newcomer's language, the admin panel and PDFs German. Countries and languages are not listed
 * here: their codes are ISO 3166 / ISO 639 and their names come from Intl.DisplayNames.
 */
function reference<const T extends Record<string, Localized>>(labels: T) {
  const codes = Object.keys(labels) as [keyof T & string, ...(keyof T & string)[]];
  return { codes, labels, label: (code: keyof T & string, locale: Locale) => labels[code][locale] };
}

/** Common European Framework of Reference levels; a mother tongue is a flag of its own. */
export const CEFR_LEVELS = reference({
  A1: { de: 'A1 – Anfänger', en: 'A1 – Beginner', ar: 'A1 – مبتدئ', fa: 'A1 – مبتدی', fr: 'A1 – Débutant' },
  A2: { de: 'A2 – Grundlegende Kenntnisse', en: 'A2 – Elementary', ar: 'A2 – أساسي', fa: 'A2 – مقدماتی', fr: 'A2 – Élémentaire' },
  B1: { de: 'B1 – Fortgeschrittene Sprachverwendung', en: 'B1 – Intermediate', ar: 'B1 – متوسط', fa: 'B1 – متوسط', fr: 'B1 – Seuil' },
  B2: { de: 'B2 – Selbständige Sprachverwendung', en: 'B2 – Upper intermediate', ar: 'B2 – فوق المتوسط', fa: 'B2 – فوق متوسط', fr: 'B2 – Avancé' },
  C1: { de: 'C1 – Fachkundige Sprachkenntnisse', en: 'C1 – Advanced', ar: 'C1 – متقدم', fa: 'C1 – پیشرفته', fr: 'C1 – Autonome' },
  C2: { de: 'C2 – Annähernd muttersprachlich', en: 'C2 – Proficient', ar: 'C2 – إتقان', fa: 'C2 – تسلط کامل', fr: 'C2 – Maîtrise' },
});

export const MOTHER_TONGUE: Localized = { de: 'Muttersprache', en: 'Mother tongue', ar: 'اللغة الأم', fa: 'زبان مادری', fr: 'Langue maternelle' };

/** The five CEFR skills of the Europass self-assessment grid. */
export const CEFR_SKILLS = reference({
  listening: { de: 'Hören', en: 'Listening', ar: 'الاستماع', fa: 'شنیدن', fr: 'Écouter' },
  reading: { de: 'Lesen', en: 'Reading', ar: 'القراءة', fa: 'خواندن', fr: 'Lire' },
  spokenInteraction: { de: 'An Gesprächen teilnehmen', en: 'Spoken interaction', ar: 'المحادثة', fa: 'گفتگو', fr: 'Prendre part à une conversation' },
  spokenProduction: { de: 'Zusammenhängendes Sprechen', en: 'Spoken production', ar: 'التحدث', fa: 'صحبت کردن', fr: "S'exprimer oralement en continu" },
  writing: { de: 'Schreiben', en: 'Writing', ar: 'الكتابة', fa: 'نوشتن', fr: 'Écrire' },
});

/** ISCED 2011 levels of education. */
export const ISCED_LEVELS = reference({
  isced0: { de: 'ISCED 0 – Frühkindliche Bildung', en: 'ISCED 0 – Early childhood education', ar: 'ISCED 0 – التعليم في الطفولة المبكرة', fa: 'ISCED 0 – آموزش پیش‌دبستانی', fr: 'CITE 0 – Éducation de la petite enfance' },
  isced1: { de: 'ISCED 1 – Primarbereich (Grundschule)', en: 'ISCED 1 – Primary education', ar: 'ISCED 1 – التعليم الابتدائي', fa: 'ISCED 1 – آموزش ابتدایی', fr: 'CITE 1 – Enseignement primaire' },
  isced2: { de: 'ISCED 2 – Sekundarbereich I', en: 'ISCED 2 – Lower secondary education', ar: 'ISCED 2 – التعليم الإعدادي', fa: 'ISCED 2 – متوسطه اول', fr: 'CITE 2 – Premier cycle du secondaire' },
  isced3: { de: 'ISCED 3 – Sekundarbereich II', en: 'ISCED 3 – Upper secondary education', ar: 'ISCED 3 – التعليم الثانوي', fa: 'ISCED 3 – متوسطه دوم', fr: 'CITE 3 – Deuxième cycle du secondaire' },
  isced4: { de: 'ISCED 4 – Postsekundarer nicht-tertiärer Bereich', en: 'ISCED 4 – Post-secondary non-tertiary education', ar: 'ISCED 4 – التعليم ما بعد الثانوي غير العالي', fa: 'ISCED 4 – آموزش پس از متوسطه غیرعالی', fr: 'CITE 4 – Post-secondaire non supérieur' },
  isced5: { de: 'ISCED 5 – Kurzes tertiäres Bildungsprogramm', en: 'ISCED 5 – Short-cycle tertiary education', ar: 'ISCED 5 – التعليم العالي قصير المدة', fa: 'ISCED 5 – آموزش عالی کوتاه‌مدت', fr: 'CITE 5 – Enseignement supérieur de cycle court' },
  isced6: { de: 'ISCED 6 – Bachelor oder gleichwertig', en: "ISCED 6 – Bachelor's or equivalent", ar: 'ISCED 6 – البكالوريوس أو ما يعادله', fa: 'ISCED 6 – کارشناسی یا معادل آن', fr: 'CITE 6 – Licence ou équivalent' },
  isced7: { de: 'ISCED 7 – Master oder gleichwertig', en: "ISCED 7 – Master's or equivalent", ar: 'ISCED 7 – الماجستير أو ما يعادله', fa: 'ISCED 7 – کارشناسی ارشد یا معادل آن', fr: 'CITE 7 – Master ou équivalent' },
  isced8: { de: 'ISCED 8 – Promotion', en: 'ISCED 8 – Doctoral or equivalent', ar: 'ISCED 8 – الدكتوراه أو ما يعادلها', fa: 'ISCED 8 – دکتری یا معادل آن', fr: 'CITE 8 – Doctorat ou équivalent' },
});

export const EDUCATION_KINDS = reference({
  school: { de: 'Schule', en: 'School', ar: 'مدرسة', fa: 'مدرسه', fr: 'École' },
  vocationalTraining: { de: 'Berufsausbildung', en: 'Vocational training', ar: 'تدريب مهني', fa: 'آموزش فنی و حرفه‌ای', fr: 'Formation professionnelle' },
  university: { de: 'Hochschule', en: 'University', ar: 'جامعة', fa: 'دانشگاه', fr: 'Université' },
  course: { de: 'Kurs oder Weiterbildung', en: 'Course or further training', ar: 'دورة أو تدريب إضافي', fa: 'دوره یا آموزش تکمیلی', fr: 'Cours ou formation continue' },
});

/** Where the recognition of a foreign qualification in Germany stands. */
export const RECOGNITION_STATUSES = reference({
  notApplied: { de: 'Nicht beantragt', en: 'Not applied for', ar: 'لم يُقدَّم طلب', fa: 'درخواست نشده', fr: 'Non demandée' },
  inProgress: { de: 'Verfahren läuft', en: 'In progress', ar: 'قيد الإجراء', fa: 'در حال بررسی', fr: 'En cours' },
  recognised: { de: 'Anerkannt', en: 'Recognised', ar: 'معترف به', fa: 'تأیید شده', fr: 'Reconnue' },
  partiallyRecognised: { de: 'Teilweise anerkannt', en: 'Partially recognised', ar: 'معترف به جزئياً', fa: 'تأیید جزئی', fr: 'Partiellement reconnue' },
  notRecognised: { de: 'Nicht anerkannt', en: 'Not recognised', ar: 'غير معترف به', fa: 'تأیید نشده', fr: 'Non reconnue' },
  notRequired: { de: 'Nicht erforderlich', en: 'Not required', ar: 'غير مطلوب', fa: 'لازم نیست', fr: 'Non requise' },
});

export const DOCUMENT_KINDS = reference({
  certificate: { de: 'Zeugnis', en: 'Certificate', ar: 'شهادة', fa: 'گواهی‌نامه', fr: 'Certificat' },
  diploma: { de: 'Abschlussurkunde', en: 'Diploma', ar: 'دبلوم', fa: 'مدرک تحصیلی', fr: 'Diplôme' },
  transcript: { de: 'Fächer- und Notenübersicht', en: 'Transcript of records', ar: 'كشف الدرجات', fa: 'ریز نمرات', fr: 'Relevé de notes' },
  languageCertificate: { de: 'Sprachzertifikat', en: 'Language certificate', ar: 'شهادة لغة', fa: 'گواهی زبان', fr: 'Certificat de langue' },
  courseConfirmation: { de: 'Teilnahmebescheinigung', en: 'Course confirmation', ar: 'إفادة حضور دورة', fa: 'گواهی شرکت در دوره', fr: 'Attestation de participation' },
  employmentReference: { de: 'Arbeitszeugnis', en: 'Employment reference', ar: 'شهادة خبرة', fa: 'گواهی سابقه کار', fr: 'Certificat de travail' },
  cv: { de: 'Lebenslauf', en: 'CV', ar: 'سيرة ذاتية', fa: 'رزومه', fr: 'CV' },
  idCopy: { de: 'Ausweiskopie', en: 'Copy of ID', ar: 'نسخة من الهوية', fa: 'کپی کارت شناسایی', fr: "Copie de pièce d'identité" },
  recognitionNotice: { de: 'Anerkennungsbescheid', en: 'Recognition notice', ar: 'قرار المعادلة', fa: 'حکم ارزشیابی مدرک', fr: 'Décision de reconnaissance' },
  other: { de: 'Sonstiges', en: 'Other', ar: 'أخرى', fa: 'سایر', fr: 'Autre' },
});

/** Fields of action of an integration plan (VwV Integrationsmanagement). */
export const FIELDS_OF_ACTION = reference({
  language: { de: 'Sprache', en: 'Language', ar: 'اللغة', fa: 'زبان', fr: 'Langue' },
  education: { de: 'Bildung', en: 'Education', ar: 'التعليم', fa: 'تحصیل', fr: 'Éducation' },
  vocationalTraining: { de: 'Ausbildung', en: 'Vocational training', ar: 'التدريب المهني', fa: 'آموزش حرفه‌ای', fr: 'Formation professionnelle' },
  work: { de: 'Arbeit', en: 'Work', ar: 'العمل', fa: 'کار', fr: 'Travail' },
  housing: { de: 'Wohnen', en: 'Housing', ar: 'السكن', fa: 'مسکن', fr: 'Logement' },
  health: { de: 'Gesundheit', en: 'Health', ar: 'الصحة', fa: 'سلامت', fr: 'Santé' },
  familyChildcare: { de: 'Familie und Kinderbetreuung', en: 'Family and childcare', ar: 'الأسرة ورعاية الأطفال', fa: 'خانواده و نگهداری کودک', fr: 'Famille et garde d’enfants' },
  socialParticipation: { de: 'Gesellschaftliche Teilhabe', en: 'Social participation', ar: 'المشاركة الاجتماعية', fa: 'مشارکت اجتماعی', fr: 'Participation sociale' },
  finances: { de: 'Finanzen', en: 'Finances', ar: 'الشؤون المالية', fa: 'امور مالی', fr: 'Finances' },
  residenceLaw: { de: 'Aufenthaltsrecht', en: 'Residence law', ar: 'قانون الإقامة', fa: 'حقوق اقامت', fr: 'Droit de séjour' },
});

export const GOAL_STATUSES = reference({
  open: { de: 'Offen', en: 'Open', ar: 'مفتوح', fa: 'باز', fr: 'Ouvert' },
  inProgress: { de: 'In Arbeit', en: 'In progress', ar: 'قيد التنفيذ', fa: 'در حال انجام', fr: 'En cours' },
  achieved: { de: 'Erreicht', en: 'Achieved', ar: 'تحقق', fa: 'انجام شد', fr: 'Atteint' },
  notAchieved: { de: 'Nicht erreicht', en: 'Not achieved', ar: 'لم يتحقق', fa: 'انجام نشد', fr: 'Non atteint' },
  dropped: { de: 'Verworfen', en: 'Dropped', ar: 'أُلغي', fa: 'کنار گذاشته شد', fr: 'Abandonné' },
});

/** Who carries out an agreed measure. */
export const MEASURE_RESPONSIBLES = reference({
  newcomer: { de: 'Neuzugewanderte Person', en: 'Newcomer', ar: 'الشخص القادم الجديد', fa: 'فرد تازه‌وارد', fr: 'Personne nouvellement arrivée' },
  integrationManager: { de: 'Integrationsmanagement', en: 'Integration manager', ar: 'مدير الاندماج', fa: 'مدیر ادغام', fr: "Gestionnaire d'intégration" },
  other: { de: 'Andere Stelle', en: 'Other body', ar: 'جهة أخرى', fa: 'نهاد دیگر', fr: 'Autre organisme' },
});

export const PLAN_STATUSES = reference({
  draft: { de: 'Entwurf', en: 'Draft', ar: 'مسودة', fa: 'پیش‌نویس', fr: 'Brouillon' },
  proposed: { de: 'Zur Zustimmung vorgelegt', en: 'Proposed for agreement', ar: 'مقدَّم للموافقة', fa: 'ارائه شده برای موافقت', fr: 'Proposé pour accord' },
  accepted: { de: 'Vereinbart', en: 'Agreed', ar: 'متفق عليه', fa: 'توافق شده', fr: 'Convenu' },
  archived: { de: 'Archiviert', en: 'Archived', ar: 'مؤرشف', fa: 'بایگانی شده', fr: 'Archivé' },
});

export const FAMILY_STATUSES = reference({
  single: { de: 'Ledig', en: 'Single', ar: 'أعزب/عزباء', fa: 'مجرد', fr: 'Célibataire' },
  married: { de: 'Verheiratet', en: 'Married', ar: 'متزوج/ة', fa: 'متأهل', fr: 'Marié·e' },
  partnership: { de: 'In Partnerschaft', en: 'In a partnership', ar: 'في شراكة', fa: 'در رابطه مشترک', fr: 'En couple' },
  separated: { de: 'Getrennt lebend', en: 'Separated', ar: 'منفصل/ة', fa: 'جدا شده', fr: 'Séparé·e' },
  divorced: { de: 'Geschieden', en: 'Divorced', ar: 'مطلق/ة', fa: 'طلاق گرفته', fr: 'Divorcé·e' },
  widowed: { de: 'Verwitwet', en: 'Widowed', ar: 'أرمل/ة', fa: 'همسر فوت شده', fr: 'Veuf/veuve' },
});

/** Residence status in Germany, coarse; the exact title goes into free text. */
export const RESIDENCE_STATUSES = reference({
  asylumPending: { de: 'Aufenthaltsgestattung (Asylverfahren)', en: 'Permission to reside (asylum procedure)', ar: 'إذن إقامة مؤقت (إجراءات اللجوء)', fa: 'اجازه اقامت موقت (روند پناهندگی)', fr: "Autorisation de séjour (procédure d'asile)" },
  refugee: { de: 'Anerkannter Flüchtling / Asyl', en: 'Recognised refugee / asylum', ar: 'لاجئ معترف به / لجوء', fa: 'پناهنده شناخته‌شده / پناهندگی', fr: 'Réfugié reconnu / asile' },
  subsidiaryProtection: { de: 'Subsidiärer Schutz', en: 'Subsidiary protection', ar: 'حماية فرعية', fa: 'حمایت تکمیلی', fr: 'Protection subsidiaire' },
  temporaryProtection: { de: 'Vorübergehender Schutz (§ 24 AufenthG)', en: 'Temporary protection (§ 24 AufenthG)', ar: 'حماية مؤقتة (المادة 24)', fa: 'حمایت موقت (ماده ۲۴)', fr: 'Protection temporaire (§ 24 AufenthG)' },
  deportationBan: { de: 'Abschiebungsverbot', en: 'Ban on deportation', ar: 'حظر الترحيل', fa: 'ممنوعیت اخراج', fr: "Interdiction d'expulsion" },
  toleration: { de: 'Duldung', en: 'Toleration (Duldung)', ar: 'تسامح (Duldung)', fa: 'دولدونگ (تحمل اقامت)', fr: 'Tolérance (Duldung)' },
  residencePermit: { de: 'Andere Aufenthaltserlaubnis', en: 'Other residence permit', ar: 'تصريح إقامة آخر', fa: 'اجازه اقامت دیگر', fr: 'Autre titre de séjour' },
  settlementPermit: { de: 'Niederlassungserlaubnis', en: 'Settlement permit', ar: 'إقامة دائمة', fa: 'اقامت دائم', fr: "Permis d'établissement" },
  euCitizen: { de: 'EU-Freizügigkeit', en: 'EU free movement', ar: 'حرية التنقل الأوروبية', fa: 'آزادی تردد اتحادیه اروپا', fr: "Libre circulation de l'UE" },
  other: { de: 'Sonstiges', en: 'Other', ar: 'أخرى', fa: 'سایر', fr: 'Autre' },
});

export const ORGANISATION_KINDS = reference({
  districtOffice: { de: 'Landratsamt', en: 'District office', ar: 'مكتب المقاطعة', fa: 'اداره شهرستان', fr: 'Administration du district' },
  municipality: { de: 'Gemeinde / Stadt', en: 'Municipality', ar: 'البلدية', fa: 'شهرداری', fr: 'Commune' },
  jobCentre: { de: 'Jobcenter / Agentur für Arbeit', en: 'Job centre', ar: 'مركز العمل', fa: 'مرکز کاریابی', fr: "Agence pour l'emploi" },
  charity: { de: 'Wohlfahrtsverband', en: 'Charity', ar: 'جمعية خيرية', fa: 'سازمان خیریه', fr: 'Association caritative' },
  school: { de: 'Schule / Bildungsträger', en: 'School / education provider', ar: 'مدرسة / جهة تعليمية', fa: 'مدرسه / مؤسسه آموزشی', fr: 'École / organisme de formation' },
  other: { de: 'Sonstige', en: 'Other', ar: 'أخرى', fa: 'سایر', fr: 'Autre' },
});

/** The parts of a newcomer's data that can be shared one by one. */
export const SECTIONS = reference({
  profile: { de: 'Persönliche Daten', en: 'Personal data', ar: 'البيانات الشخصية', fa: 'اطلاعات شخصی', fr: 'Données personnelles' },
  languages: { de: 'Sprachkenntnisse', en: 'Language skills', ar: 'المهارات اللغوية', fa: 'مهارت‌های زبانی', fr: 'Compétences linguistiques' },
  education: { de: 'Schule, Ausbildung, Studium', en: 'School, training, university', ar: 'المدرسة والتدريب والجامعة', fa: 'مدرسه، آموزش حرفه‌ای، دانشگاه', fr: 'École, formation, études' },
  employment: { de: 'Berufserfahrung', en: 'Work experience', ar: 'الخبرة المهنية', fa: 'سابقه کار', fr: 'Expérience professionnelle' },
  documents: { de: 'Dokumente und Zeugnisse', en: 'Documents and certificates', ar: 'الوثائق والشهادات', fa: 'مدارک و گواهی‌ها', fr: 'Documents et certificats' },
  plans: { de: 'Integrationsplan', en: 'Integration plan', ar: 'خطة الاندماج', fa: 'برنامه ادغام', fr: "Plan d'intégration" },
});
export type Section = (typeof SECTIONS.codes)[number];
/** The sections a newcomer keeps as lists of entries (the profile is one record; plans are written by staff). */
export const LIST_SECTIONS = ['languages', 'education', 'employment', 'documents'] as const satisfies readonly Section[];

export const ACCESS_LEVELS = reference({
  read: { de: 'Lesen', en: 'Read', ar: 'قراءة', fa: 'خواندن', fr: 'Lecture' },
  write: { de: 'Lesen und bearbeiten', en: 'Read and edit', ar: 'قراءة وتعديل', fa: 'خواندن و ویرایش', fr: 'Lecture et modification' },
});
export type Access = (typeof ACCESS_LEVELS.codes)[number];

/** Every reference list by name, for tests and for the CMS schema check. */
export const REFERENCE_LISTS = {
  cefrLevels: CEFR_LEVELS,
  cefrSkills: CEFR_SKILLS,
  iscedLevels: ISCED_LEVELS,
  educationKinds: EDUCATION_KINDS,
  recognitionStatuses: RECOGNITION_STATUSES,
  documentKinds: DOCUMENT_KINDS,
  fieldsOfAction: FIELDS_OF_ACTION,
  goalStatuses: GOAL_STATUSES,
  measureResponsibles: MEASURE_RESPONSIBLES,
  planStatuses: PLAN_STATUSES,
  familyStatuses: FAMILY_STATUSES,
  residenceStatuses: RESIDENCE_STATUSES,
  organisationKinds: ORGANISATION_KINDS,
  sections: SECTIONS,
  accessLevels: ACCESS_LEVELS,
} as const;
