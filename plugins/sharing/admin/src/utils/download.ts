/**
 * Hands a blob fetched with the staff member's session to the browser as a download. Files never
 * get a public URL: the object URL lives in this tab only and is revoked shortly after.
 */
export function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The file name from a Content-Disposition header, or the fallback. */
export function fileNameOf(headers: Headers | undefined, fallback: string): string {
  const disposition = headers?.get?.('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) return decodeURIComponent(encoded);
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? fallback;
}
