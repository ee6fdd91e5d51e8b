import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { sealV1 as sealOld } from './legacy';
import {
  HEADER_LENGTH,
  MAGIC1,
  MAGIC2,
  SEALED_SEGMENT,
  SEGMENT,
  UnreadableFileError,
  createSealer,
  formatOf,
  rewrapHeader,
} from '../file-format';
import { openStoredFile, verifyStoredFile } from '../read-stream';

const dir = mkdtempSync(join(tmpdir(), 'mobio-segments-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const masterKey = randomBytes(32);
let n = 0;

/** Seals a plaintext into version 2 through the stream the vault uses, in uneven chunks. */
async function seal(plaintext: Buffer, key = masterKey): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sealer = createSealer(key);
  const pieces: Buffer[] = [];
  for (let at = 0; at < plaintext.length; at += 10_007)
    pieces.push(plaintext.subarray(at, at + 10_007));
  Readable.from(pieces).pipe(sealer);
  for await (const chunk of sealer) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

const sealV1 = (plaintext: Buffer, key = masterKey) => sealOld(plaintext, key);

function put(bytes: Buffer): string {
  const path = join(dir, `file-${++n}`);
  writeFileSync(path, bytes);
  return path;
}

/** Reads a stored file as a client would: what arrived before the stream ended or failed, and the failure. */
async function read(
  path: string,
  key = masterKey,
): Promise<{ received: Buffer; error?: unknown; size?: number }> {
  let opened;
  try {
    opened = await openStoredFile(path, key);
  } catch (error) {
    return { received: Buffer.alloc(0), error };
  }
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of opened.stream) chunks.push(chunk as Buffer);
  } catch (error) {
    return { received: Buffer.concat(chunks), error, size: opened.size };
  }
  return { received: Buffer.concat(chunks), size: opened.size };
}

const segmentAt = (index: number) => HEADER_LENGTH[2] + index * SEALED_SEGMENT;
const plaintext = randomBytes(3 * SEGMENT + 1234);

describe('segmented vault files (version 2)', () => {
  it.each([0, 1, SEGMENT - 1, SEGMENT, SEGMENT + 1, 2 * SEGMENT, 3 * SEGMENT + 1234])(
    'round-trips %i bytes with the right size',
    async (length) => {
      const bytes = plaintext.subarray(0, length);
      const sealed = await seal(bytes);
      expect(formatOf(sealed)).toBe(2);
      const { received, error, size } = await read(put(sealed));
      expect(error).toBeUndefined();
      expect(size).toBe(length);
      expect(received.equals(bytes)).toBe(true);
    },
  );

  it('keeps no plaintext in the file', async () => {
    const sealed = await seal(plaintext);
    expect(sealed.includes(plaintext.subarray(SEGMENT, SEGMENT + 32))).toBe(false);
  });

  describe('detects every tampering, releasing only segments checked before it', () => {
    let sealed: Buffer;
    const cases: Array<[string, (file: Buffer) => Buffer, 'before' | number]> = [
      ['a byte changed in the first segment', (f) => flip(f, segmentAt(0) + 100), 'before'],
      ['a byte changed in the middle segment', (f) => flip(f, segmentAt(1) + 5000), 1],
      ['a byte changed in the last segment', (f) => flip(f, f.length - 20), 3],
      ['a byte changed in a tag', (f) => flip(f, segmentAt(2) - 1), 1],
      ['a byte changed in the nonce prefix', (f) => flip(f, HEADER_LENGTH[2] - 1), 'before'],
      ['a byte changed in the wrapped key', (f) => flip(f, MAGIC2.length + 20), 'before'],
      [
        'the last segment dropped (cut at a segment boundary)',
        (f) => f.subarray(0, segmentAt(3)),
        2,
      ],
      ['the file cut inside a segment', (f) => f.subarray(0, segmentAt(2) + 1000), 2],
      [
        'the file cut inside the first segment',
        (f) => f.subarray(0, segmentAt(0) + 1000),
        'before',
      ],
      ['the file cut inside a tag', (f) => f.subarray(0, segmentAt(3) + 8), 'before'],
      [
        'two segments swapped',
        (f) =>
          Buffer.concat([
            f.subarray(0, segmentAt(1)),
            f.subarray(segmentAt(2), segmentAt(3)),
            f.subarray(segmentAt(1), segmentAt(2)),
            f.subarray(segmentAt(3)),
          ]),
        1,
      ],
      [
        'a segment repeated in place of another',
        (f) =>
          Buffer.concat([
            f.subarray(0, segmentAt(2)),
            f.subarray(segmentAt(1), segmentAt(2)),
            f.subarray(segmentAt(3)),
          ]),
        2,
      ],
      ['bytes appended', (f) => Buffer.concat([f, randomBytes(100)]), 3],
      [
        'a whole segment appended',
        (f) => Buffer.concat([f, f.subarray(segmentAt(1), segmentAt(2))]),
        3,
      ],
      ['the header alone', (f) => f.subarray(0, HEADER_LENGTH[2]), 'before'],
      ['an empty file', () => Buffer.alloc(0), 'before'],
      [
        'relabelled as version 1',
        (f) => Buffer.concat([MAGIC1, f.subarray(MAGIC1.length)]),
        'before',
      ],
    ];

    function flip(file: Buffer, at: number): Buffer {
      const copy = Buffer.from(file);
      copy[at] ^= 0x01;
      return copy;
    }

    it.each(cases)('%s', async (_name, tamper, failsAt) => {
      sealed ??= await seal(plaintext);
      const path = put(tamper(sealed));
      const { received, error } = await read(path);
      expect(error).toBeInstanceOf(UnreadableFileError);
      if (failsAt === 'before') {
        // Thrown by openStoredFile itself: the caller can still answer with an error status.
        expect(received.length).toBe(0);
      } else {
        // Only whole segments that checked out came through, and nothing of the damaged one.
        expect(received.length).toBe(failsAt * SEGMENT);
        expect(received.equals(plaintext.subarray(0, received.length))).toBe(true);
      }
      await expect(verifyStoredFile(path, masterKey)).rejects.toBeInstanceOf(UnreadableFileError);
    });

    it('a segment taken from another file at the same place', async () => {
      sealed ??= await seal(plaintext);
      const other = await seal(plaintext);
      const mixed = Buffer.concat([
        sealed.subarray(0, segmentAt(1)),
        other.subarray(segmentAt(1), segmentAt(2)),
        sealed.subarray(segmentAt(2)),
      ]);
      const { received, error } = await read(put(mixed));
      expect((error as UnreadableFileError).reason).toBe('damaged');
      expect(received.length).toBe(SEGMENT);
    });
  });

  it('opens with a new master key once only the header is re-wrapped (key rotation without re-encrypting)', async () => {
    const sealed = await seal(plaintext);
    const newKey = randomBytes(32);
    const header = rewrapHeader(sealed.subarray(0, HEADER_LENGTH[2]), masterKey, newKey);
    expect(header.length).toBe(HEADER_LENGTH[2]);
    const rotated = Buffer.concat([header, sealed.subarray(HEADER_LENGTH[2])]);
    const { received, error } = await read(put(rotated), newKey);
    expect(error).toBeUndefined();
    expect(received.equals(plaintext)).toBe(true);
    expect(((await read(put(rotated))).error as UnreadableFileError).reason).toBe('wrongKey');
  });

  it('names the reason: a missing file, a wrong master key, damage', async () => {
    const sealed = await seal(plaintext.subarray(0, 1000));
    expect(((await read(join(dir, 'nothing-here'))).error as UnreadableFileError).reason).toBe(
      'missing',
    );
    expect(((await read(put(sealed), randomBytes(32))).error as UnreadableFileError).reason).toBe(
      'wrongKey',
    );
    const damaged = Buffer.from(sealed);
    damaged[damaged.length - 1] ^= 0x80;
    expect(((await read(put(damaged))).error as UnreadableFileError).reason).toBe('damaged');
  });
});

describe('old single-tag vault files (version 1)', () => {
  it('stay readable', async () => {
    const { received, error, size } = await read(put(sealV1(plaintext)));
    expect(error).toBeUndefined();
    expect(size).toBe(plaintext.length);
    expect(received.equals(plaintext)).toBe(true);
  });

  it('are checked whole before the first byte is handed out', async () => {
    const file = sealV1(plaintext);
    file[file.length - 5000] ^= 0x01;
    const { received, error } = await read(put(file));
    expect((error as UnreadableFileError).reason).toBe('damaged');
    expect(received.length).toBe(0);
  });

  it('refuse a wrong master key and a cut file', async () => {
    expect(
      ((await read(put(sealV1(plaintext)), randomBytes(32))).error as UnreadableFileError).reason,
    ).toBe('wrongKey');
    const cut = sealV1(plaintext);
    expect(
      ((await read(put(cut.subarray(0, cut.length - 10)))).error as UnreadableFileError).reason,
    ).toBe('damaged');
  });

  it('leave nothing open when read through', async () => {
    const path = put(sealV1(plaintext.subarray(0, 10)));
    await verifyStoredFile(path, masterKey);
    expect(readFileSync(path).length).toBeGreaterThan(0);
  });
});
