import type { z } from 'zod';
import { siteConfig } from './config';

// A CMS that is not running fails at once (connection refused); this only ends the wait for one
// that took the request and does not answer. A person's own data is worth waiting for: when many
// people use one CMS on SQLite at once, answers can take several seconds (`npm run bench`, load
// without think time), and a late page is better than an error.
const TIMEOUT_MS = 15_000;

/**
 * One JSON call to the CMS on behalf of a page: never throws. A CMS that does not answer, or answers
 * with an unexpected shape, gives `down`; an error answer is turned into the caller's failure by
 * `failureOf`. The JWT, when there is one, goes as a Bearer token.
 */
export async function requestCms<T, F>(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  options: { jwt?: string; body?: unknown; schema: z.ZodType<T>; failureOf: (status: number, body: unknown) => F; down: F },
): Promise<{ ok: true; data: T } | { ok: false; failure: F }> {
  const url = new URL(path, siteConfig().cms.internalUrl);
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      signal: AbortSignal.timeout(TIMEOUT_MS),
      headers: {
        accept: 'application/json',
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.jwt ? { authorization: `Bearer ${options.jwt}` } : {}),
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
  } catch (error) {
    // fetch() hides the useful part (ECONNREFUSED, timeout) in error.cause.
    const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
    console.warn(`[site] ${method} ${url.pathname} failed: ${error instanceof Error ? error.message : String(error)}${cause}`);
    return { ok: false, failure: options.down };
  }
  let body: unknown;
  try {
    body = response.status === 204 ? undefined : await response.json();
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    if (response.status >= 500) console.warn(`[site] ${method} ${url.pathname} answered ${response.status}`);
    return { ok: false, failure: options.failureOf(response.status, body) };
  }
  const parsed = options.schema.safeParse(body);
  if (!parsed.success) {
    console.warn(`[site] ${method} ${url.pathname} sent an unexpected shape: ${parsed.error.message}`);
    return { ok: false, failure: options.down };
  }
  return { ok: true, data: parsed.data };
}
