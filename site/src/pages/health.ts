import type { APIRoute } from 'astro';

/** Liveness for the start script and monitoring: the server answers; the CMS is not asked. */
export const GET: APIRoute = () => Response.json({ status: 'ok' });
