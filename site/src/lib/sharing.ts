import { ACCESS_LEVELS, LIST_SECTIONS, PLAN_STATUSES, SECTIONS, type Locale } from '@mobio/config';
import { z } from 'zod';
import type { MessageKey } from '../i18n';
import de from '../i18n/de.json';
import { siteConfig } from './config';
import { requestCms } from './cms-request';
import type { FieldErrors } from './forms';

/*
 * The sharing plugin's newcomer routes (/api/sharing/…), as the site uses them. Like lib/auth.ts,
 * nothing here throws and no CMS text reaches a page: the plugin's messages are catalogue keys
 * already ('error.invitationCode'), and only keys the catalogues know are passed on.
 */

// Downloads (export zip, PDFs) may take a while to start on a full account; the body then streams.
const DOWNLOAD_TIMEOUT_MS = 30_000;

export interface SharingFailure {
  /** The message for the whole form, when no field is named. */
  key: MessageKey;
  /** Messages by form field, from a validation answer. */
  fields: FieldErrors;
  status: 400 | 401 | 404 | 429 | 503 | 507;
}
export type SharingResult<T> = { ok: true; data: T } | { ok: false; failure: SharingFailure };

const KNOWN_KEYS = new Set(Object.keys(de));
const known = (message: unknown): MessageKey | undefined =>
  typeof message === 'string' && KNOWN_KEYS.has(message) ? (message as MessageKey) : undefined;

const errorSchema = z.object({
  error: z
    .object({
      message: z.string().optional(),
      details: z
        .object({ errors: z.array(z.object({ path: z.array(z.union([z.string(), z.number()])).optional(), message: z.string() })).optional() })
        .optional(),
    })
    .optional(),
});

/** Turns a CMS error answer into localized messages: per field when the CMS names one, else for the form. */
export function sharingFailureOf(status: number, body: unknown): SharingFailure {
  if (status === 429) return { key: 'error.tooMany', fields: {}, status: 429 };
  // The district's document store is full (the CMS kept nothing of the upload).
  if (status === 507) return { key: 'error.storageFull', fields: {}, status: 507 };
  if (status >= 500) return { key: 'auth.cmsUnavailable', fields: {}, status: 503 };
  if (status === 401) return { key: 'error.sessionExpired', fields: {}, status: 401 };
  const parsed = errorSchema.safeParse(body);
  const error = parsed.success ? parsed.data.error : undefined;
  const fields: FieldErrors = {};
  let formKey: MessageKey | undefined;
  for (const detail of error?.details?.errors ?? []) {
    const key = known(detail.message) ?? 'error.unexpected';
    const field = detail.path?.[0];
    if (field === undefined || field === '') formKey ??= key;
    else fields[String(field)] ??= key;
  }
  formKey ??= known(error?.message);
  const fallback: MessageKey = status === 404 ? 'error.notFound' : 'error.unexpected';
  return {
    key: formKey ?? (Object.keys(fields).length > 0 ? 'form.errorSummary' : fallback),
    fields,
    status: status === 404 ? 404 : 400,
  };
}

const CMS_DOWN: SharingFailure = { key: 'auth.cmsUnavailable', fields: {}, status: 503 };

/** One call of a newcomer to the CMS, its failure turned into localized messages. */
export async function callCms<T>(
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  path: string,
  jwt: string,
  schema: z.ZodType<T>,
  body?: unknown,
): Promise<SharingResult<T>> {
  return requestCms(method, path, { jwt, schema, body, failureOf: sharingFailureOf, down: CMS_DOWN });
}

const section = z.enum(SECTIONS.codes);
const access = z.enum(ACCESS_LEVELS.codes);
const staffSchema = z.object({ name: z.string(), organisation: z.string().nullable() });

const grantSchema = z.object({
  documentId: z.string(),
  grantee: staffSchema.nullable(),
  // A section this site does not know yet (a newer CMS) is left out rather than breaking the page.
  sections: z.array(z.string()).transform((list) => list.filter((s): s is z.infer<typeof section> => section.safeParse(s).success)),
  access,
  purpose: z.string(),
  createdAt: z.coerce.date(),
  expiresAt: z.coerce.date(),
  revokedAt: z.coerce.date().nullable(),
  active: z.boolean(),
});
export type Grant = z.infer<typeof grantSchema>;

const directoryEntrySchema = z.object({
  documentId: z.string(),
  name: z.string(),
  organisation: z.string().nullable(),
  municipality: z.string().nullable(),
});
export type DirectoryEntry = z.infer<typeof directoryEntrySchema>;

const receiptSchema = z.object({
  receiptId: z.string(),
  issuedAt: z.string(),
  labels: z.record(z.string(), z.string()),
  controller: z.object({
    name: z.string(),
    address: z.string(),
    email: z.string(),
    privacyOfficer: z.object({ name: z.string(), email: z.string() }),
  }),
  dataSubject: z.string(),
  recipient: z.string(),
  purpose: z.string(),
  categories: z.array(z.string()),
  categoriesText: z.string(),
  access: z.string(),
  validFrom: z.string(),
  validUntil: z.string(),
  status: z.string(),
  howToRevoke: z.string(),
  // The sentence around the revocation address, so the page can make the address a link of its own direction.
  howToRevokeParts: z.array(z.string()).length(2).optional(),
  revokeUrl: z.string().optional(),
});
export type Receipt = z.infer<typeof receiptSchema>;

/** The audited actions, in the order the catalogues list them. */
export const LOG_ACTIONS = [
  'read',
  'create',
  'update',
  'delete',
  'download',
  'export',
  'grant.create',
  'grant.update',
  'grant.revoke',
  'grant.expire',
  'retention.notice',
  'plan.accept',
  'account.lock',
  'account.unlock',
] as const;
export type LogAction = (typeof LOG_ACTIONS)[number];

const logEntrySchema = z.object({
  at: z.coerce.date(),
  action: z.string(),
  section: z.string().nullable(),
  actorKind: z.string().nullable(),
  actorName: z.string().nullable(),
  resourceType: z.string().nullable(),
  note: z.string().nullable().optional(),
});
export type LogEntry = z.infer<typeof logEntrySchema>;
/** One staff visit (or one other event) of the log, as the CMS groups them. */
const logVisitSchema = z.object({
  actorKind: z.string().nullable(),
  actorName: z.string().nullable(),
  from: z.coerce.date(),
  to: z.coerce.date(),
  summary: z.array(z.object({ action: z.string(), sections: z.array(z.string()) })),
  events: z.array(logEntrySchema).min(1),
});
export type LogVisit = z.infer<typeof logVisitSchema>;
const paginationSchema = z.object({ page: z.number(), pageSize: z.number(), pageCount: z.number(), total: z.number() });

const data = <T extends z.ZodType>(schema: T) =>
  z.object({ data: schema }).transform((body) => (body as { data: z.output<T> }).data);

const overviewSchema = z.object({
  /** The profile's values, or null before it was saved the first time. */
  profile: z.looseObject({ documentId: z.string() }).nullable(),
  /** How many entries each list has. */
  entries: z.record(z.enum(LIST_SECTIONS), z.number()),
  /** The grants in force, newest first. */
  grants: z.array(grantSchema),
  /** The latest plan that is not the adviser's draft. */
  plan: z.object({ documentId: z.string(), title: z.string().nullable(), planStatus: z.enum(PLAN_STATUSES.codes) }).nullable(),
});
export type Overview = z.infer<typeof overviewSchema>;

/** What the dashboard shows, in one call. */
export const fetchOverview = (jwt: string) => callCms('GET', '/api/sharing/overview', jwt, data(overviewSchema));

/** My grants, newest first. */
export const listGrants = (jwt: string) => callCms('GET', '/api/sharing/grants', jwt, data(z.array(grantSchema)));

/** Ends one grant at once (204). */
export const revokeGrant = (jwt: string, documentId: string) =>
  callCms('POST', `/api/sharing/grants/${encodeURIComponent(documentId)}/revoke`, jwt, z.unknown());

/** Ends every grant still in force; says how many. */
export const revokeAllGrants = (jwt: string) =>
  callCms('POST', '/api/sharing/grants/revoke-all', jwt, data(z.object({ revoked: z.number() })));

/** The consent receipt of one of my grants, its labels in the locale. */
export const fetchReceipt = (jwt: string, documentId: string, locale: Locale) =>
  callCms('GET', `/api/sharing/grants/${encodeURIComponent(documentId)}/receipt?locale=${locale}`, jwt, data(receiptSchema));

/** One page of my access log, newest first, one item per staff visit with its single events inside. */
export const fetchAccessLog = (jwt: string, page: number, pageSize: number) =>
  callCms(
    'GET',
    `/api/sharing/access-log?group=visits&page=${page}&pageSize=${pageSize}`,
    jwt,
    z.object({ data: z.array(logVisitSchema), meta: z.object({ pagination: paginationSchema }) }),
  );

/** Who an invitation code belongs to; does not use the code up. */
export const previewInvitation = (jwt: string, code: string) =>
  callCms('GET', `/api/sharing/invitations/${encodeURIComponent(code)}`, jwt, data(staffSchema));

/** Staff who chose to be listed. */
export const fetchDirectory = (jwt: string) => callCms('GET', '/api/sharing/directory', jwt, data(z.array(directoryEntrySchema)));

/** Gives a grant (the body as grantRequestSchema checked it). */
export const createGrant = (jwt: string, grant: Record<string, unknown>) =>
  callCms('POST', '/api/sharing/grants', jwt, data(grantSchema), { data: grant });

/** Deletes my account and everything in it, after the password is given again (204). */
export const deleteAccount = (jwt: string, password: string) =>
  callCms('POST', '/api/sharing/account/delete', jwt, z.unknown(), { data: { password } });

/**
 * A file from the CMS (export zip, CV or receipt PDF) passed through to the browser as it arrives,
 * never held in memory; `{ failed: status }`, with the reason logged, when the CMS does not deliver
 * one (401: the session was refused).
 */
export async function streamFromCms(path: string, jwt: string): Promise<Response | { failed: number }> {
  const url = new URL(path, siteConfig().cms.internalUrl);
  // The time limit is for the CMS to start answering; a long download must not be cut off.
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new Error('timeout')), DOWNLOAD_TIMEOUT_MS);
  let upstream: Response;
  try {
    upstream = await fetch(url, { signal: controller.signal, headers: { authorization: `Bearer ${jwt}` } });
  } catch (error) {
    console.warn(`[site] GET ${url.pathname} failed: ${error instanceof Error ? error.message : String(error)}`);
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
  headers.set('Content-Disposition', disposition?.startsWith('attachment') ? disposition : 'attachment');
  return new Response(upstream.body, { status: 200, headers });
}
