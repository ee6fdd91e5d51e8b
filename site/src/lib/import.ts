import type { MessageKey } from '../i18n';
import { siteConfig } from './config';
import type { FieldErrors } from './forms';
import { sharingFailureOf } from './sharing';

/*
 * Moving to another district: the browser posts the mobio-export zip as a normal multipart form;
 * the site passes the file on to the CMS as the raw body, where everything is checked before
 * anything is written (plugins/sharing/server/src/services/import.ts).
 */

/** Room for the multipart boundaries beside the file. */
const FORM_OVERHEAD_BYTES = 64 * 1024;
// Checking, encrypting and storing every document takes a while after the last byte has arrived.
const IMPORT_TIMEOUT_MS = 300_000;

export interface ImportOutcome {
  errors: FieldErrors;
  formError?: MessageKey;
  status: number;
  imported?: { records: number; documents: number };
}

/** A posted import form: refused before it is read when larger than IMPORT_MAX_BYTES, else sent on. */
export async function submitImport(request: Request, jwt: string): Promise<ImportOutcome> {
  const { importMaxBytes } = siteConfig().uploads;
  if (Number(request.headers.get('content-length') ?? 0) > importMaxBytes + FORM_OVERHEAD_BYTES) {
    return { errors: { file: 'error.importTooLarge' }, status: 413 };
  }
  const form = await request.formData().catch(() => undefined);
  const file = form?.get('file');
  if (!(file instanceof File) || file.size === 0) return { errors: { file: 'error.fileMissing' }, status: 400 };
  if (file.size > importMaxBytes) return { errors: { file: 'error.importTooLarge' }, status: 413 };

  const url = new URL('/api/sharing/import', siteConfig().cms.internalUrl);
  try {
    const response = await fetch(url, {
      method: 'POST',
      signal: AbortSignal.timeout(IMPORT_TIMEOUT_MS),
      headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/zip', accept: 'application/json' },
      body: file,
    });
    const body: unknown = await response.json().catch(() => undefined);
    if (response.ok) return { errors: {}, status: 201, imported: (body as { data: { records: number; documents: number } }).data };
    if (response.status >= 500) console.warn(`[site] POST ${url.pathname} answered ${response.status}`);
    const { fields, key, status } = sharingFailureOf(response.status, body);
    return { errors: fields, formError: Object.keys(fields).length > 0 ? undefined : key, status };
  } catch (error) {
    console.warn(`[site] POST ${url.pathname} failed: ${error instanceof Error ? error.message : String(error)}`);
    return { errors: {}, formError: 'auth.cmsUnavailable', status: 503 };
  }
}
