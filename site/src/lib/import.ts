import { z } from 'zod';
import type { MessageKey } from '../i18n';
import { CMS_TIMEOUTS_MS, sendFileToCms } from './cms';
import { siteConfig } from './config';
import type { FieldErrors } from './forms';

/*
 * Moving to another district: the browser posts the mobio-export zip as a normal multipart form;
 * the site passes the file on to the CMS as the raw body, where everything is checked before
 * anything is written (plugins/sharing/server/src/services/import.ts).
 */

/** Room for the multipart boundaries beside the file. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

export interface ImportOutcome {
  errors: FieldErrors;
  formError?: MessageKey;
  status: number;
  imported?: Imported;
}

const importedSchema = z.object({
  records: z.number(),
  documents: z.number(),
  // Each record taken over: its section and a short name (a title, an institution, a language code).
  items: z.array(
    z.object({
      section: z.enum(['profile', 'languages', 'education', 'employment', 'documents']),
      name: z.string().nullable(),
    }),
  ),
});
export type Imported = z.infer<typeof importedSchema>;

/** A posted import form: refused before it is read when larger than IMPORT_MAX_BYTES, else sent on. */
export async function submitImport(request: Request, jwt: string): Promise<ImportOutcome> {
  const { importMaxBytes } = siteConfig().uploads;
  if (Number(request.headers.get('content-length') ?? 0) > importMaxBytes + FORM_OVERHEAD_BYTES) {
    return { errors: { file: 'error.importTooLarge' }, status: 413 };
  }
  const form = await request.formData().catch(() => undefined);
  const file = form?.get('file');
  if (!(file instanceof File) || file.size === 0)
    return { errors: { file: 'error.fileMissing' }, status: 400 };
  if (file.size > importMaxBytes) return { errors: { file: 'error.importTooLarge' }, status: 413 };

  const result = await sendFileToCms('/api/sharing/import', jwt, file, {
    contentType: 'application/zip',
    schema: z.object({ data: importedSchema }).transform((body) => body.data),
    timeoutMs: CMS_TIMEOUTS_MS.import,
  });
  if (result.ok) return { errors: {}, status: 201, imported: result.data };
  const { fields, key, status } = result.failure;
  return { errors: fields, formError: Object.keys(fields).length > 0 ? undefined : key, status };
}
