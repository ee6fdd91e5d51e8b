import { createHash, randomInt } from 'node:crypto';
import QRCode from 'qrcode';
import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  INVITATION_ALPHABET,
  INVITATION_LENGTH,
  formatInvitationCode,
  SECTIONS,
  ACCESS_LEVELS,
  DISTRICT_TIME_ZONE,
  dirOf,
  endOfDistrictDay,
  fill,
  receiptLabels,
  type GrantRequest,
  type GrantUpdate,
  type Locale,
} from '@mobio/config';
import { isGrantActive, type Actor } from '../access';
import { AUDITED_EVENTS } from './audit';
import { getService, linkedTo } from '../utils';
import { pluginConfig } from '../config';
import { UID } from '../uids';
const DAY = 24 * 60 * 60 * 1000;
const INVITATION_DAYS = 14;

type Newcomer = Extract<Actor, { kind: 'newcomer' }>;

/** Codes are compared by hash; the code itself is shown once to the staff member who made it. */
export const hashCode = (code: string) =>
  createHash('sha256').update(code.toUpperCase().replace(/[\s-]/g, '')).digest('hex');

const notFound = (key: string) =>
  new errors.NotFoundError(key, { errors: [{ path: [], message: key }] });

/**
 * Grants as the owner manages them: give (by invitation code or directory entry), change, revoke,
 * revoke all. Every change is an audit event in the owner's log. Grantees are shown by name and
 * organisation only.
 */
const grant = ({ strapi }: { strapi: Core.Strapi }) => {
  const config = () => pluginConfig(strapi);
  const audit = () => getService(strapi, 'audit');

  function expiry(day: string | null | undefined): Date {
    const { defaultGrantDays, maxGrantDays } = config().sharing;
    const now = Date.now();
    if (!day) return new Date(now + defaultGrantDays * DAY);
    // The whole chosen day counts, in the district's time zone, as the dates are shown there.
    const end = endOfDistrictDay(day);
    if (end.getTime() > now + maxGrantDays * DAY) {
      throw new errors.ValidationError('error.expiryTooLate', {
        errors: [{ path: ['expiresAt'], message: 'error.expiryTooLate' }],
      });
    }
    return end;
  }

  async function staffSummary(staffIds: number[]) {
    const listings = await strapi.db.query(UID.staffListing).findMany({
      where: { staff: { id: { $in: staffIds } } },
      select: ['displayName', 'municipality'],
      populate: { staff: { select: ['id'] }, organisation: { select: ['name'] } },
    });
    const users = await strapi.db
      .query('admin::user')
      .findMany({ where: { id: { $in: staffIds } }, select: ['id', 'firstname', 'lastname'] });
    const byId = new Map<number, { name: string; organisation: string | null }>();
    for (const user of users)
      byId.set(user.id, {
        name: [user.firstname, user.lastname].filter(Boolean).join(' '),
        organisation: null,
      });
    for (const listing of listings) {
      if (listing.staff)
        byId.set(listing.staff.id, {
          name: listing.displayName,
          organisation: listing.organisation?.name ?? null,
        });
    }
    return byId;
  }

  async function ownGrant(owner: Newcomer, documentId: string) {
    const row = await strapi.db.query(UID.grant).findOne({
      where: { documentId, owner: { id: owner.id } },
      select: ['id', 'documentId', 'revokedAt'],
    });
    if (!row) throw notFound('error.notFound');
    return row;
  }

  async function record(
    owner: Newcomer,
    action: (typeof AUDITED_EVENTS)[keyof typeof AUDITED_EVENTS],
    documentIds: string[],
  ) {
    await audit().record(
      documentIds.map((id) => ({
        actor: owner,
        ownerId: owner.id,
        action,
        resource: { type: UID.grant, id },
      })),
    );
  }

  return {
    /** The owner's grants, newest first, with each grantee's name and organisation. */
    async list(owner: Newcomer) {
      const rows = await strapi.db.query(UID.grant).findMany({
        where: { id: { $in: linkedTo(strapi, UID.grant, 'owner', owner.id) } },
        orderBy: { createdAt: 'desc' },
        populate: { grantee: { select: ['id'] } },
      });
      const staff = await staffSummary(
        rows.flatMap((row) => (row.grantee ? [row.grantee.id] : [])),
      );
      const now = new Date();
      return rows.map((row) => ({
        documentId: row.documentId,
        grantee: row.grantee ? (staff.get(row.grantee.id) ?? null) : null,
        sections: row.sections,
        access: row.access,
        purpose: row.purpose,
        createdAt: row.createdAt,
        updatedAt: row.updatedAt,
        expiresAt: row.expiresAt,
        revokedAt: row.revokedAt,
        active: isGrantActive(row, now),
      }));
    },

    /** Who an invitation code belongs to, so the newcomer sees it before confirming; does not use the code. */
    async previewInvitation(code: string) {
      const invitation = await strapi.db.query(UID.invitation).findOne({
        where: {
          codeHash: hashCode(code),
          usedAt: { $null: true },
          expiresAt: { $gt: new Date() },
        },
        populate: { staff: { select: ['id', 'isActive', 'blocked'] } },
      });
      if (!invitation?.staff?.isActive || invitation.staff.blocked)
        throw notFound('error.invitationCode');
      return (await staffSummary([invitation.staff.id])).get(invitation.staff.id);
    },

    /** Gives a grant. An invitation code is used up by it. */
    async give(owner: Newcomer, input: GrantRequest) {
      let staffId: number | undefined;
      if (input.invitationCode) {
        const invitation = await strapi.db.query(UID.invitation).findOne({
          where: {
            codeHash: hashCode(input.invitationCode),
            usedAt: { $null: true },
            expiresAt: { $gt: new Date() },
          },
          populate: { staff: { select: ['id'] } },
        });
        if (!invitation?.staff) throw notFound('error.invitationCode');
        // Used up with a conditional update, so two newcomers racing for one code cannot both win.
        const { tableName, attributes } = strapi.db.metadata.get(UID.invitation);
        const usedAt = (attributes.usedAt as { columnName?: string }).columnName ?? 'used_at';
        const used = await strapi.db
          .connection(tableName)
          .where({ id: invitation.id })
          .whereNull(usedAt)
          .update({ [usedAt]: new Date() });
        if (used !== 1) throw notFound('error.invitationCode');
        staffId = invitation.staff.id;
      } else {
        const listing = await strapi.db.query(UID.staffListing).findOne({
          where: { documentId: input.grantee, listed: true },
          populate: { staff: { select: ['id'] } },
        });
        if (!listing?.staff) throw notFound('error.grantee');
        staffId = listing.staff.id;
      }
      const staff = await strapi.db
        .query('admin::user')
        .findOne({ where: { id: staffId }, select: ['isActive', 'blocked'] });
      if (!staff?.isActive || staff.blocked) throw notFound('error.grantee');

      const created = await strapi.db.query(UID.grant).create({
        data: {
          owner: owner.id,
          grantee: staffId,
          sections: input.sections,
          access: input.access,
          purpose: input.purpose,
          expiresAt: expiry(input.expiresAt),
          revokedAt: null,
        },
      });
      await record(owner, AUDITED_EVENTS.GRANT_CREATE, [created.documentId]);
      return (await this.list(owner)).find((row) => row.documentId === created.documentId)!;
    },

    /** Changes sections, access, purpose or expiry of an active grant. */
    async change(owner: Newcomer, documentId: string, input: GrantUpdate) {
      const row = await ownGrant(owner, documentId);
      if (row.revokedAt) throw new errors.ApplicationError('error.grantRevoked');
      await strapi.db.query(UID.grant).update({
        where: { id: row.id },
        data: {
          sections: input.sections,
          access: input.access,
          purpose: input.purpose,
          expiresAt: expiry(input.expiresAt),
        },
      });
      await record(owner, AUDITED_EVENTS.GRANT_UPDATE, [documentId]);
      return (await this.list(owner)).find((grant) => grant.documentId === documentId)!;
    },

    /** Revokes one grant; access stops with the grantee's next request. */
    async revoke(owner: Newcomer, documentId: string) {
      const row = await ownGrant(owner, documentId);
      if (!row.revokedAt) {
        await strapi.db
          .query(UID.grant)
          .update({ where: { id: row.id }, data: { revokedAt: new Date() } });
        await record(owner, AUDITED_EVENTS.GRANT_REVOKE, [documentId]);
      }
    },

    /** Revokes every grant of the owner that is still in force. */
    async revokeAll(owner: Newcomer): Promise<number> {
      const open = await strapi.db.query(UID.grant).findMany({
        where: {
          id: { $in: linkedTo(strapi, UID.grant, 'owner', owner.id) },
          revokedAt: { $null: true },
        },
        select: ['id', 'documentId'],
      });
      if (open.length === 0) return 0;
      await strapi.db.query(UID.grant).updateMany({
        where: { id: { $in: open.map((row) => row.id) } },
        data: { revokedAt: new Date() },
      });
      await record(
        owner,
        AUDITED_EVENTS.GRANT_REVOKE,
        open.map((row) => row.documentId),
      );
      return open.length;
    },

    /**
     * The consent receipt of one of the owner's grants, in the owner's language: plain data for
     * the site's page and the PDF (ISO/IEC TS 27560 / Kantara fields, the controller from the configuration).
     */
    async receipt(owner: Newcomer, documentId: string, locale: Locale) {
      const grant = (await this.list(owner)).find((row) => row.documentId === documentId);
      if (!grant) throw notFound('error.notFound');
      const { municipality, site } = config();
      const profile = await strapi.db
        .query(UID.profile)
        .findOne({ where: { owner: { id: owner.id } }, select: ['givenNames', 'familyName'] });
      const user = await strapi.db
        .query(UID.user)
        .findOne({ where: { id: owner.id }, select: ['email'] });
      const labels = receiptLabels(locale);
      const revokeUrl = `${site.publicUrl}/${locale}/sharing`;
      const date = (value: string | Date) =>
        new Intl.DateTimeFormat(locale, {
          dateStyle: 'long',
          calendar: 'gregory',
          timeZone: DISTRICT_TIME_ZONE,
        }).format(new Date(value));
      const status = grant.revokedAt
        ? fill(labels.revoked, { date: date(grant.revokedAt) })
        : grant.active
          ? labels.active
          : labels.expired;
      return {
        receiptId: grant.documentId,
        version: 'mobio-consent-receipt/1 (ISO/IEC TS 27560)',
        locale,
        dir: dirOf(locale),
        issuedAt: date(new Date()),
        labels,
        controller: {
          name: municipality.name,
          address: municipality.address,
          email: municipality.email,
          privacyOfficer: municipality.privacyOfficer,
        },
        dataSubject: profile ? `${profile.givenNames} ${profile.familyName}` : user.email,
        recipient: grant.grantee
          ? [grant.grantee.name, grant.grantee.organisation].filter(Boolean).join(', ')
          : '—',
        purpose: grant.purpose,
        categories: (grant.sections as Array<(typeof SECTIONS.codes)[number]>).map((section) =>
          SECTIONS.label(section, locale),
        ),
        categoriesText: new Intl.ListFormat(locale, { type: 'unit' }).format(
          (grant.sections as Array<(typeof SECTIONS.codes)[number]>).map((section) =>
            SECTIONS.label(section, locale),
          ),
        ),
        access: ACCESS_LEVELS.label(grant.access, locale),
        validFrom: date(grant.createdAt),
        validUntil: date(grant.expiresAt),
        status,
        howToRevoke: fill(labels.howToRevoke, { url: revokeUrl }),
        // The sentence around the link, for the PDF to keep the address on one line.
        howToRevokeParts: labels.howToRevoke.split('{url}'),
        revokeUrl,
      };
    },

    /** A new one-time invitation code for a staff member; the only time the code is seen. */
    async createInvitation(staffId: number) {
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
      const url = `${config().site.publicUrl}/sharing/invitation?code=${shown}`;
      return {
        code: shown,
        expiresAt,
        url,
        qrSvg: await QRCode.toString(url, { type: 'svg', margin: 1 }),
      };
    },

    /** Staff who chose to be listed: name, organisation, municipality — nothing else. */
    async directory() {
      const rows = await strapi.db.query(UID.staffListing).findMany({
        where: { listed: true, staff: { isActive: true, blocked: false } },
        orderBy: { displayName: 'asc' },
        select: ['documentId', 'displayName', 'municipality'],
        populate: { organisation: { select: ['name'] } },
      });
      return rows.map((row) => ({
        documentId: row.documentId,
        name: row.displayName,
        organisation: row.organisation?.name ?? null,
        municipality: row.municipality ?? null,
      }));
    },
  };
};

export type GrantService = ReturnType<typeof grant>;
export default grant;
