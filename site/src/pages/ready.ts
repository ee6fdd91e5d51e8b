import type { APIRoute } from 'astro';
import { siteConfig } from '../lib/config';

/**
 * Readiness for load balancers: the site can reach the CMS. Says which check failed and nothing
 * else. (Liveness is /health, which asks nobody.)
 */
export const GET: APIRoute = async () => {
  let reachable = false;
  try {
    const response = await fetch(new URL('/_health', siteConfig().cms.internalUrl), { signal: AbortSignal.timeout(2000) });
    reachable = response.status === 204 || response.ok;
  } catch {
    reachable = false;
  }
  const headers = { 'cache-control': 'no-store' };
  return reachable
    ? Response.json({ status: 'ready' }, { headers })
    : Response.json({ status: 'not ready', failed: ['cms'] }, { status: 503, headers });
};
