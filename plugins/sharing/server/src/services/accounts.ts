import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import type { StaffReason } from '@mobio/config';
import type { Actor } from '../access';
import type { PendingErasure } from './erasure-request';
import { AUDITED_EVENTS } from './audit';
import { getService } from '../utils';
import { pluginConfig } from '../config';
import { UID } from '../uids';

const HOUR = 3_600_000;

type Staff = Extract<Actor, { kind: 'staff' }>;

/** What an administrator learns of an account found on request: which one it is and whether it is locked. */
export interface AccountSummary {
  accountNumber: string;
  createdAt: string;
  locked: boolean;
}

/** The account number a newcomer reads out is the account's documentId, shown in groups of four. */
export const normalizeAccountNumber = (value: string) => value.toLowerCase().replace(/[\s-]/g, '');

const wrongCode = () =>
  new errors.ValidationError('error.deletionCode', {
    errors: [{ path: ['code'], message: 'error.deletionCode' }],
  });

const notFound = () =>
  new errors.NotFoundError('error.accountNotFound', {
    errors: [{ path: [], message: 'error.accountNotFound' }],
  });

/**
 * Account administration on a newcomer's request: a District administrator (or super admin, held
 * to the same rules) finds one account by its exact e-mail address or account number — never a
 * list, never a partial match, at most ACCOUNT_LOOKUPS_PER_HOUR times an hour — and locks,
 * unlocks or deletes it, always giving a reason (StaffReason). Nothing here sets a password or an
 * e-mail address. A lookup that finds the account, a lock, an unlock and an announced erasure are
 * events in the newcomer's access log; an erasure happens at once only with the holder's code
 * (erasure-request service), and then goes to the operator log with the log it takes along. The
 * queries run as system code: the account rule refuses staff, and the route's permission is what
 * lets this one feature through.
 */
const accounts = ({ strapi }: { strapi: Core.Strapi }) => {
  const access = () => getService(strapi, 'access');
  const byNumber = (accountNumber: string) =>
    access().asSystem(() =>
      strapi.db.query(UID.user).findOne({
        where: { documentId: normalizeAccountNumber(accountNumber) },
        select: ['id', 'documentId', 'email', 'createdAt', 'blocked'],
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

  /**
   * Counts one lookup of the staff account, refusing it (429) past the hourly limit. Counted in the
   * database, so that a restart or another CMS process does not start afresh: the lookup is
   * written first and then the account's lookups up to it are counted, so that two at once can
   * never both be the last one allowed.
   */
  async function countLookup(staff: Staff, now = new Date()): Promise<void> {
    const lookups = strapi.db.query(UID.staffLookup);
    const since = new Date(now.getTime() - HOUR);
    await lookups.deleteMany({ where: { actorId: staff.id, at: { $lt: since } } });
    const mine = await lookups.create({ data: { actorId: staff.id, at: now } });
    const counted = await lookups.count({
      where: { actorId: staff.id, at: { $gte: since }, id: { $lte: mine.id } },
    });
    if (counted > pluginConfig(strapi).accounts.lookupsPerHour) {
      await lookups.delete({ where: { id: mine.id } });
      strapi.log.warn(`[accounts] staff account ${staff.id} refused: too many lookups this hour`);
      throw new errors.RateLimitError('error.tooMany');
    }
  }

  async function setLocked(
    staff: Staff,
    accountNumber: string,
    why: StaffReason,
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
          reason: why.reason,
          note: why.note,
        },
      ]);
    });
    strapi.log.info(
      `[accounts] account ${user.documentId} ${locked ? 'locked' : 'unlocked'} by staff account ${staff.id}`,
    );
    return summary({ ...user, blocked: locked });
  }

  return {
    /** The one account with exactly this e-mail address or account number, or a 404; in its holder's log. */
    async find(
      staff: Staff,
      query: { email?: string; accountNumber?: string },
      why: StaffReason,
    ): Promise<AccountSummary> {
      await countLookup(staff);
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
      await getService(strapi, 'audit').record([
        {
          actor: staff,
          ownerId: user.id,
          action: AUDITED_EVENTS.ACCOUNT_LOOKUP,
          resource: { type: UID.user, id: user.documentId },
          reason: why.reason,
          note: why.note,
        },
      ]);
      return summary(user);
    },

    lock: (staff: Staff, accountNumber: string, why: StaffReason) =>
      setLocked(staff, accountNumber, why, true),
    unlock: (staff: Staff, accountNumber: string, why: StaffReason) =>
      setLocked(staff, accountNumber, why, false),

    /**
     * Deletes the account with everything in it when `code` is the holder's deletion or recovery
     * code (a wrong code: 400, nothing happens); without a code, announces the erasure instead.
     */
    async remove(
      staff: Staff,
      accountNumber: string,
      why: StaffReason,
      code?: string,
    ): Promise<{ erased: true } | { erased: false; pending: PendingErasure }> {
      const user = await byNumber(accountNumber);
      if (!user) throw notFound();
      const requests = getService(strapi, 'erasure-request');
      if (code === undefined) {
        const pending = await access().asSystem(() => requests.announce(staff, user, why));
        strapi.log.info(
          `[accounts] erasure of account ${user.documentId} announced for ${pending.dueAt} by staff account ${staff.id}`,
        );
        return { erased: false, pending };
      }
      if (!(await access().asSystem(() => requests.confirms(user.id, code)))) {
        strapi.log.warn(
          `[accounts] staff account ${staff.id} gave a wrong code to delete account ${user.documentId}`,
        );
        throw wrongCode();
      }
      await access().asSystem(() =>
        strapi.plugin('users-permissions').service('user').remove({ id: user.id }),
      );
      strapi.log.info(
        `[accounts] account ${user.documentId} deleted with everything in it by staff account ${staff.id}, confirmed with the holder's code; reason: ${why.reason}${why.note ? ` (${why.note})` : ''}`,
      );
      return { erased: true };
    },
  };
};

export type AccountsService = ReturnType<typeof accounts>;
export default accounts;
