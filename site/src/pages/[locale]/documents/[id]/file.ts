import type { APIRoute } from 'astro';
import { streamFromCms } from '../../../../lib/cms';

/** One of my documents, decrypted by the CMS and streamed through as an attachment. */
export const GET: APIRoute = async ({ params, locals, redirect, rewrite }) => {
  const { locale } = locals;
  const result = await streamFromCms(
    `/api/sharing/documents/${encodeURIComponent(params.id ?? '')}/file`,
    locals.jwt!,
  );
  if (result instanceof Response) return result;
  if (result.failed === 404) return rewrite('/404');
  return redirect(
    result.failed === 401
      ? `/${locale}/login?next=/${locale}/records/documents`
      : `/${locale}/records/documents?done=downloadFailed`,
    303,
  );
};
