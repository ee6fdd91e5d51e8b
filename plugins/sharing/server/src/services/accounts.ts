import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { Actor } from '../access';
import { AUDITED_EVENTS } from './audit';
import { getService } from '../utils';
import { UID } from '../uids';

type Staff = Extract<Actor, { kind: 'staff' }>;

/** What an administrator learns of an account found on request: which one it is and whether it is locked. */
export interface AccountSummary {
  accountNumber: string;
  createdAt: string;
  locked: boolean;
}

/** The account number a newcomer reads out is the account's documentId, shown in groups of four. */
export const normalizeAccountNumber = (value: string) => value.toLowerCase().replace(/[\s-]/g, '');

const notFound = () =>
  new errors.NotFoundError('error.accountNotFound', {
    errors: [{ path: [], message: 'error.accountNotFound' }],
  });

/**
 * Account administration on a newcomer's request: a District administrator (or super admin) finds
 * one account by its exact e-mail address or account number — never a list, never a partial
 * match — and locks, unlocks or deletes it, giving a reason. Nothing here sets a password or an
 * e-mail address. Lock and unlock are events in the newcomer's access log; a deletion, which takes
 * the log with it, goes to the operator log. The queries run as system code: the account rule
 * refuses staff, and the route's permission is what lets this one feature through.
 */
const accounts = ({ strapi }: { strapi: Core.Strapi }) => {
  const access = () => getService(strapi, 'access');
  const byNumber = (accountNumber: string) =>
    access().asSystem(() =>
      strapi.db.query(UID.user).findOne({
        where: { documentId: normalizeAccountNumber(accountNumber) },
        select: ['id', 'documentId', 'createdAt', 'blocked'],
      }),
    );

  const summary = (user: {
    documentId: string;
    createdAt: string | Date;
    blocked: boolean | null;
  }): AccountSummary => ({
    accountNumber: user.documentId,
    createdAt: new Date(user.createdAt).toISOString(),
    locked: user.blocked === true,
  });

  async function setLocked(
    staff: Staff,
    accountNumber: string,
    reason: string,
    locked: boolean,
  ): Promise<AccountSummary> {
    const user = await byNumber(accountNumber);
    if (!user) throw notFound();
    // Together or not at all: a lock the newcomer cannot read about in the access log is not made.
    await strapi.db.transaction(async () => {
      await access().asSystem(() =>
        strapi.db.query(UID.user).update({ where: { id: user.id }, data: { blocked: locked } }),
      );
      await getService(strapi, 'audit').record([
        {
          actor: staff,
          ownerId: user.id,
          action: locked ? AUDITED_EVENTS.ACCOUNT_LOCK : AUDITED_EVENTS.ACCOUNT_UNLOCK,
          resource: { type: UID.user, id: user.documentId },
          note: reason,
        },
      ]);
    });
    strapi.log.info(
      `[accounts] account ${user.documentId} ${locked ? 'locked' : 'unlocked'} by staff account ${staff.id}`,
    );
    return summary({ ...user, blocked: locked });
  }

  return {
    /** The one account with exactly this e-mail address or account number, or a 404. */
    async find(
      staff: Staff,
      query: { email?: string; accountNumber?: string },
    ): Promise<AccountSummary> {
      const user = query.accountNumber
        ? await byNumber(query.accountNumber)
        : await access().asSystem(() =>
            strapi.db.query(UID.user).findOne({
              where: { email: query.email!.trim().toLowerCase() },
              select: ['id', 'documentId', 'createdAt', 'blocked'],
            }),
          );
      strapi.log.info(
        `[accounts] staff account ${staff.id} looked up an account by ${query.accountNumber ? 'account number' : 'e-mail'}: ${user ? 'found' : 'none'}`,
      );
      if (!user) throw notFound();
      return summary(user);
    },

    lock: (staff: Staff, accountNumber: string, reason: string) =>
      setLocked(staff, accountNumber, reason, true),
    unlock: (staff: Staff, accountNumber: string, reason: string) =>
      setLocked(staff, accountNumber, reason, false),

    /** Deletes the account and everything that was the person's (the account's lifecycle erases it). */
    async remove(staff: Staff, accountNumber: string, reason: string): Promise<void> {
      const user = await byNumber(accountNumber);
      if (!user) throw notFound();
      await access().asSystem(() =>
        strapi.plugin('users-permissions').service('user').remove({ id: user.id }),
      );
      strapi.log.info(
        `[accounts] account ${user.documentId} deleted with everything in it by staff account ${staff.id}; reason: ${reason}`,
      );
    },
  };
};

export type AccountsService = ReturnType<typeof accounts>;
export default accounts;
