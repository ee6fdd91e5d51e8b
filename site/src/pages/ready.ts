import type { APIRoute } from 'astro';
import { siteConfig } from '../lib/config';

/**
 * Readiness for load balancers: the CMS is ready — it answers and so do its database and document
 * store (its own readiness; a CMS that answers while its database is gone serves nobody). Says which
 * check failed and nothing else. (Liveness is /health, which asks nobody.)
 */
export const GET: APIRoute = async () => {
  let ready: boolean;
  try {
    const response = await fetch(new URL('/api/sharing/ready', siteConfig().cms.internalUrl), {
      signal: AbortSignal.timeout(2000),
    });
    ready = response.ok;
    await response.body?.cancel();
  } catch {
    ready = false;
  }
  const headers = { 'cache-control': 'no-store' };
  return ready
    ? Response.json({ status: 'ready' }, { headers })
    : Response.json({ status: 'not ready', failed: ['cms'] }, { status: 503, headers });
};
