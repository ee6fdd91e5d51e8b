import { Transform, type Readable } from 'node:stream';
import { fromRandomAccessReader, type Entry, type ZipFile } from 'yauzl';
import type { SpooledArchive } from './spool';

/**
 * Reading a mobio-export zip, spooled encrypted to disk (./spool.ts), for the import
 * (services/import.ts). Every error is raised as the caller's `refuse(problem)`, on the stream or
 * promise the caller is listening to.
 */

type Refuse = (problem: 'notAnArchive' | 'entryName' | 'tooLarge') => Error;

export function openZip(archive: SpooledArchive, refuse: Refuse): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    // strictFileNames: a backslash is refused, not read as a separator; sizes are checked while
    // inflating; the caller closes the zip and removes the archive.
    fromRandomAccessReader(
      archive,
      archive.size,
      { lazyEntries: true, strictFileNames: true, validateEntrySizes: true, autoClose: false },
      (error, zip) => (error ? reject(refuse('notAnArchive')) : resolve(zip)),
    );
  });
}

/** Every entry of the central directory; yauzl's own name checks (absolute, `..`) count as path tricks. */
export function listEntries(zip: ZipFile, refuse: Refuse): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('error', (error: Error) =>
      reject(
        refuse(/path|file ?name|character/i.test(error.message) ? 'entryName' : 'notAnArchive'),
      ),
    );
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.readEntry();
  });
}

/**
 * The inflated bytes of an entry, counted as they come against what is left of the whole archive's
 * budget and against `max` for this entry. The caller must attach its consumer in the same tick as
 * it receives the stream (inflating is asynchronous, so no byte and no error comes before that):
 * the counter's error then always reaches a listener.
 */
export function entryStream(
  zip: ZipFile,
  entry: Entry,
  budget: { left: number },
  max: number,
  refuse: Refuse,
): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) return reject(refuse('notAnArchive'));
      let read = 0;
      const counter = new Transform({
        transform(chunk: Buffer, _encoding, done) {
          budget.left -= chunk.length;
          read += chunk.length;
          done(budget.left < 0 || read > max ? refuse('tooLarge') : null, chunk);
        },
      });
      // yauzl says so when an entry inflates to more (or fewer) bytes than it declared, or is damaged.
      stream.on('error', (cause: Error) =>
        counter.destroy(
          refuse(/too many|too few|size/i.test(cause.message) ? 'tooLarge' : 'notAnArchive'),
        ),
      );
      // Only read while somebody reads the counter: nothing is inflated ahead into an unwatched buffer.
      counter.on('close', () => stream.destroy());
      resolve(stream.pipe(counter));
    });
  });
}

export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
