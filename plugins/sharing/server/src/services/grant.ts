import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { endOfDistrictDay, type GrantRequest, type GrantUpdate } from '@mobio/config';
import { isGrantActive, type Actor } from '../access';
import { AUDITED_EVENTS } from './audit';
import { getService } from '../utils';
import { linkedTo } from '../linked-to';
import { pluginConfig } from '../config';
import { UID } from '../uids';

const DAY = 24 * 60 * 60 * 1000;

type Newcomer = Extract<Actor, { kind: 'newcomer' }>;

/** A 404 whose key the site shows localized. */
export const notFound = (key: string) =>
  new errors.NotFoundError(key, { errors: [{ path: [], message: key }] });

/** Grantees as a newcomer sees them: by name and organisation only (the listing's, else the account's name). */
export async function staffSummary(strapi: Core.Strapi, staffIds: number[]) {
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
        strapi,
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

    /** Gives a grant. An invitation code is used up by it. */
    async give(owner: Newcomer, input: GrantRequest) {
      let staffId: number | undefined;
      if (input.invitationCode) {
        staffId = await getService(strapi, 'invitation').redeem(input.invitationCode);
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
