import type { Localized } from './locales.js';

/** Texts of the e-mails MoBio sends, in every locale; `{name}` placeholders are filled in. */
export const RETENTION_NOTICE: { subject: Localized; body: Localized } = {
  subject: {
    de: 'Ihr MoBio-Konto wird bald gelöscht',
    en: 'Your MoBio account will be deleted soon',
    ar: 'سيتم حذف حسابك في MoBio قريباً',
    fa: 'حساب MoBio شما به‌زودی حذف می‌شود',
    fr: 'Votre compte MoBio sera bientôt supprimé',
  },
  body: {
    de: 'Sie haben MoBio seit langer Zeit nicht benutzt. Wenn Sie sich bis zum {date} nicht anmelden, werden Ihr Konto und alle Ihre Daten und Dokumente gelöscht. Anmelden: {url}\n\n{municipality}',
    en: 'You have not used MoBio for a long time. If you do not log in by {date}, your account and all your data and documents will be deleted. Log in: {url}\n\n{municipality}',
    ar: 'لم تستخدم MoBio منذ وقت طويل. إذا لم تسجّل الدخول قبل {date} فسيتم حذف حسابك وجميع بياناتك ووثائقك. تسجيل الدخول: {url}\n\n{municipality}',
    fa: 'مدت زیادی است که از MoBio استفاده نکرده‌اید. اگر تا {date} وارد نشوید، حساب شما و همه اطلاعات و مدارک‌تان حذف می‌شود. ورود: {url}\n\n{municipality}',
    fr: 'Vous n’avez pas utilisé MoBio depuis longtemps. Si vous ne vous connectez pas avant le {date}, votre compte ainsi que toutes vos données et documents seront supprimés. Connexion : {url}\n\n{municipality}',
  },
};

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => values[key] ?? match);
}

/** To a staff member whose account an administrator changed or deleted (the staff side is German). */
export const STAFF_ACCOUNT_CHANGED = {
  subject: 'Ihr MoBio-Mitarbeiterkonto wurde geändert',
  changed: 'Eine Administratorin oder ein Administrator hat an Ihrem MoBio-Mitarbeiterkonto Folgendes geändert: {fields}.',
  deleted: 'Eine Administratorin oder ein Administrator hat Ihr MoBio-Mitarbeiterkonto gelöscht.',
  footer: 'Wenn Sie das nicht erwartet haben, wenden Sie sich bitte an Ihre Verwaltung.\n\n{municipality}',
  fields: { firstname: 'Vorname', lastname: 'Nachname', username: 'Benutzername', roles: 'Rollen', isActive: 'aktiv/gesperrt', blocked: 'gesperrt', preferedLanguage: 'Sprache' } as Record<string, string>,
};
