import type { Core } from '@strapi/strapi';
import type { AccessService } from './services/access';
import type { AuditService } from './services/audit';
import type { GrantService } from './services/grant';

interface Services {
  access: AccessService;
  audit: AuditService;
  grant: GrantService;
}

/** Typed access to this plugin's services. */
export function getService<K extends keyof Services>(strapi: Core.Strapi, name: K): Services[K] {
  return strapi.plugin('sharing').service(name) as Services[K];
}
