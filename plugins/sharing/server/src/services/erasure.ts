import type { Core } from '@strapi/strapi';
import { getService, linkedTo } from '../utils';

const DOCUMENT = 'api::document.document';

/**
 * Everything that belongs to a newcomer goes with their account: every personal record (the
 * documents' files with them), grants and audit events. Runs as system code; callers decide who
 * may ask for it (the account's owner, or an administrator deleting the account on request).
 */
const erasure = ({ strapi }: { strapi: Core.Strapi }) => ({
  async eraseOwner(userId: number): Promise<void> {
    const access = getService(strapi, 'access');
    await access.asSystem(async () => {
      for (const uid of access.personalTypes().keys()) {
        const rows = await strapi.db.query(uid).findMany({ where: { owner: { id: userId } }, select: ['documentId'] });
        for (const row of rows) await strapi.documents(uid as never).delete({ documentId: row.documentId });
      }
    });
    for (const uid of ['plugin::sharing.grant', 'plugin::sharing.audit-event', 'plugin::sharing.account-activity']) {
      await strapi.db.query(uid).deleteMany({ where: { id: { $in: linkedTo(strapi, uid, 'owner', userId) } } });
    }
  },

  /** Document-service middleware: a deleted document takes its encrypted file with it. */
  documentFiles() {
    return async (ctx: { uid: string; action: string; params: { documentId?: string } }, next: () => Promise<unknown>) => {
      if (ctx.uid !== DOCUMENT || ctx.action !== 'delete') return next();
      const rows = await strapi.db.query(DOCUMENT).findMany({ where: { documentId: ctx.params.documentId }, select: ['storageKey'] });
      const result = await next();
      for (const row of rows) await getService(strapi, 'vault').remove(row.storageKey);
      return result;
    };
  },
});

export type ErasureService = ReturnType<typeof erasure>;
export default erasure;
