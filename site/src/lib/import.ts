import { Readable } from 'node:stream';
import Busboy from '@fastify/busboy';
import { z } from 'zod';
import type { MessageKey } from '../i18n';
import { CMS_TIMEOUTS_MS, sendFileToCms } from './cms';
import { siteConfig } from './config';
import type { FieldErrors } from './forms';

/*
 * Moving to another district: the browser posts the mobio-export zip as a normal multipart form;
 * the site passes the file part on to the CMS as the raw body while it arrives — never held in
 * memory, never written to disk (it may be as large as IMPORT_MAX_BYTES) — and the CMS checks
 * everything before anything is written (plugins/sharing/server/src/services/import.ts).
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

/** The form's chosen file as a stream; null when the body holds none (or is no multipart form). */
function filePart(
  request: Request,
  maxBytes: number,
): Promise<{ file: Readable; cut: () => boolean } | null> {
  return new Promise((resolve) => {
    let parser: InstanceType<typeof Busboy>;
    try {
      parser = new Busboy({
        headers: { 'content-type': request.headers.get('content-type') ?? '' },
        limits: { files: 1, fileSize: maxBytes, fields: 0, parts: 4 },
      });
    } catch {
      return resolve(null);
    }
    let cut = false;
    parser.on('file', (field, file, fileName) => {
      // No file chosen: browsers send an empty part without a name.
      if (field !== 'file' || !fileName) return file.resume();
      file.on('limit', () => (cut = true));
      resolve({ file, cut: () => cut });
    });
    parser.on('finish', () => resolve(null));
    parser.on('error', () => resolve(null));
    if (!request.body) return resolve(null);
    Readable.fromWeb(request.body as never)
      .on('error', () => parser.destroy())
      .pipe(parser);
  });
}

/** A posted import form: refused before it is read when larger than IMPORT_MAX_BYTES, else passed on. */
export async function submitImport(request: Request, jwt: string): Promise<ImportOutcome> {
  const { importMaxBytes } = siteConfig().uploads;
  if (Number(request.headers.get('content-length') ?? 0) > importMaxBytes + FORM_OVERHEAD_BYTES) {
    return { errors: { file: 'error.importTooLarge' }, status: 413 };
  }
  const part = await filePart(request, importMaxBytes);
  if (!part) return { errors: { file: 'error.fileMissing' }, status: 400 };

  const result = await sendFileToCms('/api/sharing/import', jwt, part.file, {
    contentType: 'application/zip',
    schema: z.object({ data: importedSchema }).transform((body) => body.data),
    timeoutMs: CMS_TIMEOUTS_MS.import,
  });
  // The CMS may answer before it has read everything (an account in use, too many imports): the
  // rest of the body is read and dropped, so that the browser gets the answer.
  part.file.resume();
  if (part.cut()) return { errors: { file: 'error.importTooLarge' }, status: 413 };
  if (result.ok) return { errors: {}, status: 201, imported: result.data };
  const { fields, key, status } = result.failure;
  return { errors: fields, formError: Object.keys(fields).length > 0 ? undefined : key, status };
}
