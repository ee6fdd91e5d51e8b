import type { APIRoute } from 'astro';
import { streamFromCms } from '../../../../../lib/cms';

/** The consent receipt as a PDF in the page's language, streamed from the CMS. */
export const GET: APIRoute = async ({ params, locals, redirect }) => {
  const { locale } = locals;
  const id = encodeURIComponent(params.id ?? '');
  const result = await streamFromCms(
    `/api/sharing/grants/${id}/receipt?locale=${locale}&format=pdf`,
    locals.jwt!,
  );
  if (result instanceof Response) return result;
  return redirect(
    result.failed === 401
      ? `/${locale}/login?next=/${locale}/sharing`
      : `/${locale}/sharing/receipt/${id}`,
    303,
  );
};
