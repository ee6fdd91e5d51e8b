import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { envFilePath, envSchema, loadSiteConfig, type SiteConfig } from '@mobio/config';

let cached: SiteConfig | undefined;

/**
 * The site's configuration, read once per process from the environment and the repository's .env.
 * Throws a ConfigError naming every wrong variable.
 */
export function siteConfig(): SiteConfig {
  cached ??= loadSiteConfig();
  return cached;
}

/** How long accounts are kept, as the privacy notice states it (the CMS's retention job uses the same variables). */
export interface RetentionDays {
  inactiveDays: number;
  noticeDays: number;
}

let retention: RetentionDays | undefined;

// loadSiteConfig does not carry the retention variables (the site does not enforce them, it only
// tells people about them): the same schema reads them from the same sources, environment over .env.
const retentionSchema = envSchema.pick({
  RETENTION_INACTIVE_DAYS: true,
  RETENTION_NOTICE_DAYS: true,
});

/** RETENTION_INACTIVE_DAYS and RETENTION_NOTICE_DAYS, read once per process. Throws when one is wrong. */
export function retentionDays(): RetentionDays {
  if (!retention) {
    const file = envFilePath();
    const fromFile = existsSync(file)
      ? (parseEnv(readFileSync(file, 'utf8')) as Record<string, string>)
      : {};
    const pick = (name: string) => process.env[name] || fromFile[name] || undefined;
    const parsed = retentionSchema.parse({
      RETENTION_INACTIVE_DAYS: pick('RETENTION_INACTIVE_DAYS'),
      RETENTION_NOTICE_DAYS: pick('RETENTION_NOTICE_DAYS'),
    });
    retention = {
      inactiveDays: parsed.RETENTION_INACTIVE_DAYS,
      noticeDays: parsed.RETENTION_NOTICE_DAYS,
    };
  }
  return retention;
}
