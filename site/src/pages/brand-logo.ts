import type { APIRoute } from 'astro';
import { brandLogo } from '../lib/brand';

/** The district's logo (BRAND_LOGO); 404 when none is configured. */
export const GET: APIRoute = async () => {
  const logo = await brandLogo();
  if (!logo) return new Response(null, { status: 404 });
  return new Response(new Uint8Array(logo.body), {
    headers: {
      'Content-Type': logo.type,
      'Cache-Control': 'public, max-age=3600',
      // An SVG opened on its own must not run anything.
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
    },
  });
};
