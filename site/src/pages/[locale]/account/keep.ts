import type { APIRoute } from 'astro';
import { stopErasure } from '../../../lib/sharing';

/**
 * "Do not delete": the one button that stops an erasure the district office announced. A POST
 * (Astro's checkOrigin refuses cross-site posts); the dashboard then says so, or shows the
 * notice again when the CMS could not be reached.
 */
export const POST: APIRoute = async ({ locals, redirect }) => {
  const { locale, jwt } = locals;
  // The middleware let only logged-in users through.
  const result = await stopErasure(jwt!);
  return redirect(`/${locale}/dashboard${result.ok ? '?erasure=stopped' : ''}`, 303);
};

export const GET: APIRoute = () =>
  new Response('Method Not Allowed', { status: 405, headers: { Allow: 'POST' } });
