import type { Core } from '@strapi/strapi';
import { getService } from '../../utils';
import { UID } from '../../uids';

/** A deleted document takes its encrypted file with it. */
export function documentFiles(strapi: Core.Strapi) {
  return async (
    ctx: { uid: string; action: string; params: { documentId?: string } },
    next: () => Promise<unknown>,
  ) => {
    if (ctx.uid !== UID.document || ctx.action !== 'delete') return next();
    const rows = await strapi.db
      .query(UID.document)
      .findMany({ where: { documentId: ctx.params.documentId }, select: ['storageKey'] });
    const result = await next();
    for (const row of rows) await getService(strapi, 'vault').remove(row.storageKey);
    return result;
  };
}
