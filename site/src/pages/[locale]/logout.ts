import type { APIRoute } from 'astro';
import { clearSession } from '../../lib/session';

/**
 * Logging out is a POST (a small form in the header), so a link or an image on another site
 * cannot log anyone out; Astro's checkOrigin refuses cross-site posts.
 * The CMS's JWT cannot be revoked (users-permissions legacy mode): the cookie is what is removed.
 */
export const POST: APIRoute = ({ locals, cookies, redirect }) => {
  const { locale } = locals;
  clearSession(cookies);
  return redirect(`/${locale}/`, 303);
};

export const GET: APIRoute = () =>
  new Response('Method Not Allowed', { status: 405, headers: { Allow: 'POST' } });
