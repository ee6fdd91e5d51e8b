import { DEFAULT_LOCALE, isOffered, type Locale } from '@mobio/config';
import type { APIRoute, AstroCookies } from 'astro';
import { siteConfig } from './config';

/*
 * The UI language is remembered: every page in a language notes it in a cookie, and the addresses
 * without one (the start "/", the reset link of the e-mail) lead to it. Before the first visit the
 * browser's languages decide, then German.
 */

/** Whether this installation offers the language (LOCALES); one it does not is as unknown as any other. */
export function isOfferedLocale(value: unknown): value is Locale {
  return isOffered(siteConfig().locales, value);
}

export const LOCALE_COOKIE = 'mobio_locale';
const ONE_YEAR_SECONDS = 366 * 24 * 60 * 60;

/** The first of the browser's Accept-Language entries (by weight) that the site offers. */
export function fromAcceptLanguage(header: string | null): Locale | undefined {
  const ranked = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return {
        language: tag.split('-')[0].toLowerCase(),
        q: q === undefined ? 1 : Number(q),
        index,
      };
    })
    .filter(({ q }) => q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.map(({ language }) => language).find(isOfferedLocale);
}

/** The language to send someone to: the remembered one, else the browser's, else German. */
export function preferredLocale(cookies: AstroCookies, request: Request): Locale {
  const remembered = cookies.get(LOCALE_COOKIE)?.value;
  return isOfferedLocale(remembered)
    ? remembered
    : (fromAcceptLanguage(request.headers.get('accept-language')) ?? DEFAULT_LOCALE);
}

/** Notes the language of the page being shown, when it is not the one remembered already. */
export function rememberLocale(cookies: AstroCookies, locale: Locale): void {
  if (cookies.get(LOCALE_COOKIE)?.value === locale) return;
  cookies.set(LOCALE_COOKIE, locale, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: new URL(siteConfig().site.publicUrl).protocol === 'https:',
    maxAge: ONE_YEAR_SECONDS,
  });
}

/**
 * An address that carries no language (the reset link of the e-mail, the invitation link and its QR
 * code): it opens the page in the person's language, keeping only the code of the query. An
 * endpoint, not a page: Astro's i18n routing answers 404 to pages outside a locale.
 */
export function inPreferredLocale(page: string): APIRoute {
  return ({ cookies, request, url, redirect }) => {
    const code = url.searchParams.get('code');
    const query = code ? `?${new URLSearchParams({ code })}` : '';
    return redirect(`/${preferredLocale(cookies, request)}/${page}${query}`, 302);
  };
}
