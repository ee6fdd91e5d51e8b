// @ts-check
import { STATIC_PAGE, pageWeight } from '../site.mjs';

/**
 * 3: the site's dashboard for a logged-in newcomer vs. a static copy of it from the same server,
 * the gzip weight of its HTML, CSS and JS, and its two CMS calls alone.
 * @param {import('./record.mjs').Run} run
 * @param {{ site: any, cmsUrl: string, owner: { jwt: string }, connections: number[] }} actors
 */
export async function measureDashboard(run, { site, cmsUrl, owner, connections }) {
  /** @type {any} */
  let dashboard;
  const cookie = { cookie: `mobio_session=${owner.jwt}` };
  const page = await fetch(`${site.url}/de/dashboard`, { headers: cookie, redirect: 'manual' });
  const html = await page.text();
  // A site build that cannot render the page is reported, not a reason to stop the benchmark.
  if (page.status !== 200) dashboard = { error: `GET /de/dashboard answered ${page.status}` };
  else {
    site.addStaticPage(html);
    dashboard = { weight: await pageWeight(site.url, html), runs: [] };
  }
  for (const c of page.status === 200 ? connections : []) {
    const [pageRun, baseline] = await run(
      [{ url: `${site.url}/de/dashboard`, headers: cookie }, { url: `${site.url}${STATIC_PAGE}` }],
      c,
    );
    dashboard.runs.push({ connections: c, page: pageRun, baseline });
  }
  if (page.status === 200) {
    // What the page waits for: its two CMS calls, each asked alone on one connection.
    const headers = { authorization: `Bearer ${owner.jwt}` };
    const [session, overview] = await run(
      [
        { url: `${cmsUrl}/api/users/me`, headers },
        { url: `${cmsUrl}/api/sharing/overview`, headers },
      ],
      1,
    );
    dashboard.calls = { session, overview };
  }
  return dashboard;
}
