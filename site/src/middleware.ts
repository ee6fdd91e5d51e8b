import { DEFAULT_LOCALE, dirOf, isLocale } from '@mobio/config';
import { defineMiddleware } from 'astro:middleware';
import { t } from './i18n';

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

export const onRequest = defineMiddleware(async (context, next) => {
  const first = context.url.pathname.split('/')[1];
  const locale = isLocale(first) ? first : DEFAULT_LOCALE;
  context.locals.locale = locale;
  context.locals.dir = dirOf(locale);
  context.locals.t = t(locale);

  const response = await next();
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  // The dev server injects inline scripts (Vite client, toolbar); the policy is for the built site.
  if (!import.meta.env.DEV) response.headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  return response;
});
