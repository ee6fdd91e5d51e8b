import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { registerNewcomer } from '../../cms/test/harness';
import { send, text } from '../../site/src/__tests__/helpers/http';
import { type NpmStart, npmStart, until } from './helpers/npm-start';

/**
 * `npm start` keeps the district running: a CMS ended by `kill -9` is started again (logged, with
 * backoff); meanwhile the site answers its localized "try again" page and readiness 503, and when
 * the CMS is back the same site process serves the newcomer again.
 */

const de = (
  JSON.parse(readFileSync(resolve(__dirname, '../../config/src/i18n/de.json'), 'utf8')) as {
    site: Record<string, string>;
  }
).site;

describe('npm start', () => {
  let run: NpmStart | undefined;
  afterAll(async () => run?.stop());

  it('restarts a CMS killed with kill -9 while the site keeps answering, and the site works again without a restart', async () => {
    run = await npmStart();
    const amal = await registerNewcomer({ url: run.cmsUrl });
    const dashboard = () =>
      send(run!.site, 'GET', '/de/dashboard', { cookie: `mobio_session=${amal.jwt}` });
    expect((await dashboard()).status).toBe(200);

    const cms = run.childPid('strapi.js');
    const site = run.childPid('entry.mjs');
    expect(cms, 'the CMS runs as a child of npm start').toBeDefined();
    process.kill(cms!, 'SIGKILL');

    // While the CMS is gone or starting: the localized "try again" page, readiness 503.
    await until(
      'the CMS is down',
      async () =>
        await fetch(`${run!.cmsUrl}/_health`).then(
          () => false,
          () => true,
        ),
      10_000,
    );
    const down = await dashboard();
    expect(down.status).toBe(503);
    expect(text(down.html)).toContain(de['auth.cmsUnavailable']);
    const ready = await fetch(`${run.siteUrl}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: 'not ready', failed: ['cms'] });

    // Back without anyone's help; the same site process serves the newcomer again.
    await until(
      'the CMS is back',
      async () => (await fetch(`${run!.siteUrl}/ready`)).status === 200,
      120_000,
    );
    expect((await dashboard()).status).toBe(200);
    expect(run.childPid('strapi.js')).not.toBe(cms);
    expect(run.childPid('entry.mjs')).toBe(site);
    expect(run.output()).toMatch(/\[mobio\] CMS stopped \(signal SIGKILL\); restart 1 in 1 s/);
  }, 300_000);
});
