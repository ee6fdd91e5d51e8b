import { expect } from 'vitest';
import { ZipFile } from 'yazl';
import type { TestCms } from '../../../../../../cms/test/harness';

/** Archives for the import tests: made with the exporter's library, then changed the way an attacker would. */

/** A zip of the given entries, in order, as yazl (the exporter's library) writes it; `store`: uncompressed. */
export function zipOf(
  entries: Array<[string, Buffer]>,
  { store = false }: { store?: boolean } = {},
): Promise<Buffer> {
  const zip = new ZipFile();
  for (const [name, content] of entries) zip.addBuffer(content, name, { compress: !store });
  zip.end();
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (chunk: Buffer) => chunks.push(chunk));
    zip.outputStream.on('error', fail);
    zip.outputStream.on('end', () => done(Buffer.concat(chunks)));
  });
}

/** Replaces every occurrence of `from` (local header and central directory) by `to`, of the same length. */
export function patchName(buffer: Buffer, from: string, to: string): Buffer {
  expect(to.length).toBe(from.length);
  const out = Buffer.from(buffer);
  let at = out.indexOf(from);
  expect(at).toBeGreaterThan(-1);
  while (at !== -1) {
    out.write(to, at, 'latin1');
    at = out.indexOf(from, at + 1);
  }
  return out;
}

/** Sets the uncompressed size the central directory declares for one entry (a lying zip bomb). */
export function declareSize(buffer: Buffer, name: string, size: number): Buffer {
  const out = Buffer.from(buffer);
  for (let at = out.indexOf('PK\x01\x02'); at !== -1; at = out.indexOf('PK\x01\x02', at + 4)) {
    const nameLength = out.readUInt16LE(at + 28);
    if (out.toString('latin1', at + 46, at + 46 + nameLength) === name) {
      out.writeUInt32LE(size, at + 24);
      return out;
    }
  }
  throw new Error(`no entry ${name}`);
}

export async function importInto(
  cms: Pick<TestCms, 'url'>,
  jwt: string,
  archive: Buffer,
  type = 'application/zip',
) {
  const response = await fetch(`${cms.url}/api/sharing/import`, {
    method: 'POST',
    headers: { authorization: `Bearer ${jwt}`, 'content-type': type },
    body: new Uint8Array(archive),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}
