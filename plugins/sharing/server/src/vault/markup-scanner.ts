/**
 * Finds markup a browser would run inside a file that claims to be a PDF or an image — the mark
 * of a polyglot (a PDF that is also an HTML page, an image with a script in its metadata), and
 * PDF JavaScript actions. Works on a stream: a marker split across two chunks is still found.
 */
const MARKERS = [
  '<html',
  '<script',
  '<!doctype',
  '<svg',
  '<iframe',
  '<body',
  '<object',
  '<embed',
  'javascript:',
  '/javascript',
];
const KEEP = Math.max(...MARKERS.map((marker) => marker.length)) - 1;

export function createMarkupScanner() {
  let tail = '';
  return {
    /** Feeds the next chunk; returns the marker found, or null. */
    push(chunk: Uint8Array): string | null {
      // latin1 keeps one character per byte, so offsets and lengths stay those of the bytes.
      const text = (
        tail + Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1')
      ).toLowerCase();
      const found = MARKERS.find((marker) => text.includes(marker)) ?? null;
      tail = text.slice(-KEEP);
      return found;
    },
  };
}
