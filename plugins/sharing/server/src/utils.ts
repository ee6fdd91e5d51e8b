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
import type { InvitationService } from './services/invitation';
import type { LimitsService } from './services/limits';
import type { OverviewService } from './services/overview';
import type { PdfService } from './services/pdf';
import type { PlanPdfService } from './services/plan-pdf';
import type { PlansService } from './services/plans';
import type { ReceiptService } from './services/receipt';
import type { RecoveryService } from './services/recovery';
import type { RetentionService } from './services/retention';
import type { SessionsService } from './services/sessions';
import type { StaffService } from './services/staff';
import type { StaffRolesService } from './services/staff-roles';
import type { StatisticsService } from './services/statistics';
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
  invitation: InvitationService;
  limits: LimitsService;
  overview: OverviewService;
  pdf: PdfService;
  'plan-pdf': PlanPdfService;
  plans: PlansService;
  receipt: ReceiptService;
  recovery: RecoveryService;
  retention: RetentionService;
  sessions: SessionsService;
  staff: StaffService;
  'staff-roles': StaffRolesService;
  statistics: StatisticsService;
  vault: VaultService;
  'work-list': WorkListService;
}

/** Typed access to this plugin's services. */
export function getService<K extends keyof Services>(strapi: Core.Strapi, name: K): Services[K] {
  return strapi.plugin('sharing').service(name) as Services[K];
}
