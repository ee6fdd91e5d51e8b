import type { Locale, Localized } from './locales.js';

/** Labels of the CV (Lebenslauf), Europass-like: personal data, languages with the CEFR grid, education, work. */
export const CV_LABELS = {
  title: { de: 'Lebenslauf', en: 'Curriculum vitae', ar: 'السيرة الذاتية', fa: 'رزومه', fr: 'Curriculum vitae' },
  personal: { de: 'Persönliche Angaben', en: 'Personal information', ar: 'المعلومات الشخصية', fa: 'اطلاعات شخصی', fr: 'Informations personnelles' },
  birth: { de: 'Geboren', en: 'Born', ar: 'تاريخ ومكان الميلاد', fa: 'تاریخ و محل تولد', fr: 'Né(e)' },
  nationality: { de: 'Staatsangehörigkeit', en: 'Nationality', ar: 'الجنسية', fa: 'تابعیت', fr: 'Nationalité' },
  contact: { de: 'Kontakt', en: 'Contact', ar: 'التواصل', fa: 'تماس', fr: 'Contact' },
  address: { de: 'Anschrift', en: 'Address', ar: 'العنوان', fa: 'نشانی', fr: 'Adresse' },
  familyStatus: { de: 'Familienstand', en: 'Family status', ar: 'الحالة الاجتماعية', fa: 'وضعیت تأهل', fr: 'Situation familiale' },
  languages: { de: 'Sprachkenntnisse', en: 'Language skills', ar: 'المهارات اللغوية', fa: 'مهارت‌های زبانی', fr: 'Compétences linguistiques' },
  motherTongue: { de: 'Muttersprache(n)', en: 'Mother tongue(s)', ar: 'اللغة الأم', fa: 'زبان مادری', fr: 'Langue(s) maternelle(s)' },
  language: { de: 'Sprache', en: 'Language', ar: 'اللغة', fa: 'زبان', fr: 'Langue' },
  cefrNote: {
    de: 'Niveaus nach dem Gemeinsamen Europäischen Referenzrahmen (A1–C2), selbst eingeschätzt oder belegt.',
    en: 'Levels of the Common European Framework of Reference (A1–C2), self-assessed or certified.',
    ar: 'المستويات حسب الإطار الأوروبي المرجعي المشترك للغات (A1–C2)، بتقييم ذاتي أو بشهادة.',
    fa: 'سطوح بر اساس چارچوب مرجع مشترک اروپایی برای زبان‌ها (A1–C2)، خودارزیابی یا دارای گواهی.',
    fr: 'Niveaux du Cadre européen commun de référence (A1–C2), auto-évalués ou certifiés.',
  },
  education: { de: 'Schule, Ausbildung und Studium', en: 'Education and training', ar: 'التعليم والتدريب', fa: 'تحصیلات و آموزش', fr: 'Éducation et formation' },
  work: { de: 'Berufserfahrung', en: 'Work experience', ar: 'الخبرة المهنية', fa: 'سابقه کار', fr: 'Expérience professionnelle' },
  recognition: { de: 'Anerkennung in Deutschland', en: 'Recognition in Germany', ar: 'المعادلة في ألمانيا', fa: 'ارزشیابی در آلمان', fr: 'Reconnaissance en Allemagne' },
  today: { de: 'heute', en: 'present', ar: 'حتى الآن', fa: 'تاکنون', fr: 'aujourd’hui' },
  freeText: {
    de: 'Freitexte stehen so, wie sie eingegeben wurden.',
    en: 'Free text is shown as it was entered.',
    ar: 'النصوص الحرة معروضة كما أُدخلت.',
    fa: 'متن‌های آزاد همان‌طور که وارد شده‌اند نمایش داده می‌شوند.',
    fr: 'Les textes libres figurent tels qu’ils ont été saisis.',
  },
} satisfies Record<string, Localized>;

/** Profile fields a newcomer may choose to put on the CV; the name is always there. */
export const CV_PERSONAL_FIELDS = ['birth', 'nationality', 'contact', 'address', 'familyStatus'] as const;
export type CvPersonalField = (typeof CV_PERSONAL_FIELDS)[number];

/** The CV labels in one locale. */
export function cvLabels(locale: Locale): Record<keyof typeof CV_LABELS, string> {
  return Object.fromEntries(Object.entries(CV_LABELS).map(([key, texts]) => [key, texts[locale]])) as Record<keyof typeof CV_LABELS, string>;
}
