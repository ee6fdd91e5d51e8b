import type { APIRoute } from 'astro';
import { brandStylesheet } from '../lib/brand';

/** The district's colours as CSS custom properties (see lib/brand.ts). */
export const GET: APIRoute = () =>
  new Response(brandStylesheet(), {
    headers: { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=3600' },
  });
