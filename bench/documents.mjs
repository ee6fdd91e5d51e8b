// @ts-check
import { randomBytes } from 'node:crypto';
import { createReadStream, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';

const SIZE = 25 * 1024 * 1024;

/** Peak-RSS bookkeeping of a process through /proc (Linux): VmHWM is reset before each run. */
function memory(pid) {
  /** @param {string} field */
  const kb = (field) =>
    Number(
      /** @type {RegExpExecArray} */ (
        new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
      )[1],
    );
  return {
    reset: () => writeFileSync(`/proc/${pid}/clear_refs`, '5'),
    rss: () => kb('VmRSS'),
    peak: () => kb('VmHWM'),
  };
}

/**
 * A 25 MB document through the private vault (streamed, checked, encrypted) against a plain Strapi
 * media-library upload and static download of the same file, on the running CMS: the median time
 * of `runs` and the largest peak-RSS growth of the CMS process over its RSS before the request.
 */
export async function benchDocuments({ url, pid, newcomerJwt, adminJwt, dir, runs = 3 }) {
  const mem = memory(pid);
  async function measure(fn) {
    const times = [];
    let growth = 0;
    for (let i = 0; i < runs; i++) {
      mem.reset();
      const before = mem.rss();
      const t0 = performance.now();
      await fn();
      times.push(performance.now() - t0);
      growth = Math.max(growth, mem.peak() - before);
    }
    return { ms: times.sort((a, b) => a - b)[Math.floor(runs / 2)], mb: growth / 1024 };
  }

  const file = join(dir, 'zeugnis.pdf');
  // A PDF header and random bytes without '<', so that the vault's markup check lets it through.
  writeFileSync(
    file,
    Buffer.concat([
      Buffer.from('%PDF-1.7\n'),
      randomBytes(SIZE).map((b) => (b === 0x3c ? 0x3d : b)),
      Buffer.from('\n%%EOF\n'),
    ]),
  );
  const bytes = statSync(file).size;
  const drain = async (res, what) => {
    let n = 0;
    for await (const chunk of res.body) n += chunk.length;
    if (res.status !== 200 || n !== bytes) throw new Error(`${what}: ${res.status}, ${n} bytes`);
  };

  const stored = [];
  const vaultUpload = await measure(async () => {
    const res = await fetch(
      `${url}/api/sharing/documents?kind=certificate&title=Bench&fileName=zeugnis.pdf`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/pdf',
          'content-length': String(bytes),
          authorization: `Bearer ${newcomerJwt}`,
        },
        body: Readable.toWeb(createReadStream(file)),
        duplex: 'half',
      },
    );
    if (res.status !== 201) throw new Error(`vault upload: ${res.status} ${await res.text()}`);
    stored.push(/** @type {{ data: { documentId: string } }} */ (await res.json()).data.documentId);
  });
  const vaultDownload = await measure(async () => {
    await drain(
      await fetch(`${url}/api/sharing/documents/${stored[0]}/file`, {
        headers: { authorization: `Bearer ${newcomerJwt}` },
      }),
      'vault download',
    );
  });

  let publicUrl;
  const uploaded = [];
  const plainUpload = await measure(async () => {
    const form = new FormData();
    form.append(
      'files',
      new Blob([readFileSync(file)], { type: 'application/pdf' }),
      'zeugnis.pdf',
    );
    const res = await fetch(`${url}/upload`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminJwt}` },
      body: form,
    });
    if (res.status !== 201 && res.status !== 200)
      throw new Error(`plain upload: ${res.status} ${await res.text()}`);
    const [file0] = /** @type {{ id: number, url: string }[]} */ (await res.json());
    publicUrl = file0.url;
    uploaded.push(file0.id);
  });
  const plainDownload = await measure(async () => {
    await drain(await fetch(`${url}${publicUrl}`), 'plain download');
  });

  // The media library writes into cms/public/uploads of this checkout, the vault into the
  // benchmark's own folder: take the benchmark's files out again.
  for (const id of uploaded)
    await fetch(`${url}/upload/files/${id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${adminJwt}` },
    });
  for (const id of stored)
    await fetch(`${url}/api/documents/${id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${newcomerJwt}` },
    });
  return { bytes, runs, plainUpload, vaultUpload, plainDownload, vaultDownload };
}
