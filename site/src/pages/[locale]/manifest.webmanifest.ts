import { dirOf } from '@mobio/config';
import type { APIRoute } from 'astro';
import { t } from '../../i18n';
import { siteConfig } from '../../lib/config';

/** The web app manifest in the page's language: installed, MoBio opens on "My data". */
export const GET: APIRoute = ({ locals }) => {
  const { locale } = locals;
  const { municipality } = siteConfig();
  const manifest = {
    name: `MoBio – ${municipality.name}`,
    short_name: 'MoBio',
    description: t(locale)('meta.description'),
    lang: locale,
    dir: dirOf(locale),
    start_url: `/${locale}/dashboard`,
    scope: '/',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: municipality.brand.color,
    icons: [
      { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
      {
        src: '/icons/icon-maskable-512.png',
        sizes: '512x512',
        type: 'image/png',
        purpose: 'maskable',
      },
    ],
  };
  return new Response(JSON.stringify(manifest), {
    headers: {
      'Content-Type': 'application/manifest+json; charset=utf-8',
      'Cache-Control': 'public, max-age=3600',
    },
  });
};
