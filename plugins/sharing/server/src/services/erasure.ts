import type { Core } from '@strapi/strapi';
import { getService } from '../utils';
import { linkedTo } from '../linked-to';
import { UID } from '../uids';

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
        const rows = await strapi.db
          .query(uid)
          .findMany({ where: { owner: { id: userId } }, select: ['documentId'] });
        for (const row of rows)
          await strapi.documents(uid as never).delete({ documentId: row.documentId });
      }
    });
    for (const uid of [UID.grant, UID.auditEvent, UID.accountActivity, UID.erasureRequest]) {
      await strapi.db
        .query(uid)
        .deleteMany({ where: { id: { $in: linkedTo(strapi, uid, 'owner', userId) } } });
    }
  },
});

export type ErasureService = ReturnType<typeof erasure>;
export default erasure;
