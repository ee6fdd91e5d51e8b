// @ts-check
import node from '@astrojs/node';
import { DEFAULT_LOCALE, loadSiteConfig } from '@mobio/config';
import { defineConfig } from 'astro/config';

// Read at build time: the public URL and Astro's list of languages end up in the server bundle, so
// changing SITE_PUBLIC_URL or LOCALES needs a rebuild. Port and host are not baked in: the
// standalone server reads PORT/HOST at start.
const siteConfig = loadSiteConfig();
const publicUrl = new URL(siteConfig.site.publicUrl);

export default defineConfig({
  site: publicUrl.origin,
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  i18n: {
    // The languages this installation offers (LOCALES), like the switcher and the middleware.
    locales: [...siteConfig.locales],
    defaultLocale: DEFAULT_LOCALE,
    // "/" is src/pages/index.astro, which leads to the remembered language rather than always German.
    routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
  },
  security: {
    checkOrigin: true,
    // Astro only trusts the Host header for these; otherwise Astro.url says localhost and
    // same-origin form POSTs are refused as cross-site.
    allowedDomains: [
      {
        protocol: publicUrl.protocol.slice(0, -1),
        hostname: publicUrl.hostname,
        ...(publicUrl.port ? { port: publicUrl.port } : {}),
      },
    ],
  },
  build: {
    // Stylesheets as files, never inline <style>, so the CSP can say style-src 'self'.
    inlineStylesheets: 'never',
  },
  vite: {
    build: {
      // Scripts as files too (Astro inlines small ones): the CSP says script-src 'self'.
      assetsInlineLimit: 0,
    },
    ssr: {
      // Loaded from node_modules at run time: it finds the repository (and its .env) from its own path.
      external: ['@mobio/config'],
    },
  },
});
