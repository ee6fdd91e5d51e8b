import type { APIRoute } from 'astro';
import { streamFromCms } from '../../../lib/cms';

/**
 * "Download everything": the CMS's export zip, streamed through to the browser as an attachment.
 * The middleware let only logged-in users through.
 */
export const GET: APIRoute = async ({ locals, redirect }) => {
  const { locale } = locals;
  const result = await streamFromCms('/api/sharing/export', locals.jwt!);
  if (result instanceof Response) return result;
  return redirect(
    result.failed === 401
      ? `/${locale}/login?next=/${locale}/account`
      : `/${locale}/account?download=failed`,
    303,
  );
};
