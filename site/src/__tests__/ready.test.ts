import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, startSiteWithoutCms, type RunningSite } from './helpers/site-server';

describe('readiness', () => {
  let cms: Server;
  let up: RunningSite;
  let down: RunningSite;
  let setDatabase: (up: boolean) => void;

  beforeAll(async () => {
    // A stand-in for the CMS's readiness route only: ready, or (?down) answering but without its database.
    let databaseUp = true;
    cms = createServer((req, res) => {
      if (req.url !== '/api/sharing/ready') {
        res.statusCode = 404;
        return res.end();
      }
      res.statusCode = databaseUp ? 200 : 503;
      res.end(
        JSON.stringify(
          databaseUp ? { status: 'ready' } : { status: 'not ready', failed: ['database'] },
        ),
      );
    });
    setDatabase = (up) => (databaseUp = up);
    await new Promise<void>((resolve) => cms.listen(0, '127.0.0.1', resolve));
    up = await startSite({
      CMS_INTERNAL_URL: `http://127.0.0.1:${(cms.address() as AddressInfo).port}`,
    });
    down = await startSiteWithoutCms();
  });
  afterAll(async () => {
    await up?.stop();
    await down?.stop();
    cms?.close();
  });

  it('is ready when the CMS answers', async () => {
    const response = await fetch(`${up.url}/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready' });
  });

  it('is not ready, and says only that, when the CMS is down', async () => {
    const response = await fetch(`${down.url}/ready`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'not ready', failed: ['cms'] });
  });

  it('is not ready when the CMS answers but is not ready itself (its database is gone)', async () => {
    setDatabase(false);
    try {
      const response = await fetch(`${up.url}/ready`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'not ready', failed: ['cms'] });
    } finally {
      setDatabase(true);
    }
  });
});
