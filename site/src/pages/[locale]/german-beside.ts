import type { APIRoute } from 'astro';
import { t } from '../../i18n';
import { readForm } from '../../lib/forms';
import { rememberGermanBeside } from '../../lib/german-beside';
import { safeNext } from '../../lib/next';

/**
 * The "German beside" switch (a form in the newcomer's pages): remembers the choice in a cookie
 * and sends the browser back to the page it came from (only a page of this site, safeNext).
 * A POST, so the choice is not changed by a link on another site (Astro's checkOrigin).
 */
export const POST: APIRoute = async ({ locals, request, cookies, redirect }) => {
  const { locale } = locals;
  const form = await readForm(request, ['show', 'next'] as const);
  if (form.show !== 'on' && form.show !== 'off') {
    return new Response(t(locale)('error.unexpected'), {
      status: 400,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  }
  rememberGermanBeside(cookies, form.show === 'on');
  return redirect(safeNext(form.next, locale), 303);
};

export const GET: APIRoute = () =>
  new Response('Method Not Allowed', { status: 405, headers: { Allow: 'POST' } });
