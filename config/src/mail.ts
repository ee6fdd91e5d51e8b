import { byLocale } from './i18n/index.js';

/** Texts of the e-mails MoBio sends, in every locale (catalogues' `mail`); `{name}` placeholders are filled in. */
export const RETENTION_NOTICE = byLocale((c) => c.mail.retentionNotice);
/** To a newcomer whose account the district office announced to delete on request. */
export const ERASURE_NOTICE = byLocale((c) => c.mail.erasureNotice);

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => values[key] ?? match);
}

/** To a staff member whose account an administrator changed or deleted (the staff side is German). */
export const STAFF_ACCOUNT_CHANGED = {
  subject: 'Ihr MoBio-Mitarbeiterkonto wurde geändert',
  changed:
    'Eine Administratorin oder ein Administrator hat an Ihrem MoBio-Mitarbeiterkonto Folgendes geändert: {fields}.',
  deleted: 'Eine Administratorin oder ein Administrator hat Ihr MoBio-Mitarbeiterkonto gelöscht.',
  footer:
    'Wenn Sie das nicht erwartet haben, wenden Sie sich bitte an Ihre Verwaltung.\n\n{municipality}',
  fields: {
    firstname: 'Vorname',
    lastname: 'Nachname',
    username: 'Benutzername',
    roles: 'Rollen',
    isActive: 'aktiv/gesperrt',
    blocked: 'gesperrt',
    preferedLanguage: 'Sprache',
  } as Record<string, string>,
};
