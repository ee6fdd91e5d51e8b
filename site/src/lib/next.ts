import { LOCALES, type Locale } from '@mobio/config';

// A path of this site in one of its locales: no scheme, no host, no "//" or "\" that a browser
// could read as another site, and no query but an invitation code (a scanned QR code that needed a login).
const LOCAL_PATH = new RegExp(
  `^/(?:${LOCALES.join('|')})(?:/[A-Za-z0-9_-]+)*/?(?:\\?code=[A-Za-z0-9-]{1,20})?$`,
);

/** Where to go after logging in: the given `next` if it is a page of this site, else the dashboard. */
export function safeNext(next: string | null | undefined, locale: Locale): string {
  return next && LOCAL_PATH.test(next) ? next : `/${locale}/dashboard`;
}
