import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rawSql, registerNewcomer, uploadDocument } from '../../cms/test/harness';
import { multipart, send, text } from '../../site/src/__tests__/helpers/http';
import { type NpmStart, npmStart } from './helpers/npm-start';

/**
 * The document store's disk fills up during an upload (a 1 MB tmpfs as the document folder, under
 * a real `npm start`): the CMS answers 507 `error.storageFull`, the site shows it localized, nothing
 * is left behind (no row, no file, no `.part`), and uploads that fit work afterwards.
 *
 * Mounting needs root (as CI runs); elsewhere the test is skipped, loudly.
 */

const de = (
  JSON.parse(readFileSync(resolve(__dirname, '../../config/src/i18n/de.json'), 'utf8')) as {
    site: Record<string, string>;
  }
).site;
const pdf = (size: number) =>
  Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(size).map((b) => (b === 0x3c ? 0x3d : b))]);

const mountPoint = mkdtempSync(join(tmpdir(), 'mobio-full-disk-'));
let mounted = false;
try {
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m,mode=0700', 'tmpfs', mountPoint], {
    stdio: 'pipe',
  });
  mounted = true;
} catch (error) {
  console.warn(
    `[disk-full.test] SKIPPED: cannot mount a small tmpfs (needs root): ${(error as Error).message.split('\n')[0]}`,
  );
}

function filesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name));
}

describe.skipIf(!mounted)('a full disk during an upload', () => {
  const documents = join(mountPoint, 'documents');
  let run: NpmStart | undefined;
  afterAll(async () => {
    await run?.stop();
    if (mounted) execFileSync('umount', [mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true });
  });

  it('refuses the upload with a clear, localized error, leaves nothing behind, and later uploads that fit work', async () => {
    run = await npmStart({ DOCUMENTS_DIR: documents });
    const amal = await registerNewcomer({ url: run.cmsUrl });
    const cookie = `mobio_session=${amal.jwt}`;
    const rows = async () =>
      Number((await rawSql(run!.env, 'select count(*) as n from documents'))[0].n);

    // Through the site, as a person uploads: 2 MB into a 1 MB disk.
    const big = await multipart(
      {
        file: new Blob([new Uint8Array(pdf(2 * 1024 * 1024))]),
        title: 'Zeugnis',
        kind: 'certificate',
      },
      'zeugnis.pdf',
    );
    const refused = await send(run.site, 'POST', '/de/documents/upload', {
      cookie,
      body: big.body,
      contentType: big.contentType,
    });
    expect(refused.status).toBe(507);
    expect(text(refused.html)).toContain(de['error.storageFull']);
    expect(filesIn(documents)).toEqual([]);
    expect(await rows()).toBe(0);

    // The CMS's own answer, for any client.
    const direct = await uploadDocument({ url: run.cmsUrl }, amal.jwt, pdf(2 * 1024 * 1024));
    expect(direct.status).toBe(507);
    expect(direct.body.error.message).toBe('error.storageFull');
    expect(filesIn(documents)).toEqual([]);
    expect(run.output()).toContain('[sharing] document store full');

    // What fits is stored, through the site and directly; the CMS kept running.
    const small = await multipart(
      { file: new Blob([new Uint8Array(pdf(100_000))]), title: 'Zeugnis', kind: 'certificate' },
      'zeugnis.pdf',
    );
    const stored = await send(run.site, 'POST', '/de/documents/upload', {
      cookie,
      body: small.body,
      contentType: small.contentType,
    });
    expect(stored.status, text(stored.html)).toBe(303);
    expect((await uploadDocument({ url: run.cmsUrl }, amal.jwt, pdf(100_000))).status).toBe(201);
    expect(filesIn(documents)).toHaveLength(2);
    expect(await rows()).toBe(2);
    expect(run.output()).not.toMatch(/stopped \((signal|exit code)/);
  }, 300_000);
});
