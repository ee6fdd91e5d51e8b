import type { Core } from '@strapi/strapi';
import type { AccessService } from './services/access';
import type { AccountsService } from './services/accounts';
import type { AuditService } from './services/audit';
import type { CatalogueService } from './services/catalogue';
import type { CvService } from './services/cv';
import type { ErasureService } from './services/erasure';
import type { ErasureRequestService } from './services/erasure-request';
import type { ExportService } from './services/export';
import type { GrantService } from './services/grant';
import type { ImportService } from './services/import';
import type { LimitsService } from './services/limits';
import type { OverviewService } from './services/overview';
import type { PdfService } from './services/pdf';
import type { PlansService } from './services/plans';
import type { RecoveryService } from './services/recovery';
import type { RetentionService } from './services/retention';
import type { SessionsService } from './services/sessions';
import type { StaffService } from './services/staff';
import type { StaffRolesService } from './services/staff-roles';
import type { VaultService } from './services/vault';
import type { WorkListService } from './services/work-list';

interface Services {
  access: AccessService;
  accounts: AccountsService;
  audit: AuditService;
  catalogue: CatalogueService;
  cv: CvService;
  erasure: ErasureService;
  'erasure-request': ErasureRequestService;
  export: ExportService;
  grant: GrantService;
  import: ImportService;
  limits: LimitsService;
  overview: OverviewService;
  pdf: PdfService;
  plans: PlansService;
  recovery: RecoveryService;
  retention: RetentionService;
  sessions: SessionsService;
  staff: StaffService;
  'staff-roles': StaffRolesService;
  vault: VaultService;
  'work-list': WorkListService;
}

/** Typed access to this plugin's services. */
export function getService<K extends keyof Services>(strapi: Core.Strapi, name: K): Services[K] {
  return strapi.plugin('sharing').service(name) as Services[K];
}

/**
 * `{ id: { $in: linkedTo(strapi, uid, relation, userId) } }`: the records of `uid` whose relation
 * points at that user (or one of those users), as a subquery on Strapi's link table. The plain filter
 * `{ [relation]: { id: userId } }` makes Strapi LEFT JOIN the link and user tables and compare the
 * user's id; SQLite then reads the whole record table (a LEFT JOIN fixes the join order), which
 * is a full scan of a million audit events for one newcomer's log. The subquery starts from the
 * link table's (user, record) index (cms/database/migrations) on SQLite and PostgreSQL alike.
 */
export function linkedTo(
  strapi: Core.Strapi,
  uid: string,
  relation: string,
  userIds: number | number[],
) {
  const { joinTable } = strapi.db.metadata.get(uid as never).attributes[relation] as {
    joinTable?: { name: string; joinColumn: { name: string }; inverseJoinColumn: { name: string } };
  };
  if (!joinTable) throw new Error(`${uid}.${relation} has no link table`);
  return strapi.db
    .getConnection(joinTable.name)
    .select(joinTable.joinColumn.name)
    .whereIn(joinTable.inverseJoinColumn.name, Array.isArray(userIds) ? userIds : [userIds]);
}

type Ctx = Parameters<Core.MiddlewareHandler>[0];

/**
 * Hands a stream to Koa as the response body, with an error path. Koa leaves a response open when
 * its body stream fails after the headers went out: the client waits for bytes that never come,
 * and so does the next request on that keep-alive connection. Here a failure destroys the
 * connection, so the client sees a cut transfer, never a complete answer with damaged content.
 */
export function sendStream(
  strapi: Core.Strapi,
  ctx: Ctx,
  stream: NodeJS.ReadableStream & { once: NodeJS.EventEmitter['once'] },
  what: string,
) {
  stream.once('error', (error: Error) => {
    strapi.log.warn(
      `[sharing] ${what} cut off after ${ctx.res.headersSent ? 'the headers' : 'no byte'}: ${error.message}`,
    );
    // Destroyed without an error: an 'error' on the response itself would have no listener.
    ctx.res.destroy();
  });
  ctx.body = stream;
}

/** The route handler of the current request as a permission-like id (`plugin::users-permissions.auth.register`). */
export function currentHandler(strapi: Core.Strapi): string | undefined {
  const route = (
    strapi.requestContext.get()?.state as
      | { route?: { handler?: unknown; info?: { pluginName?: string; apiName?: string } } }
      | undefined
  )?.route;
  if (typeof route?.handler !== 'string') return undefined;
  if (route.handler.includes('::')) return route.handler;
  const { pluginName, apiName } = route.info ?? {};
  if (pluginName === 'admin') return `admin::${route.handler}`;
  if (pluginName) return `plugin::${pluginName}.${route.handler}`;
  return apiName ? `api::${apiName}.${route.handler}` : undefined;
}
