import type { Locale, Localized } from './locales.js';

/** Labels of the integration plan PDF (German beside the newcomer's language). */
export const PLAN_LABELS = {
  title: { de: 'Integrationsplan und Zielvereinbarung', en: 'Integration plan and goal agreement', ar: 'خطة الاندماج واتفاق الأهداف', fa: 'برنامه ادغام و توافق‌نامه اهداف', fr: 'Plan d’intégration et accord d’objectifs' },
  person: { de: 'Für', en: 'For', ar: 'لـ', fa: 'برای', fr: 'Pour' },
  version: { de: 'Version', en: 'Version', ar: 'الإصدار', fa: 'نسخه', fr: 'Version' },
  status: { de: 'Stand', en: 'Status', ar: 'الحالة', fa: 'وضعیت', fr: 'Statut' },
  accepted: { de: 'Vereinbart am {date} (Version {version})', en: 'Agreed on {date} (version {version})', ar: 'تمت الموافقة في {date} (الإصدار {version})', fa: 'توافق شده در {date} (نسخه {version})', fr: 'Convenu le {date} (version {version})' },
  situation: { de: 'Ausgangslage', en: 'Situation', ar: 'الوضع الحالي', fa: 'وضعیت فعلی', fr: 'Situation' },
  goals: { de: 'Ziele', en: 'Goals', ar: 'الأهداف', fa: 'اهداف', fr: 'Objectifs' },
  measures: { de: 'Vereinbarte Maßnahmen', en: 'Agreed measures', ar: 'الإجراءات المتفق عليها', fa: 'اقدامات توافق شده', fr: 'Mesures convenues' },
  what: { de: 'Was', en: 'What', ar: 'ماذا', fa: 'چه', fr: 'Quoi' },
  who: { de: 'Wer', en: 'Who', ar: 'مَن', fa: 'چه کسی', fr: 'Qui' },
  due: { de: 'Bis', en: 'By', ar: 'حتى', fa: 'تا', fr: 'D’ici le' },
  goalStatus: { de: 'Status', en: 'Status', ar: 'الحالة', fa: 'وضعیت', fr: 'Statut' },
  reviews: { de: 'Überprüfungstermine', en: 'Review dates', ar: 'مواعيد المراجعة', fa: 'تاریخ‌های بازبینی', fr: 'Dates de révision' },
  notes: { de: 'Anmerkungen', en: 'Notes', ar: 'ملاحظات', fa: 'یادداشت‌ها', fr: 'Remarques' },
  untranslated: { de: '(noch nicht übersetzt)', en: '(not yet translated)', ar: '(لم تُترجم بعد)', fa: '(هنوز ترجمه نشده)', fr: '(pas encore traduit)' },
  freeText: {
    de: 'Freitexte der Beratung stehen so, wie sie geschrieben wurden.',
    en: 'The adviser’s free text is shown as written.',
    ar: 'نصوص المستشار الحرة معروضة كما كُتبت.',
    fa: 'متن‌های آزاد مشاور همان‌طور که نوشته شده‌اند نمایش داده می‌شوند.',
    fr: 'Les textes libres du conseiller figurent tels qu’ils ont été écrits.',
  },
} satisfies Record<string, Localized>;

/** The plan labels in one locale. */
export function planLabels(locale: Locale): Record<keyof typeof PLAN_LABELS, string> {
  return Object.fromEntries(Object.entries(PLAN_LABELS).map(([key, texts]) => [key, texts[locale]])) as Record<keyof typeof PLAN_LABELS, string>;
}
