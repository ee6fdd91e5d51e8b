import { loadSiteConfig, type SiteConfig } from '@mobio/config';

let cached: SiteConfig | undefined;

/**
 * The site's configuration, read once per process from the environment and the repository's .env.
 * Throws a ConfigError naming every wrong variable.
 */
export function siteConfig(): SiteConfig {
  cached ??= loadSiteConfig();
  return cached;
}
