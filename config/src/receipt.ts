import type { Locale, Localized } from './locales.js';

/**
 * Labels of the consent receipt (one per grant), modelled on ISO/IEC TS 27560 and the Kantara
 * consent receipt: who shared what with whom, for which purpose, from when until when, how to revoke.
 */
export const RECEIPT_LABELS = {
  title: { de: 'Einwilligungsnachweis', en: 'Consent receipt', ar: 'إيصال الموافقة', fa: 'رسید رضایت', fr: 'Reçu de consentement' },
  receiptId: { de: 'Nachweis-Nr.', en: 'Receipt ID', ar: 'رقم الإيصال', fa: 'شماره رسید', fr: 'N° de reçu' },
  issuedAt: { de: 'Ausgestellt am', en: 'Issued on', ar: 'تاريخ الإصدار', fa: 'تاریخ صدور', fr: 'Émis le' },
  dataSubject: { de: 'Sie (betroffene Person)', en: 'You (data subject)', ar: 'أنت (صاحب البيانات)', fa: 'شما (صاحب اطلاعات)', fr: 'Vous (personne concernée)' },
  controller: { de: 'Verantwortliche Stelle', en: 'Controller', ar: 'الجهة المسؤولة', fa: 'نهاد مسئول', fr: 'Responsable du traitement' },
  privacyOfficer: { de: 'Datenschutzbeauftragte/r', en: 'Data protection officer', ar: 'مسؤول حماية البيانات', fa: 'مسئول حفاظت از اطلاعات', fr: 'Délégué à la protection des données' },
  recipient: { de: 'Freigegeben für', en: 'Shared with', ar: 'تمت المشاركة مع', fa: 'به اشتراک گذاشته شده با', fr: 'Partagé avec' },
  purpose: { de: 'Zweck', en: 'Purpose', ar: 'الغرض', fa: 'هدف', fr: 'Finalité' },
  categories: { de: 'Freigegebene Bereiche', en: 'Shared sections', ar: 'الأقسام المشتركة', fa: 'بخش‌های به اشتراک گذاشته شده', fr: 'Sections partagées' },
  access: { de: 'Zugriff', en: 'Access', ar: 'نوع الوصول', fa: 'نوع دسترسی', fr: 'Accès' },
  validFrom: { de: 'Gültig ab', en: 'Valid from', ar: 'صالح من', fa: 'معتبر از', fr: 'Valable à partir du' },
  validUntil: { de: 'Gültig bis', en: 'Valid until', ar: 'صالح حتى', fa: 'معتبر تا', fr: 'Valable jusqu’au' },
  status: { de: 'Stand', en: 'Status', ar: 'الحالة', fa: 'وضعیت', fr: 'Statut' },
  active: { de: 'gültig', en: 'in force', ar: 'سارية', fa: 'معتبر', fr: 'en vigueur' },
  revoked: { de: 'widerrufen am {date}', en: 'revoked on {date}', ar: 'أُلغيت في {date}', fa: 'لغو شده در {date}', fr: 'révoqué le {date}' },
  expired: { de: 'abgelaufen', en: 'expired', ar: 'منتهية', fa: 'منقضی شده', fr: 'expiré' },
  howToRevoke: {
    de: 'Sie können diese Freigabe jederzeit ohne Angabe von Gründen widerrufen: in MoBio unter {url}. Der Zugriff endet sofort.',
    en: 'You can revoke this sharing at any time without giving reasons: in MoBio at {url}. Access ends at once.',
    ar: 'يمكنك إلغاء هذه المشاركة في أي وقت دون ذكر الأسباب: في MoBio على {url}. ينتهي الوصول فوراً.',
    fa: 'شما می‌توانید این اشتراک‌گذاری را هر زمان و بدون ذکر دلیل لغو کنید: در MoBio در {url}. دسترسی فوراً پایان می‌یابد.',
    fr: 'Vous pouvez révoquer ce partage à tout moment sans donner de raison : dans MoBio à l’adresse {url}. L’accès prend fin immédiatement.',
  },
} satisfies Record<string, Localized>;

/** The receipt labels in one locale. */
export function receiptLabels(locale: Locale): Record<keyof typeof RECEIPT_LABELS, string> {
  return Object.fromEntries(Object.entries(RECEIPT_LABELS).map(([key, texts]) => [key, texts[locale]])) as Record<keyof typeof RECEIPT_LABELS, string>;
}
