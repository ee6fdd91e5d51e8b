import { CV_PERSONAL_FIELDS } from '@mobio/config';
import type { APIRoute } from 'astro';
import { siteConfig } from '../../../lib/config';
import { streamFromCms } from '../../../lib/cms';

/**
 * "My CV" as a PDF: the form on the account page (a GET) names the CV's language and the personal
 * fields to include; anything else in the query is dropped, so only known values reach the CMS.
 */
export const GET: APIRoute = async ({ locals, url, redirect }) => {
  const { locale } = locals;
  const asked = url.searchParams.get('language');
  const language = siteConfig().locales.find((l) => l === asked) ?? locale;
  const chosen = url.searchParams.getAll('include');
  const include = CV_PERSONAL_FIELDS.filter((field) => chosen.includes(field));
  const query = new URLSearchParams({
    locale: language,
    include: include.join(','),
    format: 'pdf',
  });
  const result = await streamFromCms(`/api/sharing/cv?${query}`, locals.jwt!);
  if (result instanceof Response) return result;
  return redirect(
    result.failed === 401
      ? `/${locale}/login?next=/${locale}/account`
      : `/${locale}/account?download=failed`,
    303,
  );
};
