import { randomBytes } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  api,
  createStaff,
  freshEnv,
  registerNewcomer,
  startCms,
  uploadDocument,
  type TestCms,
  grantDirectly,
} from '../../../../../cms/test/harness';
import { unzip } from '../../../../../cms/test/zip';
import { pluginConfig } from '../config';
import { HEADER_LENGTH, SEALED_SEGMENT, formatOf, storedFilePath } from '../vault/file-format';
import { sealV1 } from '../vault/__tests__/legacy';

/**
 * Stored files that are missing, damaged, cut or not opened by the master key, against the real
 * CMS: downloads (newcomer and staff) and the export answer cleanly or cut the connection, never
 * hand out a complete 200 of damaged data, never hang, never end the process; the next request
 * works, on the same kept-alive connection when the answer was a clean error.
 */

type Newcomer = Awaited<ReturnType<typeof registerNewcomer>>;
interface Fetched {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** The whole message arrived (all promised bytes, or the last chunk). */
  complete: boolean;
  /** The request reused a kept-alive connection. */
  reused: boolean;
  hung?: boolean;
}

/** A GET through the given agent; a cut connection is a result (complete: false), not an error. */
function get(
  url: string,
  agent: Agent,
  headers: Record<string, string>,
  { timeout = 8000 } = {},
): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent, headers });
    const timer = setTimeout(() => {
      req.destroy();
      resolve({
        status: 0,
        headers: {},
        body: Buffer.alloc(0),
        complete: false,
        reused: req.reusedSocket,
        hung: true,
      });
    }, timeout);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', () => undefined);
      res.on('close', () => {
        clearTimeout(timer);
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks),
          complete: res.complete,
          reused: req.reusedSocket,
        });
      });
    });
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.end();
  });
}

/** A PDF of several segments: header, random bytes (no '<'), end marker. */
const pdf = (size = 300_000) =>
  Buffer.concat([
    Buffer.from('%PDF-1.7\n'),
    randomBytes(size).map((b) => (b === 0x3c ? 0x3d : b)),
    Buffer.from('\n%%EOF\n'),
  ]);

describe('faults in stored documents', () => {
  let cms: TestCms;
  let amal: Newcomer;
  let staff: Awaited<ReturnType<typeof createStaff>>;
  const warnings: string[] = [];
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const intact = pdf();
  let intactId: string;

  const pathOf = async (documentId: string) => {
    const row = await cms.strapi.db
      .query('api::document.document')
      .findOne({ where: { documentId }, select: ['storageKey'] });
    return storedFilePath(pluginConfig(cms.strapi).uploads.documentsDir, row.storageKey);
  };
  const store = async (title: string, plaintext = pdf()) => {
    const res = await uploadDocument(cms, amal.jwt, plaintext, {
      kind: 'certificate',
      title,
      fileName: `${title}.pdf`,
    });
    expect(res.status).toBe(201);
    return res.body.data.documentId as string;
  };
  const download = (documentId: string, options?: { timeout?: number }) =>
    get(
      `${cms.url}/api/sharing/documents/${documentId}/file`,
      agent,
      { authorization: `Bearer ${amal.jwt}` },
      options,
    );
  const damage = {
    missing: (path: string) => rmSync(path),
    byteInMiddle: (path: string) => {
      const bytes = readFileSync(path);
      bytes[HEADER_LENGTH[2] + 2 * SEALED_SEGMENT + 100] ^= 0x01;
      writeFileSync(path, bytes);
    },
    byteInFirstSegment: (path: string) => {
      const bytes = readFileSync(path);
      bytes[HEADER_LENGTH[2] + 10] ^= 0x01;
      writeFileSync(path, bytes);
    },
    truncated: (path: string) =>
      writeFileSync(path, readFileSync(path).subarray(0, HEADER_LENGTH[2] + 3 * SEALED_SEGMENT)),
  };

  /** The intact document still downloads whole; `sameConnection`: over the kept-alive connection of the previous answer. */
  async function expectNextRequestWorks(sameConnection: boolean) {
    const next = await download(intactId);
    expect(next.status).toBe(200);
    expect(next.complete).toBe(true);
    expect(next.body.equals(intact)).toBe(true);
    expect(next.reused).toBe(sameConnection);
  }

  beforeAll(async () => {
    cms = await startCms(await freshEnv({ UPLOAD_MAX_BYTES: String(16 * 1024 * 1024) }));
    const warn = cms.strapi.log.warn.bind(cms.strapi.log);
    cms.strapi.log.warn = ((message: string, ...rest: unknown[]) => {
      warnings.push(String(message));
      return warn(message, ...rest);
    }) as typeof cms.strapi.log.warn;
    amal = await registerNewcomer(cms);
    staff = await createStaff(cms, 'Sabine');
    await grantDirectly(cms, {
      owner: amal.id,
      grantee: staff.id,
      sections: ['documents'],
      access: 'read',
      purpose: 'Beratung',
      days: 1,
    });
    intactId = await store('intact', intact);
  });
  afterAll(async () => {
    agent.destroy();
    await cms?.stop();
  });

  it('stores new files in the segmented format', async () => {
    expect(formatOf(readFileSync(await pathOf(intactId)))).toBe(2);
  });

  it.each([
    ['missing', damage.missing],
    ['changed in its first segment', damage.byteInFirstSegment],
  ] as const)(
    'a file %s: a clean 500 before any byte, and the same connection answers the next request',
    async (_name, fault) => {
      const id = await store(`fault-${_name}`);
      // A kept-alive connection to answer on.
      expect((await download(intactId)).complete).toBe(true);
      fault(await pathOf(id));
      const res = await download(id);
      expect(res.hung).toBeUndefined();
      expect(res.status).toBe(500);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      expect(JSON.parse(res.body.toString('utf8')).error.message).toBe('error.documentUnreadable');
      await expectNextRequestWorks(true);
      expect(warnings.some((w) => w.includes(id))).toBe(true);
    },
  );

  it.each([
    ['one byte changed in the middle', damage.byteInMiddle, 2],
    ['truncated', damage.truncated, 3],
  ] as const)(
    'a file with %s: the transfer is cut after the checked segments, never completed, and the next request works',
    async (_name, fault, segments) => {
      const plaintext = pdf();
      const id = await store(`fault-${_name}`, plaintext);
      fault(await pathOf(id));
      const res = await download(id);
      expect(res.hung).toBeUndefined();
      expect(res.status).toBe(200);
      expect(res.complete).toBe(false);
      expect(res.body.length).toBeLessThan(Number(res.headers['content-length']));
      // Only checked segments reached the client, all of them true to the original.
      expect(res.body.length).toBeLessThanOrEqual(segments * 65_536);
      expect(res.body.equals(plaintext.subarray(0, res.body.length))).toBe(true);
      await expectNextRequestWorks(false);
    },
  );

  it('a staff download of a damaged file is cut too, and one of a missing file answers 500', async () => {
    const damaged = await store('staff-damaged');
    const missing = await store('staff-missing');
    damage.byteInMiddle(await pathOf(damaged));
    damage.missing(await pathOf(missing));
    const staffGet = (id: string) =>
      get(`${cms.url}/sharing/documents/${id}/file`, agent, {
        authorization: `Bearer ${staff.token}`,
      });
    const cut = await staffGet(damaged);
    expect(cut.hung).toBeUndefined();
    expect(cut.complete).toBe(false);
    const clean = await staffGet(missing);
    expect(clean.status).toBe(500);
    expect(clean.complete).toBe(true);
    await expectNextRequestWorks(true);
  });

  it('an old-format file still downloads whole', async () => {
    const plaintext = pdf(100_000);
    const id = await store('old-format', plaintext);
    const masterKey = Buffer.from(
      (cms.strapi.config.get('mobio') as { secrets: { documentsMasterKey: string } }).secrets
        .documentsMasterKey,
      'base64',
    );
    writeFileSync(await pathOf(id), sealV1(plaintext, masterKey));
    const res = await download(id);
    expect(res.status).toBe(200);
    expect(res.complete).toBe(true);
    expect(res.body.equals(plaintext)).toBe(true);
  });

  it('the export completes with every readable file and lists the others with the reason; the operator log says so', async () => {
    warnings.length = 0;
    const res = await get(`${cms.url}/api/sharing/export`, agent, {
      authorization: `Bearer ${amal.jwt}`,
    });
    expect(res.hung).toBeUndefined();
    expect(res.status).toBe(200);
    expect(res.complete).toBe(true);
    const files = await unzip(res.body);
    const data = JSON.parse(files.get('mobio-export.json')!.toString('utf8'));
    const reasons = Object.fromEntries(
      data.unreadableDocuments.map((d: { title: string; reason: string }) => [d.title, d.reason]),
    );
    expect(reasons).toEqual({
      'fault-missing': 'missing',
      'fault-changed in its first segment': 'damaged',
      'fault-one byte changed in the middle': 'damaged',
      'fault-truncated': 'damaged',
      'staff-damaged': 'damaged',
      'staff-missing': 'missing',
    });
    for (const entry of data.unreadableDocuments)
      expect(entry.documentId).toMatch(/^[a-z0-9]{24}$/);
    const documents = data.records['api::document.document'] as Array<{
      documentId: string;
      title: string;
      file: string | null;
    }>;
    expect(
      documents
        .filter((d) => d.file === null)
        .map((d) => d.title)
        .sort(),
    ).toEqual(Object.keys(reasons).sort());
    expect(files.get(documents.find((d) => d.documentId === intactId)!.file!)!.equals(intact)).toBe(
      true,
    );
    expect([...files.keys()].filter((name) => name.startsWith('documents/'))).toHaveLength(2);
    expect(warnings.filter((w) => w.includes('left out'))).toHaveLength(6);
    // The log names documents, never their titles.
    expect(warnings.join('\n')).not.toContain('fault-');
    await expectNextRequestWorks(true);
  });

  it('a file damaged while the export streams it cuts the connection instead of ending a broken zip', async () => {
    // Large enough that the zip is still reading it when the answer's first bytes arrive.
    const big = pdf(12_000_000);
    const id = await store('big', big);
    const path = await pathOf(id);
    // Damage the file's last segment as soon as the answer starts: it was checked whole before,
    // but the zip reads it again segment by segment while the client reads slowly.
    const res = await new Promise<Fetched>((resolve, reject) => {
      const req = request(`${cms.url}/api/sharing/export`, {
        agent,
        headers: { authorization: `Bearer ${amal.jwt}` },
      });
      req.on('response', (response) => {
        damage.truncated(path);
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', () => undefined);
        response.on('close', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks),
            complete: response.complete,
            reused: req.reusedSocket,
          }),
        );
      });
      req.on('error', reject);
      req.end();
    });
    expect(res.status).toBe(200);
    expect(res.complete).toBe(false);
    await expect(unzip(res.body)).rejects.toThrow();
    expect(warnings.some((w) => w.includes('cut off'))).toBe(true);
    await expectNextRequestWorks(false);
  });

  it('a wrong master key: downloads answer 500, the export lists every file, nothing hangs', async () => {
    const secrets = (cms.strapi.config.get('mobio') as { secrets: { documentsMasterKey: string } })
      .secrets;
    const right = secrets.documentsMasterKey;
    secrets.documentsMasterKey = randomBytes(32).toString('base64');
    try {
      const res = await download(intactId);
      expect(res.status).toBe(500);
      expect(JSON.parse(res.body.toString('utf8')).error.message).toBe('error.documentUnreadable');
      const exported = await get(`${cms.url}/api/sharing/export`, agent, {
        authorization: `Bearer ${amal.jwt}`,
      });
      expect(exported.complete).toBe(true);
      const data = JSON.parse(
        (await unzip(exported.body)).get('mobio-export.json')!.toString('utf8'),
      );
      expect(
        data.unreadableDocuments.find((d: { documentId: string }) => d.documentId === intactId)
          .reason,
      ).toBe('wrongKey');
    } finally {
      secrets.documentsMasterKey = right;
    }
    await expectNextRequestWorks(true);
    expect((await api(cms, 'GET', '/api/sharing/ready')).status).toBe(200);
  });
});
