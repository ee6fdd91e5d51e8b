import { createDecipheriv } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  HEADER_MAX,
  SEALED_SEGMENT,
  TAG,
  UnreadableFileError,
  openSegment,
  segmentLayout,
  unwrapFileKey,
  type FileKey,
  type FormatVersion,
  type MasterKeys,
} from './file-format';

/**
 * Reading stored files back. The rule for every reader: no byte of a segment leaves before the
 * segment's tag is checked, and whatever can be found out before the first byte (file missing,
 * master key wrong, first segment damaged) is thrown from `openStoredFile` itself, so a caller
 * can still answer with a clean error status.
 */

export interface StoredFile {
  stream: Readable;
  /** Plaintext size in bytes. */
  size: number;
  version: FormatVersion;
}

async function openHandle(path: string): Promise<FileHandle> {
  try {
    return await open(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new UnreadableFileError('missing', 'no file');
    throw error;
  }
}

async function readExactly(file: FileHandle, length: number, position: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await file.read(buffer, done, length - done, position + done);
    // The file shrank under us: treat it as cut.
    if (bytesRead === 0) throw new UnreadableFileError('damaged', 'file ended early');
    done += bytesRead;
  }
  return buffer;
}

/** The version 2 segments of an open file as a stream; each segment is released only once verified. */
class SegmentStream extends Readable {
  private index: number;
  constructor(
    private readonly file: FileHandle,
    private readonly key: FileKey,
    private readonly fileSize: number,
    private readonly segments: number,
    private first: Buffer | null,
  ) {
    super({ highWaterMark: SEALED_SEGMENT });
    this.index = first ? 1 : 0;
  }

  override _read() {
    if (this.first) {
      const first = this.first;
      this.first = null;
      this.push(first);
      if (this.segments === 1) this.push(null);
      return;
    }
    if (this.index >= this.segments) {
      this.push(null);
      return;
    }
    const index = this.index++;
    const start = this.key.headerLength + index * SEALED_SEGMENT;
    const length = Math.min(SEALED_SEGMENT, this.fileSize - start);
    readExactly(this.file, length, start)
      .then((sealed) => {
        const last = index === this.segments - 1;
        this.push(openSegment(this.key, index, last, sealed));
        if (last) this.push(null);
      })
      .catch((error) => this.destroy(error));
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void) {
    this.file.close().then(
      () => callback(error),
      () => callback(error),
    );
  }
}

/** A version 1 file: the plaintext stream of its single GCM run (the tag is checked at the end). */
function legacyStream(path: string, key: FileKey, fileSize: number): Readable {
  const decipher = createDecipheriv('aes-256-gcm', key.fileKey, key.iv);
  const tagStart = fileSize - TAG;
  const ciphertext = createReadStream(path, { start: key.headerLength, end: tagStart - 1 });
  // The tag is read first, then the ciphertext; an error on either side ends the plaintext stream.
  const out = new Readable({ read() {} });
  open(path, 'r')
    .then(async (file) => {
      try {
        decipher.setAuthTag(await readExactly(file, TAG, tagStart));
      } finally {
        await file.close();
      }
      if (out.destroyed) return void ciphertext.destroy();
      ciphertext.on('data', (chunk) => out.push(decipher.update(chunk as Buffer)));
      ciphertext.on('end', () => {
        try {
          decipher.final();
          out.push(null);
        } catch {
          out.destroy(new UnreadableFileError('damaged', 'the file does not authenticate'));
        }
      });
      ciphertext.on('error', (error) => out.destroy(error));
      out.on('close', () => ciphertext.destroy());
    })
    .catch((error) => out.destroy(error));
  return out;
}

/**
 * Opens a stored file for reading. Version 2: the header and the first segment are checked
 * before this returns. Version 1 can only be checked at its end, so the whole file is decrypted
 * once to check it before a stream is handed out (a second pass then streams it).
 */
export async function openStoredFile(path: string, masterKey: MasterKeys): Promise<StoredFile> {
  const file = await openHandle(path);
  try {
    const { size: fileSize } = await file.stat();
    const head = Buffer.alloc(HEADER_MAX);
    const { bytesRead } = await file.read(head, 0, HEADER_MAX, 0);
    const key = unwrapFileKey(head.subarray(0, bytesRead), masterKey);
    if (key.version === 1) {
      await file.close();
      const size = fileSize - key.headerLength - TAG;
      if (size < 0) throw new UnreadableFileError('damaged', 'file too short');
      await drain(legacyStream(path, key, fileSize));
      return { stream: legacyStream(path, key, fileSize), size, version: 1 };
    }
    const { segments, plaintextSize } = segmentLayout(fileSize);
    const firstLength = Math.min(SEALED_SEGMENT, fileSize - key.headerLength);
    const first = openSegment(
      key,
      0,
      segments === 1,
      await readExactly(file, firstLength, key.headerLength),
    );
    return {
      stream: new SegmentStream(file, key, fileSize, segments, first),
      size: plaintextSize,
      version: 2,
    };
  } catch (error) {
    await file.close().catch(() => undefined);
    throw error;
  }
}

async function drain(stream: Readable): Promise<void> {
  await pipeline(stream, new Writable({ write: (_chunk, _encoding, done) => done() }));
}

/**
 * Reads a stored file to its end and checks every tag; resolves with its plaintext size or throws
 * UnreadableFileError. For callers that must know a file is whole before they commit to it (the
 * export lists unreadable documents in its JSON, which is written before any file).
 */
export async function verifyStoredFile(path: string, masterKey: MasterKeys): Promise<number> {
  const { stream, size } = await openStoredFile(path, masterKey);
  await drain(stream);
  return size;
}
