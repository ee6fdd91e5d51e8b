import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for the CMS's public HTTP API (/api/info-pages, /api/info-events, /api/users/me, an
 * empty /api/sharing/directory), so the site's
 * own tests can check what it asks for and how it shows the answer without booting Strapi.
 */
export interface FakeCms {
  url: string;
  /** Every request URL received, newest last. */
  requests: URL[];
  /** What the next requests get: 'content' (per-locale data), 'empty', no answer at all ('hang'), or an HTTP status. */
  mode: 'content' | 'empty' | 'hang' | number;
  /** Extra info pages to answer with in 'content' mode, e.g. hostile titles. */
  extraPages: Record<string, unknown>[];
  close: () => Promise<void>;
}

const KNOWN_PARAMETERS = new Set(['locale', 'sort', 'filters', 'pagination', 'fields', 'populate']);

/** The info event's time: 17:00–19:00 UTC, 30 days from now, so it stays upcoming whenever the tests run. */
const eventDay = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
export const EVENT_START = `${eventDay}T17:00:00.000Z`;
export const EVENT_END = `${eventDay}T19:00:00.000Z`;

/** Titles the fake CMS returns, so a test can tell which locale was served. */
export const pageTitle = (locale: string) => `Info page in ${locale}`;
export const eventTitle = (locale: string) => `Info event in ${locale}`;
export const eventLocation = (locale: string) => `Town hall room 2 (${locale})`;

/** Who the fake CMS says is logged in, for any well-formed Bearer token. */
export const FAKE_USER = {
  id: 7,
  documentId: 'k3j9q2m8x7v4c1b6n5z0w8e2',
  username: 'n-fake',
  email: 'olena@example.test',
};
/** A cookie value the site takes for a session; the fake CMS accepts it. */
export const FAKE_JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJpZCI6N30.c2lnbmF0dXJl';

/** Starts the fake CMS on a free port. */
export async function startFakeCms(): Promise<FakeCms> {
  const fake: FakeCms = {
    url: '',
    requests: [],
    mode: 'content',
    extraPages: [],
    close: async () => {},
  };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://cms.test');
    fake.requests.push(url);
    const locale = url.searchParams.get('locale') ?? 'none';
    // Strapi refuses unknown query parameters with 400; so does the fake, to catch a site that sends one.
    const unknown = [...url.searchParams.keys()].filter(
      (key) => !KNOWN_PARAMETERS.has(key.split('[')[0]),
    );
    if (unknown.length > 0) {
      res.writeHead(400, { 'content-type': 'application/json' });
      return res.end(
        JSON.stringify({
          data: null,
          error: { status: 400, message: `Invalid key ${unknown[0]}` },
        }),
      );
    }
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (fake.mode === 'hang') return;
    if (typeof fake.mode === 'number')
      return send(fake.mode, { data: null, error: { status: fake.mode } });
    const empty = fake.mode === 'empty';
    const meta = { pagination: { page: 1, pageSize: 25, pageCount: 1, total: 1 } };
    if (url.pathname === '/api/users/me') {
      return req.headers.authorization === `Bearer ${FAKE_JWT}`
        ? send(200, FAKE_USER)
        : send(401, {
            data: null,
            error: {
              status: 401,
              name: 'UnauthorizedError',
              message: 'Missing or invalid credentials',
            },
          });
    }
    if (url.pathname === '/api/info-pages') {
      const pages = [
        {
          id: 1,
          documentId: 'page1',
          title: pageTitle(locale),
          slug: 'first-steps',
          summary: `Summary in ${locale}`,
          order: 1,
          locale,
        },
        ...fake.extraPages,
      ];
      return send(200, { data: empty ? [] : pages, meta });
    }
    if (url.pathname === '/api/info-events') {
      const events = [
        {
          id: 1,
          documentId: 'event1',
          title: eventTitle(locale),
          description: null,
          startsAt: EVENT_START,
          endsAt: EVENT_END,
          location: eventLocation(locale),
          organiser: 'Integration office',
          locale,
        },
      ];
      return send(200, { data: empty ? [] : events, meta });
    }
    // Nobody has chosen to be listed in the staff directory yet.
    if (url.pathname === '/api/sharing/directory') return send(200, { data: [] });
    return send(404, { data: null, error: { status: 404 } });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections(); // requests left hanging on purpose
    });
  return fake;
}
