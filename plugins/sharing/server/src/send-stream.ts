import type { Core } from '@strapi/strapi';

type Ctx = Parameters<Core.MiddlewareHandler>[0];

/**
 * Hands a stream to Koa as the response body, with an error path. Koa leaves a response open when
 * its body stream fails after the headers went out: the client waits for bytes that never come,
 * and so does the next request on that keep-alive connection. Here a failure destroys the
 * connection, so the client sees a cut transfer, never a complete answer with damaged content.
 */
export function sendStream(
  strapi: Core.Strapi,
  ctx: Ctx,
  stream: NodeJS.ReadableStream & { once: NodeJS.EventEmitter['once'] },
  what: string,
) {
  stream.once('error', (error: Error) => {
    strapi.log.warn(
      `[sharing] ${what} cut off after ${ctx.res.headersSent ? 'the headers' : 'no byte'}: ${error.message}`,
    );
    // Destroyed without an error: an 'error' on the response itself would have no listener.
    ctx.res.destroy();
  });
  ctx.body = stream;
}
