import { documentMetadataSchema } from '@mobio/config';
import { z } from 'zod';
import type { MessageKey } from '../i18n';
import { CMS_TIMEOUTS_MS, type CmsResult, sendFileToCms } from './cms';
import { siteConfig } from './config';
import { type FieldErrors, validate } from './forms';
import { formFieldsOf, fromFormData, type FormValues, type StoredRecord } from './records';
import type { Locale } from '@mobio/config';

/*
 * Uploading a document: the browser posts a normal multipart form to the site (with JavaScript,
 * the same form through XMLHttpRequest for the progress bar); the site checks the metadata with
 * the shared schema and passes the file on to the CMS's private vault as the raw body.
 */

/** Room for the form's text fields and multipart boundaries beside the file. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

/** The file types the vault accepts (it checks the content, not this list). */
export const ACCEPTED_FILES =
  'application/pdf,image/jpeg,image/png,image/webp,image/heic,.pdf,.jpg,.jpeg,.png,.webp,.heic';

export interface UploadOutcome {
  values: FormValues;
  errors: FieldErrors;
  formError?: MessageKey;
  status: number;
  saved?: boolean;
}

function sendToVault(
  jwt: string,
  metadata: Record<string, unknown>,
  file: File,
): Promise<CmsResult<StoredRecord>> {
  const query = new URLSearchParams({ fileName: file.name });
  for (const [name, value] of Object.entries(metadata))
    if (value !== null && value !== undefined) query.set(name, String(value));
  return sendFileToCms(`/api/sharing/documents?${query}`, jwt, file, {
    contentType: 'application/octet-stream',
    schema: z
      .object({
        data: z.custom<StoredRecord>((value) => typeof value === 'object' && value !== null),
      })
      .transform((body) => body.data),
    timeoutMs: CMS_TIMEOUTS_MS.upload,
  });
}

/**
 * A posted upload form. A body larger than the configured limit is refused before it is read;
 * otherwise the metadata is checked (errors beside the fields, everything typed kept) and the file
 * goes to the CMS, whose refusals (too large, not a PDF or image, disguised) show beside the file field.
 */
export async function submitUpload(
  request: Request,
  jwt: string,
  locale: Locale,
): Promise<UploadOutcome> {
  const fields = await formFieldsOf(jwt, 'documents', locale);
  const { maxBytes } = siteConfig().uploads;
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes + FORM_OVERHEAD_BYTES) {
    return {
      values: fromFormData(undefined, fields),
      errors: { file: 'error.fileTooLarge' },
      status: 413,
    };
  }
  let form: FormData | undefined;
  try {
    form = await request.formData();
  } catch {
    form = undefined;
  }
  const values = fromFormData(form, fields);
  const file = form?.get('file');
  const hasFile = file instanceof File && file.size > 0;
  const valid = validate(documentMetadataSchema, values);
  const errors: FieldErrors = valid.ok ? {} : valid.errors;
  if (!hasFile) errors.file = 'error.fileMissing';
  else if (file.size > maxBytes) errors.file = 'error.fileTooLarge';
  if (!valid.ok || errors.file) {
    // The file field comes first on the page, so its message leads the summary.
    return {
      values,
      errors: { ...(errors.file ? { file: errors.file } : {}), ...errors },
      status: errors.file === 'error.fileTooLarge' ? 413 : 400,
    };
  }
  const result = await sendToVault(jwt, valid.data as Record<string, unknown>, file as File);
  if (result.ok) return { values, errors: {}, status: 201, saved: true };
  const { fields: cmsErrors, key, status } = result.failure;
  return {
    values,
    errors: cmsErrors,
    formError: Object.keys(cmsErrors).length > 0 ? undefined : key,
    status,
  };
}
