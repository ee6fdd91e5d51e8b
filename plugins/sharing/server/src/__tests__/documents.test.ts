import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  adminLogin,
  api,
  freshEnv,
  registerNewcomer,
  startCms,
  uploadDocument,
  type TestCms,
} from '../../../../../cms/test/harness';

type Newcomer = Awaited<ReturnType<typeof registerNewcomer>>;

/** A small but real-looking PDF: the header, some random bytes, the end marker. */
const pdf = (size = 50_000) =>
  Buffer.concat([
    Buffer.from('%PDF-1.7\n'),
    randomBytes(size).map((b) => (b === 0x3c ? 0x3d : b)),
    Buffer.from('\n%%EOF\n'),
  ]);

const upload = uploadDocument;

function filesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('document vault', () => {
  let cms: TestCms;
  let amal: Newcomer;
  let reza: Newcomer;
  let documentsDir: string;
  const rows = () => cms.strapi.db.query('api::document.document').count();
  const PUBLIC_UPLOADS = join(__dirname, '../../../../../cms/public/uploads');
  const publicBefore = filesIn(PUBLIC_UPLOADS);

  beforeAll(async () => {
    cms = await startCms(
      await freshEnv({
        UPLOAD_MAX_BYTES: String(2 * 1024 * 1024),
        ADMIN_EMAIL: 'super@admin.example',
        ADMIN_PASSWORD: 'Super1234!',
      }),
    );
    documentsDir = cms.env.DOCUMENTS_DIR;
    amal = await registerNewcomer(cms);
    reza = await registerNewcomer(cms);
  });
  afterAll(() => cms?.stop());

  describe('upload and download by the owner', () => {
    const plaintext = pdf(300_000);
    let documentId: string;

    it('stores the file encrypted, outside any public folder', async () => {
      const res = await upload(cms, amal.jwt, plaintext, {
        kind: 'diploma',
        title: 'شهادة',
        language: 'ar',
        fileName: '../شهادة البكالوريوس.PDF',
      });
      expect(res.status).toBe(201);
      documentId = res.body.data.documentId;
      expect(res.body.data).toMatchObject({
        kind: 'diploma',
        title: 'شهادة',
        fileName: 'شهادة البكالوريوس.pdf',
        mimeType: 'application/pdf',
        size: plaintext.length,
      });
      expect(res.body.data.storageKey).toBeUndefined();
      const files = filesIn(documentsDir);
      expect(files).toHaveLength(1);
      const stored = readFileSync(files[0]);
      expect(stored.includes(plaintext.subarray(0, 64))).toBe(false);
      expect(stored.includes(plaintext.subarray(100_000, 100_064))).toBe(false);
      expect(files[0].startsWith(documentsDir)).toBe(true);
      // Nothing new in the folder Strapi serves publicly.
      expect(filesIn(PUBLIC_UPLOADS)).toEqual(publicBefore);
    });

    it('streams it back byte-identical, as an attachment that browsers must not sniff or cache', async () => {
      const response = await fetch(`${cms.url}/api/sharing/documents/${documentId}/file`, {
        headers: { authorization: `Bearer ${amal.jwt}` },
      });
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer()).equals(plaintext)).toBe(true);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      expect(response.headers.get('content-disposition')).toMatch(
        /^attachment; filename=".*\.pdf"; filename\*=UTF-8''/,
      );
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    });

    it('is reachable under no other URL', async () => {
      const row = await cms.strapi.db
        .query('api::document.document')
        .findOne({ where: { documentId } });
      for (const path of [
        `/uploads/${row.storageKey}`,
        `/uploads/${row.storageKey.slice(0, 2)}/${row.storageKey}`,
        `/uploads/${encodeURIComponent(row.fileName)}`,
      ]) {
        expect((await fetch(cms.url + path)).status, path).toBe(404);
      }
      expect((await api(cms, 'GET', '/api/upload/files')).status).toBe(403);
      expect((await api(cms, 'GET', '/api/upload/files', { token: amal.jwt })).status).toBe(403);
      const login = await api(cms, 'POST', '/admin/login', {
        body: { email: 'super@admin.example', password: 'Super1234!' },
      });
      const library = await api(cms, 'GET', '/upload/files', { token: login.body.data.token });
      expect(library.status).toBe(200);
      expect(JSON.stringify(library.body)).not.toContain(row.fileName.slice(0, 5));
      expect(library.body.results ?? library.body).toHaveLength(0);
    });

    it('is removed with its document', async () => {
      expect(
        (await api(cms, 'DELETE', `/api/documents/${documentId}`, { token: amal.jwt })).status,
      ).toBe(204);
      expect(filesIn(documentsDir)).toEqual([]);
    });
  });

  describe('refused uploads', () => {
    it.each([
      [
        'an HTML file named .pdf',
        Buffer.from('<!DOCTYPE html><html><body><script>alert(1)</script></body></html>'),
        415,
        'error.fileType',
      ],
      [
        'an SVG with a script',
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        415,
        'error.fileType',
      ],
      [
        'a PDF/HTML polyglot',
        Buffer.concat([
          Buffer.from('%PDF-1.4\n'),
          Buffer.from('<html><script>alert(1)</script></html>'.padEnd(200)),
          Buffer.from('\n%%EOF'),
        ]),
        415,
        'error.fileUnsafe',
      ],
      [
        'a ZIP archive',
        Buffer.concat([Buffer.from([0x50, 0x4b, 3, 4]), randomBytes(100)]),
        415,
        'error.fileType',
      ],
      [
        'a Windows executable',
        Buffer.concat([Buffer.from('MZ'), randomBytes(100)]),
        415,
        'error.fileType',
      ],
      ['an empty file', Buffer.alloc(0), 415, 'error.fileType'],
      ['a file over the size limit', pdf(2 * 1024 * 1024), 413, 'error.fileTooLarge'],
    ])('refuses %s and stores nothing', async (_name, body, status, message) => {
      const before = await rows();
      const res = await upload(cms, amal.jwt, body, {
        kind: 'certificate',
        title: 'x',
        fileName: 'zeugnis.pdf',
      });
      expect(res.status).toBe(status);
      expect(res.body.error.message).toBe(message);
      expect(await rows()).toBe(before);
      expect(filesIn(documentsDir)).toEqual([]);
    });

    it('refuses an oversized upload sent without a length, while streaming', async () => {
      const body = pdf(3 * 1024 * 1024);
      const stream = new ReadableStream({
        start(controller) {
          for (let at = 0; at < body.length; at += 64 * 1024)
            controller.enqueue(body.subarray(at, at + 64 * 1024));
          controller.close();
        },
      });
      const response = await fetch(`${cms.url}/api/sharing/documents?kind=certificate&title=x`, {
        method: 'POST',
        headers: { 'content-type': 'application/pdf', authorization: `Bearer ${amal.jwt}` },
        body: stream,
        duplex: 'half',
      } as RequestInit);
      expect(response.status).toBe(413);
      expect(filesIn(documentsDir)).toEqual([]);
    });

    it('refuses a multipart body before anything is parsed to disk', async () => {
      const form = new FormData();
      form.append('file', new Blob([pdf()]), 'x.pdf');
      const response = await fetch(`${cms.url}/api/sharing/documents?kind=certificate&title=x`, {
        method: 'POST',
        headers: { authorization: `Bearer ${amal.jwt}` },
        body: form,
      });
      expect(response.status).toBe(415);
    });

    it('refuses bad metadata, unknown parameters and links to another newcomer’s entry, leaving no file', async () => {
      const reza_entry = (
        await api(cms, 'POST', '/api/education-entries', {
          token: reza.jwt,
          body: { data: { kind: 'school', institution: 'X' } },
        })
      ).body.data.documentId;
      const queries: Array<Record<string, string>> = [
        { kind: 'nonsense', title: 'x' },
        { kind: 'certificate', title: 'x', owner: String(reza.id) },
        { kind: 'certificate', title: 'x', educationEntry: reza_entry },
      ];
      for (const query of queries) {
        const res = await upload(cms, amal.jwt, pdf(), query);
        expect(res.status, JSON.stringify(query)).toBe(400);
      }
      expect(filesIn(documentsDir)).toEqual([]);
    });

    it('refuses anonymous callers and API tokens', async () => {
      expect((await upload(cms, undefined, pdf())).status).toBe(403);
      const token = await cms.strapi
        .service('admin::api-token')
        .create({ name: 'full', type: 'full-access', lifespan: null, kind: 'content-api' });
      expect((await upload(cms, token.accessKey, pdf())).status).toBe(403);
      expect(filesIn(documentsDir)).toEqual([]);
    });

    it('leaves no row and no file when the client disconnects mid-upload', async () => {
      const before = await rows();
      const url = new URL(`${cms.url}/api/sharing/documents?kind=certificate&title=x`);
      const req = request(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/pdf',
          'content-length': String(1024 * 1024),
          authorization: `Bearer ${amal.jwt}`,
        },
      });
      req.on('error', () => {});
      req.write(pdf(200_000));
      // The server is storing the upload once its partial file is there; then the client goes away.
      await vi.waitFor(
        () =>
          expect(filesIn(documentsDir).filter((file) => file.endsWith('.part'))).toHaveLength(1),
        { timeout: 10_000, interval: 20 },
      );
      req.destroy();
      // The server notices the closed socket on its own time. The partial file goes away only when
      // storing has failed (a finished upload would leave its file), so no row can follow it.
      await vi.waitFor(() => expect(filesIn(documentsDir)).toEqual([]), {
        timeout: 10_000,
        interval: 20,
      });
      expect(await rows()).toBe(before);
    });
  });

  describe('multipart bodies', () => {
    const started = Date.now();
    /** Files that hold `marker`: in the system temp folder (top level, written since the start) and the test's folder. */
    function filesHolding(markers: string[]): Map<string, string[]> {
      const found = new Map<string, string[]>();
      const candidates = [
        ...readdirSync(tmpdir(), { withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => join(tmpdir(), entry.name))
          .filter((file) => {
            try {
              const stat = statSync(file);
              return stat.mtimeMs >= started - 1000 && stat.size < 1_000_000;
            } catch {
              return false; // somebody else's file, gone meanwhile
            }
          }),
        ...filesIn(cms.env.MOBIO_TEST_DIR),
        ...filesIn(PUBLIC_UPLOADS),
      ];
      for (const file of candidates) {
        let content: string;
        try {
          content = readFileSync(file, 'latin1');
        } catch {
          continue;
        }
        const hits = markers.filter((marker) => content.includes(marker));
        if (hits.length > 0) found.set(file, hits);
      }
      return found;
    }

    it('leaves nothing on disk, whatever the path, the part’s name and the login', async () => {
      const staff = await adminLogin(cms, 'super@admin.example', 'Super1234!');
      const paths = [
        '/api/nothing-here',
        '/api/auth/local',
        '/api/auth/local/register',
        '/api/auth/forgot-password',
        '/api/profiles/me',
        '/api/sharing/documents?kind=certificate&title=x',
        '/api/sharing/documents/?kind=certificate&title=x',
        '/api/sharing/Documents?kind=certificate&title=x',
        '/api/sharing/%64ocuments?kind=certificate&title=x',
        '//api/sharing/documents?kind=certificate&title=x',
        '/api/sharing/IMPORT',
        '/api/sharing/import/',
        '/api/upload',
        '/admin/login',
        '/upload',
        '/UPLOAD/',
        '/upload/files',
      ];
      const fields = ['files', 'x', 'file', 'files[0]', 'fileInfo'];
      const logins: Array<[string, string | undefined]> = [
        ['nobody', undefined],
        ['newcomer', amal.jwt],
        ['staff', staff],
      ];
      const markers: string[] = [];
      const statuses = new Map<string, number>();
      for (const path of paths)
        for (const field of fields)
          for (const [who, token] of logins) {
            const marker = `MARKER-${randomBytes(12).toString('hex')}`;
            markers.push(marker);
            const form = new FormData();
            // A PDF with the marker inside: what a certificate sent the wrong way looks like.
            form.append(field, new Blob([pdf(2_000), marker]), 'zeugnis.pdf');
            // A refused body stays unread and the server closes the connection: the client may
            // then fail to send it (0) before it reads the answer.
            const status = await fetch(cms.url + path, {
              method: 'POST',
              headers: token ? { authorization: `Bearer ${token}` } : {},
              body: form,
            }).then(
              async (response) => (await response.arrayBuffer(), response.status),
              () => 0,
            );
            statuses.set(`${who} ${path} ${field}`, status);
          }
      const accepting = (request: string) => /^\w+ \/upload\/?(files\/?)? /i.test(request);
      // A staff member's media-library upload of `files` is the one file that stays (a public image).
      const requests = [...statuses.keys()];
      const kept = new Set(
        markers.filter((_, i) => accepting(requests[i]) && /^staff .* files$/.test(requests[i])),
      );
      await vi.waitFor(() => {
        const left = [...filesHolding(markers)].filter(
          ([file, hits]) => !file.startsWith(PUBLIC_UPLOADS) || hits.some((hit) => !kept.has(hit)),
        );
        expect(left).toEqual([]);
      });
      // Refused before a byte is written everywhere but on the media library's upload routes, and
      // there without a staff login.
      for (const [request, status] of statuses)
        if (!accepting(request)) expect([0, 415], request).toContain(status);
        else if (!request.startsWith('staff')) expect([0, 401], request).toContain(status);
      for (const [file] of filesHolding([...kept])) rmSync(file);
      expect(filesIn(cms.env.UPLOAD_TEMP_DIR)).toEqual([]);
    });

    it('asks for a staff login before it reads a byte of a media-library upload', async () => {
      // The body never ends: only an answer given before reading it arrives.
      for (const token of [undefined, amal.jwt, 'not-a-token']) {
        const req = request(new URL(`${cms.url}/upload`), {
          method: 'POST',
          headers: {
            'content-type': 'multipart/form-data; boundary=mobio-boundary',
            'content-length': String(1024 * 1024),
            ...(token ? { authorization: `Bearer ${token}` } : {}),
          },
        });
        req.on('error', () => {});
        req.write(
          `--mobio-boundary\r\ncontent-disposition: form-data; name="files"; filename="a.pdf"\r\n\r\n`,
        );
        const status = await new Promise<number>((done) =>
          req.on('response', (response) => done(response.statusCode!)),
        );
        req.destroy();
        expect(status).toBe(401);
      }
      expect(filesIn(cms.env.UPLOAD_TEMP_DIR)).toEqual([]);
    });

    it('removes the parts of an accepted route when the client goes away mid-body', async () => {
      const marker = `MARKER-${randomBytes(12).toString('hex')}`;
      const boundary = 'mobio-boundary';
      const staff = await adminLogin(cms, 'super@admin.example', 'Super1234!');
      const req = request(new URL(`${cms.url}/upload`), {
        method: 'POST',
        headers: {
          authorization: `Bearer ${staff}`,
          'content-type': `multipart/form-data; boundary=${boundary}`,
          'content-length': String(1024 * 1024),
        },
      });
      req.on('error', () => {});
      req.write(
        `--${boundary}\r\ncontent-disposition: form-data; name="x"; filename="a.pdf"\r\n` +
          `content-type: application/pdf\r\n\r\n${marker}`,
      );
      req.write(pdf(100_000));
      // The part is being written into the request's own folder; then the client goes away.
      await vi.waitFor(() => expect(filesIn(cms.env.UPLOAD_TEMP_DIR)).toHaveLength(1), {
        timeout: 10_000,
        interval: 20,
      });
      req.destroy();
      await vi.waitFor(() => expect(filesIn(cms.env.UPLOAD_TEMP_DIR)).toEqual([]), {
        timeout: 10_000,
        interval: 20,
      });
      expect(filesHolding([marker])).toEqual(new Map());
    });
  });

  describe('erasure with the account', () => {
    it('removes every file of a deleted newcomer', async () => {
      const olga = await registerNewcomer(cms);
      await upload(cms, olga.jwt, pdf());
      await upload(cms, olga.jwt, pdf());
      const kept = await upload(cms, amal.jwt, pdf());
      expect(filesIn(documentsDir)).toHaveLength(3);
      await cms.strapi.plugin('users-permissions').service('user').remove({ id: olga.id });
      expect(filesIn(documentsDir)).toHaveLength(1);
      expect(
        await cms.strapi.db
          .query('api::document.document')
          .count({ where: { documentId: kept.body.data.documentId } }),
      ).toBe(1);
    });
  });
});
