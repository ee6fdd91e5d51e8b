import type { APIRoute } from 'astro';
import { preferredLocale } from '../lib/locale-choice';

/**
 * The reset link of the e-mail carries no language: it opens the form in the one the person uses.
 * An endpoint, not a page: Astro's i18n routing answers 404 to pages outside a locale.
 */
export const GET: APIRoute = ({ cookies, request, url, redirect }) => {
  const code = url.searchParams.get('code');
  const query = code ? `?${new URLSearchParams({ code })}` : '';
  return redirect(`/${preferredLocale(cookies, request)}/reset-password${query}`, 302);
};
