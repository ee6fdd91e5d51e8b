import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, pipeline, type Readable } from 'node:stream';
import { pipeline as pipelineAsync } from 'node:stream/promises';
import { RandomAccessReader } from 'yauzl';

/**
 * The import's archive, kept on disk while it is checked rather than in memory (it may be as large
 * as IMPORT_MAX_BYTES, and two imports run at once) — and encrypted on its way there, since the
 * documents in it are plaintext: AES-256-CTR under a key made for this one archive that exists only
 * in this process's memory. CTR lets the zip reader start anywhere: a range is deciphered from the
 * counter of the block it starts in. The folder goes when the import ends (`discard`); one a killed
 * process leaves behind can be read by nobody and goes with UPLOAD_TEMP_DIR at the next start.
 */

const CIPHER = 'aes-256-ctr';
const BLOCK = 16;

/** The counter block of the `index`-th block of the archive (the key is fresh, so counting from 0 is safe). */
function counter(index: number): Buffer {
  const block = Buffer.alloc(BLOCK);
  block.writeBigUInt64BE(BigInt(index), 8);
  return block;
}

type Refuse = (problem: 'tooLarge' | 'notAnArchive' | 'storageFull') => Error;

export class SpooledArchive extends RandomAccessReader {
  private constructor(
    private readonly folder: string,
    private readonly path: string,
    private readonly key: Buffer,
    readonly size: number,
  ) {
    super();
  }

  /**
   * Writes `source` encrypted into a folder of its own under `tempDir`, refusing it (and leaving
   * nothing) beyond `max` bytes, when the client goes away mid-body, or when the disk is full.
   */
  static async receive(
    source: Readable,
    tempDir: string,
    max: number,
    refuse: Refuse,
  ): Promise<SpooledArchive> {
    await mkdir(tempDir, { recursive: true, mode: 0o700 });
    const folder = await mkdtemp(join(tempDir, 'import-'));
    const path = join(folder, 'archive');
    const key = randomBytes(32);
    let size = 0;
    const limit = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        done(size > max ? refuse('tooLarge') : null, chunk);
      },
    });
    try {
      await pipelineAsync(
        source,
        limit,
        createCipheriv(CIPHER, key, counter(0)),
        createWriteStream(path, { flags: 'wx', mode: 0o600 }),
      );
    } catch (error) {
      await rm(folder, { recursive: true, force: true });
      if ((error as NodeJS.ErrnoException).code === 'ENOSPC') throw refuse('storageFull');
      // Over the limit, or the client gone mid-body: what arrived is no whole archive.
      throw size > max ? refuse('tooLarge') : refuse('notAnArchive');
    }
    return new SpooledArchive(folder, path, key, size);
  }

  /** yauzl's random access: the plaintext of bytes `start` to `end` (exclusive). */
  _readStreamForRange(start: number, end: number): Readable {
    const decipher = createDecipheriv(CIPHER, this.key, counter(Math.floor(start / BLOCK)));
    // Into the block to where the range starts: the key stream moves on, the output is not wanted.
    decipher.update(Buffer.alloc(start % BLOCK));
    // A read error reaches the zip reader on the stream it listens to.
    return pipeline(createReadStream(this.path, { start, end: end - 1 }), decipher, () => {});
  }

  /** Removes the encrypted archive; called when the import ends, however it ended. */
  discard(): Promise<void> {
    return rm(this.folder, { recursive: true, force: true });
  }
}
