/**
 * A file name that is safe in a Content-Disposition header and on any file system: no path, no
 * control or reserved characters, at most 120 characters, with the extension of the real type.
 * Letters of every script are kept (an Arabic name stays Arabic).
 */
export function safeFileName(name: string | undefined, extension: string): string {
  const base = (name ?? '')
    .split(/[\\/]/)
    .pop()!
    .normalize('NFC')
    .replace(/\.[^.]*$/, '')
    .replace(/[\u0000-\u001f\u007f"*:<>?|\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 120);
  return `${base || 'document'}.${extension}`;
}
