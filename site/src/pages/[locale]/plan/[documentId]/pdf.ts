import type { APIRoute } from 'astro';
import { clearSession } from '../../../../lib/session';
import { streamFromCms } from '../../../../lib/cms';

/**
 * The integration plan as a PDF, German beside the UI language: the CMS's file passed through as
 * it arrives (its Content-Disposition kept). The CMS decides whether the plan is the caller's; a
 * plan of someone else is a 404 there, and here the same "could not be created" as any failure.
 */
export const GET: APIRoute = async ({ params, locals, cookies, redirect }) => {
  const { locale } = locals;
  const back = `/${locale}/login?next=${encodeURIComponent(`/${locale}/plan`)}`;
  // The middleware does not guard /plan: without a session there is nothing to ask the CMS.
  if (!locals.jwt) return redirect(back, 303);
  const documentId = params.documentId ?? '';
  if (!/^[A-Za-z0-9]{1,64}$/.test(documentId))
    return redirect(`/${locale}/plan?download=failed`, 303);
  const result = await streamFromCms(
    `/api/sharing/plans/${documentId}/pdf?locale=${locale}`,
    locals.jwt,
  );
  if (result instanceof Response) return result;
  if (result.failed === 401) {
    clearSession(cookies);
    return redirect(back, 303);
  }
  return redirect(`/${locale}/plan?download=failed`, 303);
};
