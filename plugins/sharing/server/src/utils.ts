import type { Core } from '@strapi/strapi';
import type { AccessService } from './services/access';
import type { AuditService } from './services/audit';
import type { CvService } from './services/cv';
import type { ErasureService } from './services/erasure';
import type { ExportService } from './services/export';
import type { GrantService } from './services/grant';
import type { PdfService } from './services/pdf';
import type { PlansService } from './services/plans';
import type { RetentionService } from './services/retention';
import type { StaffService } from './services/staff';
import type { VaultService } from './services/vault';

interface Services {
  access: AccessService;
  audit: AuditService;
  cv: CvService;
  erasure: ErasureService;
  export: ExportService;
  grant: GrantService;
  pdf: PdfService;
  plans: PlansService;
  retention: RetentionService;
  staff: StaffService;
  vault: VaultService;
}

/** Typed access to this plugin's services. */
export function getService<K extends keyof Services>(strapi: Core.Strapi, name: K): Services[K] {
  return strapi.plugin('sharing').service(name) as Services[K];
}
