import type { Core } from '@strapi/strapi';
import { LOCALES, type Config } from '@mobio/config';
import { z } from 'zod';

const count = z.number().int().positive();

/**
 * What the plugin reads of MoBio's configuration (`strapi.config.get('mobio')`, made by
 * cms/config/mobio.ts from the zod-checked environment of @mobio/config). Checked against this
 * schema when the plugin registers, so that a CMS that lacks a part fails to start naming it,
 * instead of failing at the first request that reads it.
 */
export const pluginConfigSchema = z.object({
  locales: z.array(z.enum(LOCALES)).min(1),
  site: z.object({ publicUrl: z.url() }),
  secrets: z.object({
    documentsMasterKey: z.string().min(1),
    documentsPreviousMasterKey: z.string().min(1).optional(),
    clientAddressSecret: z.string().min(16),
  }),
  uploads: z.object({
    maxBytes: count,
    importMaxBytes: count,
    importMaxJsonBytes: count,
    documentsDir: z.string().min(1),
    tempDir: z.string().min(1),
  }),
  municipality: z.object({
    name: z.string().min(1),
    address: z.string().min(1),
    email: z.string().min(1),
    phone: z.string().optional(),
    privacyOfficer: z.object({ name: z.string().min(1), email: z.string().min(1) }),
    brand: z.object({
      color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
      logo: z.string().min(1).optional(),
    }),
  }),
  sharing: z.object({ defaultGrantDays: count, maxGrantDays: count }),
  retention: z.object({ inactiveDays: count, noticeDays: count, schedule: z.string().min(1) }),
  accounts: z.object({ erasureNoticeDays: count, lookupsPerHour: count }),
});

export type PluginConfig = z.infer<typeof pluginConfigSchema>;
// The compiler checks that MoBio's configuration always fits what the plugin reads.
const fits = (config: Config): PluginConfig => config;
void fits;

/** Throws, naming every wrong or missing part, unless the CMS's `mobio` configuration fits the plugin. */
export function checkPluginConfig(strapi: Core.Strapi): void {
  const parsed = pluginConfigSchema.safeParse(strapi.config.get('mobio'));
  if (!parsed.success)
    throw new Error(
      `The sharing plugin's configuration (config 'mobio') is wrong:\n${z.prettifyError(parsed.error)}`,
    );
}

/**
 * The plugin's configuration, checked at registration (above). The live object, not a parsed
 * copy: what the CMS's configuration holds is what the plugin reads.
 */
export function pluginConfig(strapi: Core.Strapi): PluginConfig {
  return strapi.config.get('mobio') as PluginConfig;
}
