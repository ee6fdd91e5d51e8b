// @ts-check
import { planContent } from './http.mjs';
import { percentile } from './measure.mjs';

/**
 * What a newcomer does in the app (through the content API, as the site does for them): reads
 * their records, changes the profile, adds, edits and removes a work entry, uploads, downloads and
 * removes a certificate, gives a grant, changes and revokes it, reads the access log.
 */
function newcomerSteps({ listings, pdf }) {
  return [
    { method: 'GET', path: () => '/api/users/me' },
    { method: 'GET', path: () => '/api/profiles/me' },
    { method: 'GET', path: () => '/api/language-skills' },
    { method: 'GET', path: () => '/api/education-entries' },
    { method: 'GET', path: () => '/api/employment-entries' },
    { method: 'GET', path: () => '/api/documents' },
    {
      method: 'PUT',
      path: () => '/api/profiles/me',
      json: (c) => ({
        data: {
          givenNames: c.user.givenNames,
          familyName: c.user.familyName,
          phone: `+49 170 ${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`,
        },
      }),
    },
    {
      method: 'POST',
      path: () => '/api/employment-entries',
      json: () => ({
        data: {
          occupation: 'Aushilfe',
          employer: 'Bäckerei Sonne',
          country: 'DE',
          from: '2025-03-01',
          textLanguage: 'de',
        },
      }),
      save: (body, c) => (c.entry = body?.data?.documentId),
    },
    {
      method: 'PUT',
      path: (c) => `/api/employment-entries/${c.entry}`,
      json: () => ({ data: { occupation: 'Aushilfe', tasks: 'Verkauf und Kasse' } }),
    },
    { method: 'DELETE', path: (c) => `/api/employment-entries/${c.entry}`, expect: [200, 204] },
    {
      method: 'POST',
      path: () =>
        '/api/sharing/documents?kind=certificate&title=Bescheinigung&fileName=bescheinigung.pdf',
      type: 'application/pdf',
      body: () => pdf,
      expect: [201],
      save: (body, c) => (c.document = body?.data?.documentId),
    },
    { method: 'GET', path: (c) => `/api/sharing/documents/${c.document}/file` },
    { method: 'DELETE', path: (c) => `/api/documents/${c.document}`, expect: [200, 204] },
    { method: 'GET', path: () => '/api/sharing/directory' },
    {
      method: 'POST',
      path: () => '/api/sharing/grants',
      json: () => ({
        data: {
          grantee: listings[Math.floor(Math.random() * listings.length)],
          sections: ['languages', 'education'],
          access: 'read',
          purpose: 'Beratung',
        },
      }),
      save: (body, c) => (c.grant = body?.data?.documentId),
    },
    {
      method: 'PUT',
      path: (c) => `/api/sharing/grants/${c.grant}`,
      json: () => ({
        data: { sections: ['languages'], access: 'read', purpose: 'Beratung zur Sprache' },
      }),
    },
    { method: 'POST', path: (c) => `/api/sharing/grants/${c.grant}/revoke`, expect: [204] },
    { method: 'GET', path: () => '/api/sharing/grants' },
    { method: 'GET', path: () => '/api/sharing/access-log' },
    { method: 'GET', path: () => '/api/integration-plans' },
  ];
}

/**
 * What an integration manager does in the admin panel (MoBio's pages; the Content Manager is not
 * theirs): the work list, the list of who shared with them, a record, a search, the next page, a
 * change to a plan they may write, an invitation code.
 */
function staffSteps() {
  return [
    { method: 'GET', path: () => '/sharing/work-list' },
    {
      method: 'GET',
      path: () => '/sharing/shared-with-me',
      save: (body, c) => {
        const rows = body?.data ?? [];
        c.owner = rows[Math.floor(Math.random() * rows.length)]?.ownerId;
      },
    },
    { method: 'GET', path: (c) => `/sharing/records/${c.owner}` },
    {
      method: 'GET',
      path: (c) => `/sharing/shared-with-me?search=${encodeURIComponent(c.user.search)}`,
    },
    { method: 'GET', path: () => '/sharing/shared-with-me?page=2' },
    {
      method: 'PUT',
      path: (c) => c.user.plan ?? '/sharing/records/:id/plan',
      json: () => ({ data: planContent(`Stand ${new Date().toISOString()}`) }),
    },
    { method: 'POST', path: () => '/sharing/invitations' },
  ];
}

/** What a newcomer looks at on the site (server-rendered pages that ask the CMS). */
function siteSteps() {
  return ['/de/dashboard', '/de/sharing', '/de/sharing/access-log', '/de/'].map((path) => ({
    method: 'GET',
    path: () => path,
  }));
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const stepName = (step) =>
  `${step.method} ${step
    .path({ user: {} })
    .split('?')[0]
    .replace(/undefined/g, ':id')}`;

/**
 * One simulated person: goes through the steps in order, again and again until the deadline,
 * waiting a think time (uniform between half and one and a half times `think`) after each answer.
 * Any status a step does not expect, and any network error, is an error.
 */
async function simulate({ group, base, user, steps, auth, deadline, think, tally }) {
  while (Date.now() < deadline) {
    const context = { user };
    for (const [index, step] of steps.entries()) {
      if (Date.now() >= deadline) return;
      const headers = { ...auth(user) };
      let body;
      if (step.json) {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(step.json(context));
      } else if (step.body) {
        headers['content-type'] = step.type;
        body = step.body(context);
      }
      const t0 = performance.now();
      let status;
      let text;
      try {
        const res = await fetch(base + step.path(context), {
          method: step.method,
          headers,
          body,
          redirect: 'manual',
        });
        status = res.status;
        text = await res.text();
      } catch (error) {
        const failure = /** @type {Error & { cause?: { code?: string } }} */ (error);
        status = `network error (${failure.cause?.code ?? failure.message})`;
      }
      const time = performance.now() - t0;
      tally.times.push(time);
      group.times.push(time);
      group.byStep[index].push(time);
      if (!(step.expect ?? [200, 201]).includes(status)) {
        const key = `${group.name}: ${stepName(step)} → ${status}`;
        tally.errors.set(key, (tally.errors.get(key) ?? 0) + 1);
      } else if (step.save) {
        try {
          step.save(JSON.parse(text ?? ''), context);
        } catch {
          step.save(undefined, context);
        }
      }
      if (think > 0) await sleep(think * (0.5 + Math.random()));
    }
  }
}

/**
 * The load test: `users` simulated people at once for `duration` seconds — 60 % newcomers using
 * the content API, 15 % newcomers on the site's pages, 25 % staff in the admin panel — each
 * thinking `think` ms on average between two requests (0: the next request as soon as the answer
 * is in). Returns throughput, p50/p95 per group and step and overall, and every error by step and status.
 */
export async function loadTest({
  cmsUrl,
  siteUrl,
  duration,
  users,
  think,
  newcomers,
  siteNewcomers,
  staff,
  listings,
  pdf,
}) {
  const staffUsers = Math.max(1, Math.round(users * 0.25));
  const siteUsers = siteUrl ? Math.max(1, Math.round(users * 0.15)) : 0;
  const apiUsers = users - staffUsers - siteUsers;
  const tally = { times: [], errors: new Map() };
  const groups = [
    {
      name: 'newcomers (content API)',
      base: cmsUrl,
      count: apiUsers,
      pool: newcomers,
      steps: newcomerSteps({ listings, pdf }),
      auth: (u) => ({ authorization: `Bearer ${u.jwt}` }),
    },
    {
      name: 'staff (admin API)',
      base: cmsUrl,
      count: staffUsers,
      pool: staff,
      steps: staffSteps(),
      auth: (u) => ({ authorization: `Bearer ${u.token}` }),
    },
    {
      name: 'newcomers (site pages)',
      base: siteUrl,
      count: siteUsers,
      pool: siteNewcomers,
      steps: siteSteps(),
      auth: (u) => ({ cookie: `mobio_session=${u.jwt}` }),
    },
  ]
    .filter((g) => g.count > 0)
    .map((g) => ({ ...g, times: [], byStep: g.steps.map(() => []) }));
  const started = performance.now();
  const deadline = Date.now() + duration * 1000;
  await Promise.all(
    groups.flatMap((group) =>
      Array.from({ length: group.count }, (_, i) =>
        // Started over the first second, not all in the same millisecond.
        sleep((i / group.count) * 1000).then(() =>
          simulate({
            group,
            base: group.base,
            user: group.pool[i % group.pool.length],
            steps: group.steps,
            auth: group.auth,
            deadline,
            think,
            tally,
          }),
        ),
      ),
    ),
  );
  const seconds = (performance.now() - started) / 1000;
  const sorted = (list) => [...list].sort((a, b) => a - b);
  tally.times.sort((a, b) => a - b);
  return {
    users,
    duration,
    think,
    groups: groups.map((g) => {
      const times = sorted(g.times);
      return {
        name: g.name,
        users: g.count,
        requests: times.length,
        rps: times.length / seconds,
        p50: percentile(times, 50),
        p95: percentile(times, 95),
        steps: g.steps.map((step, i) => {
          const stepTimes = sorted(g.byStep[i]);
          return {
            step: stepName(step),
            requests: stepTimes.length,
            p50: percentile(stepTimes, 50),
            p95: percentile(stepTimes, 95),
          };
        }),
      };
    }),
    requests: tally.times.length,
    rps: tally.times.length / seconds,
    p50: percentile(tally.times, 50),
    p95: percentile(tally.times, 95),
    errors: [...tally.errors.values()].reduce((a, b) => a + b, 0),
    errorDetails: Object.fromEntries(tally.errors),
  };
}
