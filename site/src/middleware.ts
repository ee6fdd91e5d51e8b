import { DEFAULT_LOCALE, dirOf, logProcessFaults } from '@mobio/config';
import type { APIContext } from 'astro';
import { defineMiddleware } from 'astro:middleware';
import { t } from './i18n';
import { me } from './lib/auth';
import { clientAddressOf, withClientAddress } from './lib/client-address';
import { germanLine, offersGermanBeside, readGermanBeside } from './lib/german-beside';
import { isOfferedLocale, rememberLocale } from './lib/locale-choice';
import { clearSession, readSession } from './lib/session';

// Loaded once with the server: a forgotten error path in one request is logged, the site stays up.
logProcessFaults('site');

// Pages that need a logged-in newcomer: the dashboard, the profile, records, documents, sharing, the
// plan and the account, with everything under them (downloads included). Only these ask the CMS who
// the user is; the header shows "logged in" from the cookie alone.
const PROTECTED =
  /^\/[a-z]{2}\/(?:dashboard|profile|records|documents|sharing|plan|account)(?:\/[^/]+)*\/?$/;

// No inline script or style anywhere (build.inlineStylesheets: 'never', no client JS), so the
// policy can forbid both; an injected <script> would not run.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "base-uri 'none'",
  "object-src 'none'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
  'X-Frame-Options': 'DENY',
};

/**
 * On a protected page: the login redirect (with a way back) when there is no session or the CMS
 * refuses its JWT (the cookie is then removed); otherwise undefined, with locals.user set — or
 * locals.userUnavailable when the CMS cannot be asked, so the page shows a notice instead of a 500.
 */
async function checkSession(context: APIContext): Promise<Response | undefined> {
  // The invitation code of a scanned QR code survives the login (safeNext allows only that query).
  const code = context.url.searchParams.get('code');
  const target = context.url.pathname + (code ? `?${new URLSearchParams({ code })}` : '');
  const back = `/${context.locals.locale}/login?next=${encodeURIComponent(target)}`;
  if (!context.locals.jwt) return context.redirect(back, 303);
  const user = await me(context.locals.jwt);
  if (user.ok) context.locals.user = user.data;
  else if (user.failure.status === 401) {
    clearSession(context.cookies);
    context.locals.jwt = undefined;
    return context.redirect(back, 303);
  } else context.locals.userUnavailable = true;
  return undefined;
}

export const onRequest = defineMiddleware((context, next) =>
  // Every CMS call made for this request names the person's address (lib/client-address.ts).
  withClientAddress(
    clientAddressOf(context.request, () => context.clientAddress),
    () => handle(context, next),
  ),
);

async function handle(context: APIContext, next: () => Promise<Response>): Promise<Response> {
  // The one check of the [locale] segment: a page under src/pages/[locale]/ with an unknown locale
  // (/xx/login), or one with catalogues that this installation does not offer (LOCALES), is the 404
  // page; past this line every such page reads an offered Astro.locals.locale.
  if (context.routePattern.startsWith('/[locale]') && !isOfferedLocale(context.params.locale))
    return context.rewrite('/404');
  const first = context.url.pathname.split('/')[1];
  const offered = isOfferedLocale(first);
  const locale = offered ? first : DEFAULT_LOCALE;
  context.locals.locale = locale;
  context.locals.dir = dirOf(locale);
  context.locals.t = t(locale);
  context.locals.germanBeside = offersGermanBeside(locale) && readGermanBeside(context.cookies);
  context.locals.german = germanLine(locale, context.locals.germanBeside);
  context.locals.jwt = readSession(context.cookies);

  const path = context.url.pathname;
  if (offered) rememberLocale(context.cookies, first);
  const isProtected = offered && PROTECTED.test(path);
  const response = (isProtected && (await checkSession(context))) || (await next());
  // Pages for one person are never stored by a browser or proxy cache.
  if (context.locals.jwt || isProtected) response.headers.set('Cache-Control', 'no-store');
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  // The dev server injects inline scripts (Vite client, toolbar); the policy is for the built site.
  if (!import.meta.env.DEV)
    response.headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  return response;
}
