import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PUBLIC_URL } from './http';
import type { RunningSite } from './site-server';

/**
 * A forward proxy for the browser that sends requests for the site's public URL (the one the build
 * trusts, e.g. http://localhost:4321) to the test site on its free port, unchanged: the browser's
 * own Host and Origin arrive, as behind the district's reverse proxy. Anything else is refused.
 */
export interface PublicProxy {
  /** The address to give the browser as its proxy server. */
  server: string;
  /** When set, the site's answer to a matching request reaches the browser only once the promise resolves. */
  hold?: { method: string; path: string; until: Promise<void> };
  close: () => Promise<void>;
}

export async function publicProxy(site: RunningSite): Promise<PublicProxy> {
  const target = new URL(site.url);
  const proxy = createServer((incoming, outgoing) => {
    const url = new URL(incoming.url ?? '/', PUBLIC_URL);
    if (url.host !== PUBLIC_URL.host) {
      outgoing.writeHead(502).end();
      return;
    }
    const forwarded = request(
      {
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path: url.pathname + url.search,
        headers: incoming.headers,
      },
      // eslint-disable-next-line @typescript-eslint/no-misused-promises -- hold.until only ever resolves
      async (answer) => {
        const { hold } = handle;
        if (hold && hold.method === incoming.method && url.pathname === hold.path) await hold.until;
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on('error', () => outgoing.destroy());
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as AddressInfo;
  const handle: PublicProxy = {
    server: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => proxy.close(() => resolve())),
  };
  return handle;
}
