import { Readable } from 'node:stream';
import { z } from 'zod';
import { knownKey, type MessageKey } from '../i18n';
import { clientAddressForCms } from './client-address';
import { siteConfig } from './config';
import type { FieldErrors } from './forms';

/*
 * The site's one client of the CMS: every request a page or endpoint makes goes through here, with
 * its time limit, its headers (the newcomer's JWT as a Bearer token) and its failure turned into
 * catalogue keys. Nothing here throws and no CMS text reaches a page.
 */

/**
 * How long the site waits for the CMS to answer. A CMS that is not running fails at once
 * (connection refused); these only end the wait for one that took the request and does not answer.
 */
export const CMS_TIMEOUTS_MS = {
  // A slow CMS must not hold the landing page: the notice beats a hanging request.
  info: 3000,
  // A person's own data is worth waiting for: when many people use one CMS on SQLite at once,
  // answers can take several seconds (`npm run bench`, load without think time), and a late page
  // is better than an error.
  page: 15_000,
  // Downloads (export zip, PDFs) may take a while to start on a full account; the body then streams.
  download: 30_000,
  // Storing (encrypting, checking) a large file takes a while after the last byte has arrived.
  upload: 120_000,
  // Checking, encrypting and storing every document of an import takes longer still.
  import: 300_000,
} as const;

export interface CmsFailure {
  /** The message for the whole form, when no field is named. */
  key: MessageKey;
  /** Messages by form field, from a validation answer. */
  fields: FieldErrors;
  status: 400 | 401 | 404 | 429 | 503 | 507;
}
export type CmsResult<T, F = CmsFailure> = { ok: true; data: T } | { ok: false; failure: F };

/**
 * The answers that mean the same on every route: too many requests, the district's document store
 * full (the CMS kept nothing of the upload), the CMS down or broken (the localized try-again notice).
 */
export function commonFailure(
  status: number,
): { key: MessageKey; status: 429 | 503 | 507 } | undefined {
  if (status === 429) return { key: 'error.tooMany', status: 429 };
  if (status === 507) return { key: 'error.storageFull', status: 507 };
  if (status >= 500) return { key: 'auth.cmsUnavailable', status: 503 };
  return undefined;
}

/** The failure of a CMS that did not answer, or answered with an unexpected shape. */
export const CMS_DOWN: CmsFailure = { key: 'auth.cmsUnavailable', fields: {}, status: 503 };

const errorSchema = z.object({
  error: z
    .object({
      message: z.string().optional(),
      details: z
        .object({
          errors: z
            .array(
              z.object({
                path: z.array(z.union([z.string(), z.number()])).optional(),
                message: z.string(),
              }),
            )
            .optional(),
        })
        .optional(),
    })
    .optional(),
});

/**
 * Turns an error answer of the CMS's content API or sharing plugin into localized messages: per
 * field when the CMS names one, else for the form. The plugin's messages are catalogue keys already
 * ('error.invitationCode'); only keys the catalogues know are passed on.
 */
export function cmsFailureOf(status: number, body: unknown): CmsFailure {
  const parsed = errorSchema.safeParse(body);
  const error = parsed.success ? parsed.data.error : undefined;
  const common = commonFailure(status);
  // A 503 that names its reason (too many imports at once) says it; any other means "try again later".
  if (common)
    return {
      ...common,
      key: (status === 503 && knownKey(error?.message)) || common.key,
      fields: {},
    };
  if (status === 401) return { key: 'error.sessionExpired', fields: {}, status: 401 };
  const fields: FieldErrors = {};
  let formKey: MessageKey | undefined;
  for (const detail of error?.details?.errors ?? []) {
    const key = knownKey(detail.message) ?? 'error.unexpected';
    const field = detail.path?.[0];
    if (field === undefined || field === '') formKey ??= key;
    else fields[String(field)] ??= key;
  }
  formKey ??= knownKey(error?.message);
  const fallback: MessageKey = status === 404 ? 'error.notFound' : 'error.unexpected';
  return {
    key: formKey ?? (Object.keys(fields).length > 0 ? 'form.errorSummary' : fallback),
    fields,
    status: status === 404 ? 404 : 400,
  };
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

// fetch() hides the useful part (ECONNREFUSED, timeout) in error.cause.
const describeError = (error: unknown) => {
  const cause =
    error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
  return `${error instanceof Error ? error.message : String(error)}${cause}`;
};

/** A signal that times out `ms` after `stream` has ended. */
function timeoutAfterEnd(stream: Readable, ms: number): AbortSignal {
  const controller = new AbortController();
  stream.once('end', () =>
    setTimeout(() => controller.abort(new DOMException('timeout', 'TimeoutError')), ms).unref(),
  );
  return controller.signal;
}

/**
 * One call to the CMS that answers JSON, on behalf of a page: never throws. The body is sent as
 * JSON, or with `raw` as it is (a file for the vault or the import). A CMS that does not answer,
 * or answers with an unexpected shape, gives `down`; an error answer is turned into the caller's
 * failure by `failureOf`. The JWT, when there is one, goes as a Bearer token.
 */
export async function requestCms<T, F>(
  method: Method,
  path: string,
  options: {
    jwt?: string;
    body?: unknown;
    raw?: { body: Blob | Readable; contentType: string };
    schema: z.ZodType<T>;
    failureOf: (status: number, body: unknown) => F;
    down: F;
    timeoutMs?: number;
  },
): Promise<CmsResult<T, F>> {
  const url = new URL(path, siteConfig().cms.internalUrl);
  const contentType =
    options.raw?.contentType ?? (options.body === undefined ? undefined : 'application/json');
  const timeoutMs = options.timeoutMs ?? CMS_TIMEOUTS_MS.page;
  const streamed = options.raw?.body instanceof Readable ? options.raw.body : undefined;
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      // A body passed on as it arrives from the browser: the CMS's time starts at its last byte.
      signal: streamed ? timeoutAfterEnd(streamed, timeoutMs) : AbortSignal.timeout(timeoutMs),
      ...(streamed ? { duplex: 'half' } : {}),
      headers: {
        accept: 'application/json',
        ...clientAddressForCms(),
        ...(contentType ? { 'content-type': contentType } : {}),
        ...(options.jwt ? { authorization: `Bearer ${options.jwt}` } : {}),
      },
      body: streamed
        ? (Readable.toWeb(streamed) as ReadableStream<Uint8Array>)
        : options.raw
          ? (options.raw.body as Blob)
          : options.body === undefined
            ? undefined
            : JSON.stringify(options.body),
    });
  } catch (error) {
    console.warn(`[site] ${method} ${url.pathname} failed: ${describeError(error)}`);
    return { ok: false, failure: options.down };
  }
  let body: unknown;
  try {
    body = response.status === 204 ? undefined : await response.json();
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    if (response.status >= 500)
      console.warn(`[site] ${method} ${url.pathname} answered ${response.status}`);
    return { ok: false, failure: options.failureOf(response.status, body) };
  }
  const parsed = options.schema.safeParse(body);
  if (!parsed.success) {
    console.warn(
      `[site] ${method} ${url.pathname} sent an unexpected shape: ${parsed.error.message}`,
    );
    return { ok: false, failure: options.down };
  }
  return { ok: true, data: parsed.data };
}

/** One call of a newcomer to the CMS, its failure turned into localized messages (by default cmsFailureOf). */
export function callCms<T>(
  method: Method,
  path: string,
  jwt: string,
  schema: z.ZodType<T>,
  body?: unknown,
  failureOf: (status: number, body: unknown) => CmsFailure = cmsFailureOf,
): Promise<CmsResult<T>> {
  return requestCms(method, path, { jwt, schema, body, failureOf, down: CMS_DOWN });
}

/** A file sent on to the CMS as the raw request body (a document for the vault, an import zip). */
export function sendFileToCms<T>(
  path: string,
  jwt: string,
  file: Blob | Readable,
  options: { contentType: string; schema: z.ZodType<T>; timeoutMs: number },
): Promise<CmsResult<T>> {
  const { contentType, ...rest } = options;
  return requestCms('POST', path, {
    jwt,
    raw: { body: file, contentType },
    ...rest,
    failureOf: cmsFailureOf,
    down: CMS_DOWN,
  });
}

/**
 * A file from the CMS (export zip, CV or receipt PDF) passed through to the browser as it arrives,
 * never held in memory; `{ failed: status }`, with the reason logged, when the CMS does not deliver
 * one (401: the session was refused).
 */
export async function streamFromCms(
  path: string,
  jwt: string,
): Promise<Response | { failed: number }> {
  const url = new URL(path, siteConfig().cms.internalUrl);
  // The time limit is for the CMS to start answering; a long download must not be cut off.
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error('timeout')), CMS_TIMEOUTS_MS.download);
  let upstream: Response;
  try {
    upstream = await fetch(url, {
      signal: controller.signal,
      headers: { ...clientAddressForCms(), authorization: `Bearer ${jwt}` },
    });
  } catch (error) {
    console.warn(
      `[site] GET ${url.pathname} failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    return { failed: 503 };
  } finally {
    clearTimeout(timer);
  }
  if (!upstream.ok || !upstream.body) {
    console.warn(`[site] GET ${url.pathname} answered ${upstream.status}`);
    await upstream.body?.cancel();
    return { failed: upstream.status };
  }
  const headers = new Headers({
    'Content-Type': upstream.headers.get('content-type') ?? 'application/octet-stream',
    'Cache-Control': 'no-store',
  });
  const disposition = upstream.headers.get('content-disposition');
  headers.set(
    'Content-Disposition',
    disposition?.startsWith('attachment') ? disposition : 'attachment',
  );
  return new Response(upstream.body, { status: 200, headers });
}
