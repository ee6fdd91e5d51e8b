import type { Core } from '@strapi/strapi';
import {
  ACCOUNT_REASONS,
  ERASURE_NOTICE,
  formatInvitationCode,
  newRecoveryCode,
  recoveryCodeSchema,
  type AccountReason,
  type StaffReason,
} from '@mobio/config';
import type { Actor } from '../access';
import { AUDITED_EVENTS } from './audit';
import { hashCode } from '../code-hash';
import { RECOVERY_HASH } from './recovery';
import { mailDatedNotice } from './retention';
import { getService } from '../utils';
import { linkedTo } from '../linked-to';
import { pluginConfig } from '../config';
import { UID } from '../uids';

const DAY = 86_400_000;
/** How long a deletion code works after the holder had it shown. */
export const DELETION_CODE_DAYS = 7;

type Staff = Extract<Actor, { kind: 'staff' }>;
interface Row {
  id: number;
  codeHash: string | null;
  codeExpiresAt: string | Date | null;
  dueAt: string | Date | null;
  requestedAt: string | Date | null;
  actorId: number | null;
  reason: string | null;
  note: string | null;
}

/** What the holder is shown of an announced erasure: when, and why. */
export interface PendingErasure {
  dueAt: string;
  reason: AccountReason | null;
  note: string | null;
}

/**
 * Erasure of an account on request, where the holder decides: an administrator erases at once only
 * with something only the holder has (the deletion code the holder's account page shows, or the
 * recovery code); without it the erasure is announced — in the holder's access log with the reason,
 * at login and on the dashboard, by e-mail where there is an address — and the retention job
 * erases after ACCOUNT_ERASURE_NOTICE_DAYS unless the holder stopped it. Runs as system code.
 */
const erasureRequest = ({ strapi }: { strapi: Core.Strapi }) => {
  const query = () => strapi.db.query(UID.erasureRequest);
  const rowOf = (ownerId: number): Promise<Row | null> =>
    query().findOne({
      where: { id: { $in: linkedTo(strapi, UID.erasureRequest, 'owner', ownerId) } },
    });
  async function save(ownerId: number, data: Partial<Omit<Row, 'id'>>) {
    const row = await rowOf(ownerId);
    if (row) await query().update({ where: { id: row.id }, data });
    else await query().create({ data: { owner: ownerId, ...data } });
  }
  const pendingOf = (row: Row | null): PendingErasure | null =>
    row?.dueAt
      ? {
          dueAt: new Date(row.dueAt).toISOString(),
          reason: (ACCOUNT_REASONS.codes as readonly string[]).includes(row.reason ?? '')
            ? (row.reason as AccountReason)
            : null,
          note: row.note,
        }
      : null;

  async function mailNotice(user: { id: number; email: string | null }, pending: PendingErasure) {
    if (!user.email) return;
    try {
      await mailDatedNotice(
        strapi,
        { id: user.id, email: user.email },
        ERASURE_NOTICE,
        new Date(pending.dueAt),
        (locale) => ({
          reason: [pending.reason && ACCOUNT_REASONS.label(pending.reason, locale), pending.note]
            .filter(Boolean)
            .join(' — '),
        }),
      );
    } catch (error) {
      // The notice stands without the mail: the holder sees it at login and in the access log.
      strapi.log.warn(`[accounts] erasure notice mail not sent: ${(error as Error).message}`);
    }
  }

  return {
    /** A new deletion code for the holder (shown once, in groups of five); an earlier one stops working. */
    async issueCode(ownerId: number, now = new Date()) {
      const code = newRecoveryCode();
      const expiresAt = new Date(now.getTime() + DELETION_CODE_DAYS * DAY);
      await save(ownerId, { codeHash: hashCode(code), codeExpiresAt: expiresAt });
      return { code: formatInvitationCode(code), expiresAt: expiresAt.toISOString() };
    },

    /**
     * Whether `code` is the holder's deletion code, still valid (then it is used up, once even
     * under concurrent use), or the account's recovery code.
     */
    async confirms(ownerId: number, code: string, now = new Date()): Promise<boolean> {
      const parsed = recoveryCodeSchema.safeParse(code);
      if (!parsed.success) return false;
      const hash = hashCode(parsed.data);
      const row = await rowOf(ownerId);
      if (row?.codeHash === hash && row.codeExpiresAt && new Date(row.codeExpiresAt) > now) {
        const { count } = await query().updateMany({
          where: { id: row.id, codeHash: hash },
          data: { codeHash: null, codeExpiresAt: null },
        });
        return count === 1;
      }
      const user = await strapi.db
        .query(UID.user)
        .findOne({ where: { id: ownerId }, select: [RECOVERY_HASH] });
      return Boolean(user?.[RECOVERY_HASH]) && user[RECOVERY_HASH] === hash;
    },

    /**
     * Announces the erasure of the account: due after the notice period, in the holder's log with
     * the reason, by e-mail where there is an address. An erasure already announced keeps its date.
     */
    async announce(
      staff: Staff,
      user: { id: number; documentId: string; email: string | null },
      why: StaffReason,
      now = new Date(),
    ): Promise<PendingErasure> {
      const running = pendingOf(await rowOf(user.id));
      if (running) return running;
      const dueAt = new Date(now.getTime() + pluginConfig(strapi).accounts.erasureNoticeDays * DAY);
      await strapi.db.transaction(async () => {
        await save(user.id, {
          dueAt,
          requestedAt: now,
          actorId: staff.id,
          reason: why.reason,
          note: why.note ?? null,
        });
        await getService(strapi, 'audit').record([
          {
            actor: staff,
            ownerId: user.id,
            action: AUDITED_EVENTS.ERASURE_ANNOUNCE,
            resource: { type: UID.user, id: user.documentId },
            reason: why.reason,
            note: why.note,
          },
        ]);
      });
      const pending = pendingOf(await rowOf(user.id))!;
      await mailNotice(user, pending);
      return pending;
    },

    /** The announced erasure of the holder's account, or null. */
    async pending(ownerId: number): Promise<PendingErasure | null> {
      return pendingOf(await rowOf(ownerId));
    },

    /** The holder stops the announced erasure; in their log. False when none was running. */
    async stop(ownerId: number): Promise<boolean> {
      const row = await rowOf(ownerId);
      if (!row?.dueAt) return false;
      const { count } = await query().updateMany({
        where: { id: row.id, dueAt: { $notNull: true } },
        data: { dueAt: null, requestedAt: null, actorId: null, reason: null, note: null },
      });
      if (count === 1)
        await getService(strapi, 'audit').record([
          {
            actor: { kind: 'newcomer', id: ownerId },
            ownerId,
            action: AUDITED_EVENTS.ERASURE_STOP,
          },
        ]);
      return count === 1;
    },

    /** Erases every account whose announced erasure is due (the retention job); their ids. */
    async eraseDue(now = new Date()): Promise<number[]> {
      const due: Array<{ owner: { id: number } | null }> = await query().findMany({
        where: { dueAt: { $lte: now } },
        populate: { owner: { select: ['id'] } },
      });
      const erased: number[] = [];
      for (const { owner } of due) {
        if (!owner) continue;
        await strapi.plugin('users-permissions').service('user').remove({ id: owner.id });
        strapi.log.info(`[accounts] account ${owner.id} erased after the announced notice period`);
        erased.push(owner.id);
      }
      return erased;
    },
  };
};

export type ErasureRequestService = ReturnType<typeof erasureRequest>;
export default erasureRequest;
