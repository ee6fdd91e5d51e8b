import { randomInt } from 'node:crypto';
import QRCode from 'qrcode';
import type { Core } from '@strapi/strapi';
import { INVITATION_ALPHABET, INVITATION_LENGTH, formatInvitationCode } from '@mobio/config';
import { hashCode } from '../code-hash';
import { pluginConfig } from '../config';
import { UID } from '../uids';
import { notFound, staffSummary } from './grant';

const DAY = 24 * 60 * 60 * 1000;
const INVITATION_DAYS = 14;

/**
 * One-time invitation codes: a staff member makes one and hands it to a newcomer, who gives a
 * grant with it. Codes are stored by hash; the code itself is seen once, by the one who made it.
 */
const invitation = ({ strapi }: { strapi: Core.Strapi }) => {
  /** The open (unused, unexpired) invitation of a code, with its staff member. */
  const findOpen = (code: string) =>
    strapi.db.query(UID.invitation).findOne({
      where: { codeHash: hashCode(code), usedAt: { $null: true }, expiresAt: { $gt: new Date() } },
      populate: { staff: { select: ['id', 'isActive', 'blocked'] } },
    });

  return {
    /** Who a code belongs to, so the newcomer sees it before confirming; does not use the code. */
    async preview(code: string) {
      const open = await findOpen(code);
      if (!open?.staff?.isActive || open.staff.blocked) throw notFound('error.invitationCode');
      return (await staffSummary(strapi, [open.staff.id])).get(open.staff.id);
    },

    /** Uses a code up and returns the id of the staff member it belongs to. */
    async redeem(code: string): Promise<number> {
      const open = await findOpen(code);
      if (!open?.staff) throw notFound('error.invitationCode');
      // Used up with a conditional update, so two newcomers racing for one code cannot both win.
      const { tableName, attributes } = strapi.db.metadata.get(UID.invitation);
      const usedAt = (attributes.usedAt as { columnName?: string }).columnName ?? 'used_at';
      const used = await strapi.db
        .connection(tableName)
        .where({ id: open.id })
        .whereNull(usedAt)
        .update({ [usedAt]: new Date() });
      if (used !== 1) throw notFound('error.invitationCode');
      return open.staff.id;
    },

    /** A new one-time code for a staff member; the only time the code is seen. */
    async create(staffId: number) {
      const code = Array.from(
        { length: INVITATION_LENGTH },
        () => INVITATION_ALPHABET[randomInt(INVITATION_ALPHABET.length)],
      ).join('');
      const expiresAt = new Date(Date.now() + INVITATION_DAYS * DAY);
      await strapi.db
        .query(UID.invitation)
        .create({ data: { codeHash: hashCode(code), staff: staffId, expiresAt } });
      const shown = formatInvitationCode(code);
      // The QR code leads to the site's page for entering a code, with the code filled in; it names
      // no language, so the site opens it in the person's (site/src/pages/sharing/invitation.ts).
      const url = `${pluginConfig(strapi).site.publicUrl}/sharing/invitation?code=${shown}`;
      return {
        code: shown,
        expiresAt,
        url,
        qrSvg: await QRCode.toString(url, { type: 'svg', margin: 1 }),
      };
    },
  };
};

export type InvitationService = ReturnType<typeof invitation>;
export default invitation;
