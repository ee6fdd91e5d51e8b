import { request } from 'node:http';
import { loadSiteConfig } from '@mobio/config';
import type { RunningSite } from './site-server';

/**
 * Requests to the test site as a browser on the public URL sends them: Host and Origin are the
 * public URL the site was built for (Astro trusts only that host; see astro.config.mjs), so
 * same-origin form POSTs pass Astro's checkOrigin and a foreign Origin does not. Read at import,
 * before a test CMS changes process.env, as the build read it.
 */
export const PUBLIC_URL = new URL(loadSiteConfig().site.publicUrl);

export interface SiteResponse {
  status: number;
  location: string | undefined;
  /** The Set-Cookie header lines. */
  setCookies: string[];
  headers: import('node:http').IncomingHttpHeaders;
  html: string;
}

export function send(
  site: Pick<RunningSite, 'url'>,
  method: 'GET' | 'POST',
  path: string,
  options: {
    form?: Record<string, string>;
    cookie?: string;
    origin?: string;
    body?: string | Buffer;
    contentType?: string;
    /** More request headers (as any client could send them). */
    headers?: Record<string, string>;
    /** The loopback address the request comes from (127.0.0.2 …): another person for the site. */
    localAddress?: string;
  } = {},
): Promise<SiteResponse> {
  const body =
    options.body ?? (options.form ? new URLSearchParams(options.form).toString() : undefined);
  return new Promise((resolve, reject) => {
    const req = request(site.url + path, {
      method,
      localAddress: options.localAddress,
      headers: {
        ...options.headers,
        host: PUBLIC_URL.host,
        ...(method === 'POST'
          ? {
              origin: options.origin ?? PUBLIC_URL.origin,
              'content-type': options.contentType ?? 'application/x-www-form-urlencoded',
            }
          : {}),
        ...(options.cookie ? { cookie: options.cookie } : {}),
      },
    });
    req.on('response', (res) => {
      let html = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (html += chunk));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          location: res.headers.location,
          setCookies: res.headers['set-cookie'] ?? [],
          headers: res.headers,
          html,
        }),
      );
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** The `name=value` of the session cookie a response sets, for the next request's Cookie header. */
export function sessionCookie(response: SiteResponse): string | undefined {
  const line = response.setCookies.find((c) => c.startsWith('mobio_session='));
  return line?.split(';')[0];
}

/** Astro escapes text; turn the few entities it writes back into characters for comparisons. */
export function text(html: string): string {
  return html
    .replace(/&#(\d+);/g, (_, code) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** A multipart form as a browser sends it: the body and its content type (with the boundary). */
export async function multipart(
  fields: Record<string, string | Blob>,
  fileName = 'file.bin',
): Promise<{ body: Buffer; contentType: string }> {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === 'string') form.append(name, value);
    else form.append(name, value, fileName);
  }
  const request = new Request('http://localhost/', { method: 'POST', body: form });
  return {
    body: Buffer.from(await request.arrayBuffer()),
    contentType: request.headers.get('content-type')!,
  };
}
