import {
  ACCESS_LEVELS,
  ACCOUNT_REASONS,
  LIST_SECTIONS,
  PLAN_STATUSES,
  SECTIONS,
  type Locale,
} from '@mobio/config';
import { z } from 'zod';
import { callCms } from './cms';

/*
 * The sharing plugin's newcomer routes (/api/sharing/…), as the site uses them, through the one
 * CMS client (lib/cms.ts): nothing here throws and no CMS text reaches a page.
 */

const section = z.enum(SECTIONS.codes);
const access = z.enum(ACCESS_LEVELS.codes);
const staffSchema = z.object({ name: z.string(), organisation: z.string().nullable() });

const grantSchema = z.object({
  documentId: z.string(),
  grantee: staffSchema.nullable(),
  // A section this site does not know yet (a newer CMS) is left out rather than breaking the page.
  sections: z
    .array(z.string())
    .transform((list) =>
      list.filter((s): s is z.infer<typeof section> => section.safeParse(s).success),
    ),
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
  'import',
  'grant.create',
  'grant.update',
  'grant.revoke',
  'grant.expire',
  'retention.notice',
  'plan.accept',
  'account.lock',
  'account.unlock',
  'account.lookup',
  'account.erasure.announce',
  'account.erasure.stop',
] as const;
export type LogAction = (typeof LOG_ACTIONS)[number];

const logEntrySchema = z.object({
  at: z.coerce.date(),
  action: z.string(),
  section: z.string().nullable(),
  actorKind: z.string().nullable(),
  actorName: z.string().nullable(),
  resourceType: z.string().nullable(),
  // A reason this site does not know (a newer CMS) is left out; the administrator's words stay.
  reason: z
    .string()
    .nullish()
    .transform((code) => ACCOUNT_REASONS.codes.find((known) => known === code) ?? null),
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
const paginationSchema = z.object({
  page: z.number(),
  pageSize: z.number(),
  pageCount: z.number(),
  total: z.number(),
});

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
  plan: z
    .object({
      documentId: z.string(),
      title: z.string().nullable(),
      planStatus: z.enum(PLAN_STATUSES.codes),
    })
    .nullable(),
  /** An erasure the district office announced, which the newcomer can stop. */
  erasure: z
    .object({
      dueAt: z.coerce.date(),
      reason: z
        .string()
        .nullable()
        .transform((code) => ACCOUNT_REASONS.codes.find((known) => known === code) ?? null),
      note: z.string().nullable(),
    })
    .nullable()
    .default(null),
});
export type Overview = z.infer<typeof overviewSchema>;

/** What the dashboard shows, in one call. */
export const fetchOverview = (jwt: string) =>
  callCms('GET', '/api/sharing/overview', jwt, data(overviewSchema));

/** My grants, newest first. */
export const listGrants = (jwt: string) =>
  callCms('GET', '/api/sharing/grants', jwt, data(z.array(grantSchema)));

/** Ends one grant at once (204). */
export const revokeGrant = (jwt: string, documentId: string) =>
  callCms('POST', `/api/sharing/grants/${encodeURIComponent(documentId)}/revoke`, jwt, z.unknown());

/** Ends every grant still in force; says how many. */
export const revokeAllGrants = (jwt: string) =>
  callCms('POST', '/api/sharing/grants/revoke-all', jwt, data(z.object({ revoked: z.number() })));

/** The consent receipt of one of my grants, its labels in the locale. */
export const fetchReceipt = (jwt: string, documentId: string, locale: Locale) =>
  callCms(
    'GET',
    `/api/sharing/grants/${encodeURIComponent(documentId)}/receipt?locale=${locale}`,
    jwt,
    data(receiptSchema),
  );

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
export const fetchDirectory = (jwt: string) =>
  callCms('GET', '/api/sharing/directory', jwt, data(z.array(directoryEntrySchema)));

/** Gives a grant (the body as grantRequestSchema checked it). */
export const createGrant = (jwt: string, grant: Record<string, unknown>) =>
  callCms('POST', '/api/sharing/grants', jwt, data(grantSchema), { data: grant });

/** Deletes my account and everything in it, after the password is given again (204). */
export const deleteAccount = (jwt: string, password: string) =>
  callCms('POST', '/api/sharing/account/delete', jwt, z.unknown(), { data: { password } });

/** Stops the erasure the district office announced (204). */
export const stopErasure = (jwt: string) =>
  callCms('POST', '/api/sharing/account/erasure/stop', jwt, z.unknown());

/** A new deletion code for the district office, shown once; an earlier one stops working. */
export const requestDeletionCode = (jwt: string) =>
  callCms(
    'POST',
    '/api/sharing/account/deletion-code',
    jwt,
    data(z.object({ code: z.string(), expiresAt: z.coerce.date() })),
  );

/** Why an administrator acted, in the newcomer's language: the reason from the list and their own words. */
export const reasonText = (
  event: { reason?: (typeof ACCOUNT_REASONS.codes)[number] | null; note?: string | null },
  locale: Locale,
) =>
  [event.reason ? ACCOUNT_REASONS.label(event.reason, locale) : undefined, event.note]
    .filter(Boolean)
    .join(' — ');
