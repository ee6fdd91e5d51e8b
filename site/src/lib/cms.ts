import type { Locale } from '@mobio/config';
import { z } from 'zod';
import { siteConfig } from './config';

/** What a CMS call gives back: the data, or why there is none. It never throws. */
export type CmsResult<T> = { ok: true; data: T } | { ok: false; reason: string };

// Strapi adds fields (id, createdAt, …); z.object drops them, so only what the site shows gets through.
const infoPageSchema = z.object({
  documentId: z.string(),
  title: z.string(),
  slug: z.string(),
  summary: z.string().nullish(),
});
const infoEventSchema = z.object({
  documentId: z.string(),
  title: z.string(),
  startsAt: z.coerce.date(),
  endsAt: z.coerce.date().nullish(),
  location: z.string().nullish(),
});
const listOf = <T extends z.ZodType>(item: T) => z.object({ data: z.array(item) });

export type InfoPage = z.infer<typeof infoPageSchema>;
export type InfoEvent = z.infer<typeof infoEventSchema>;

// Strapi answers 400 to any unknown query parameter: only locale, sort, filters, fields and
// pagination are sent. A slow CMS must not hold the landing page: the notice beats a hanging request.
const TIMEOUT_MS = 3000;

async function getList<T extends z.ZodType>(path: string, query: URLSearchParams, item: T): Promise<CmsResult<z.infer<T>[]>> {
  const url = new URL(`/api/${path}?${query}`, siteConfig().cms.internalUrl);
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(TIMEOUT_MS), headers: { accept: 'application/json' } });
    if (!response.ok) return { ok: false, reason: `${url.pathname} answered ${response.status}` };
    const parsed = listOf(item).safeParse(await response.json());
    if (!parsed.success) return { ok: false, reason: `${url.pathname} sent an unexpected shape: ${parsed.error.message}` };
    return { ok: true, data: parsed.data.data };
  } catch (error) {
    // fetch() hides the useful part (ECONNREFUSED, timeout) in error.cause.
    const cause = error instanceof Error && error.cause instanceof Error ? ` (${error.cause.message})` : '';
    return { ok: false, reason: `${url.pathname} failed: ${error instanceof Error ? error.message : String(error)}${cause}` };
  }
}

/** The published info pages in one locale, in their editorial order. */
export function fetchInfoPages(locale: Locale): Promise<CmsResult<InfoPage[]>> {
  const query = new URLSearchParams({
    locale,
    sort: 'order:asc',
    'fields[0]': 'title',
    'fields[1]': 'slug',
    'fields[2]': 'summary',
    'pagination[pageSize]': '50',
  });
  return getList('info-pages', query, infoPageSchema);
}

/** The info events in one locale that have not ended yet (or not started, when they have no end), soonest first. */
export function fetchUpcomingEvents(locale: Locale, now: Date = new Date()): Promise<CmsResult<InfoEvent[]>> {
  const iso = now.toISOString();
  const query = new URLSearchParams({
    locale,
    sort: 'startsAt:asc',
    'filters[$or][0][endsAt][$gte]': iso,
    'filters[$or][1][startsAt][$gte]': iso,
    'fields[0]': 'title',
    'fields[1]': 'startsAt',
    'fields[2]': 'endsAt',
    'fields[3]': 'location',
    'pagination[pageSize]': '20',
  });
  return getList('info-events', query, infoEventSchema);
}
