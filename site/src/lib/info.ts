import type { Locale } from '@mobio/config';
import { z } from 'zod';
import { CMS_TIMEOUTS_MS, type CmsResult, requestCms } from './cms';

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

/*
 * The public content of the landing page (info pages and events), asked without a session.
 * Strapi answers 400 to any unknown query parameter: only locale, sort, filters, fields and
 * pagination are sent. A failure is its reason, for the landing page's log line.
 */
function getList<T extends z.ZodType>(
  path: string,
  query: URLSearchParams,
  item: T,
): Promise<CmsResult<z.infer<T>[], string>> {
  const pathname = `/api/${path}`;
  return requestCms('GET', `${pathname}?${query}`, {
    schema: listOf(item).transform((body) => body.data as z.infer<T>[]),
    failureOf: (status) => `${pathname} answered ${status}`,
    down: `${pathname} failed`,
    timeoutMs: CMS_TIMEOUTS_MS.info,
  });
}

/** The published info pages in one locale, in their editorial order. */
export function fetchInfoPages(locale: Locale): Promise<CmsResult<InfoPage[], string>> {
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
export function fetchUpcomingEvents(
  locale: Locale,
  now: Date = new Date(),
): Promise<CmsResult<InfoEvent[], string>> {
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
