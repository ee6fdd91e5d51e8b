/**
 * App-level middleware, placed before `strapi::body` in cms/config/middlewares.ts. The document
 * upload and the import take the file as the raw request body. A multipart or form body sent there is refused
 * before the body parser runs: the parser would write the plaintext to a temporary file first.
 */
const UPLOAD_PATHS = new Set(['/api/sharing/documents', '/api/sharing/import']);
const PARSED = /^(multipart\/|application\/x-www-form-urlencoded|application\/json|text\/)/i;

const rawUpload =
  () =>
  async (
    ctx: {
      method: string;
      path: string;
      get(name: string): string;
      set(name: string, value: string): void;
      status: number;
      body: unknown;
    },
    next: () => Promise<void>,
  ) => {
    if (
      ctx.method === 'POST' &&
      UPLOAD_PATHS.has(ctx.path) &&
      PARSED.test(ctx.get('content-type'))
    ) {
      // The body stays unread: close the connection so the client does not send its next request after it.
      ctx.set('Connection', 'close');
      ctx.status = 415;
      ctx.body = {
        data: null,
        error: {
          status: 415,
          name: 'UnsupportedMediaTypeError',
          message: 'error.uploadRaw',
          details: { errors: [{ path: ['file'], message: 'error.uploadRaw' }] },
        },
      };
      return;
    }
    await next();
  };

export default rawUpload;
