import type { Core } from '@strapi/strapi';
import { SECTIONS, type Section } from '@mobio/config';
import {
  actorFromState,
  canWrite,
  readScope,
  type Actor,
  type GrantFacts,
  type ReadScope,
} from '../access';
import { linkedTo } from '../linked-to';
import { UID } from '../uids';

/** A grant a staff member holds: the rule's facts and what the staff workspace shows of it. */
export interface StaffGrant extends GrantFacts {
  ownerDocumentId: string;
  purpose: string;
  createdAt: Date | string;
  updatedAt: Date | string;
}

const sectionCodes = new Set<string>(SECTIONS.codes);

/**
 * The access rule's link to Strapi: who is asking (from the request context), which grants they
 * hold (one query per request), and which content types are personal (`pluginOptions.sharing.section`
 * in their schema). The decisions themselves are the pure functions in ../access.
 */
const access = ({ strapi }: { strapi: Core.Strapi }) => {
  // Per request, not longer: a revoked grant must stop access on the very next request.
  const grantsByRequest = new WeakMap<object, Promise<StaffGrant[]>>();
  let personal: Map<string, Section> | undefined;
  const readOnly = new Set<string>();

  // With what the staff workspace lists, so that one lookup serves the rule and the lists alike.
  async function loadGrants(staffId: number): Promise<StaffGrant[]> {
    const rows = await strapi.db.query(UID.grant).findMany({
      where: {
        id: { $in: linkedTo(strapi, UID.grant, 'grantee', staffId) },
        revokedAt: { $null: true },
        expiresAt: { $gt: new Date() },
      },
      select: ['sections', 'access', 'expiresAt', 'revokedAt', 'purpose', 'createdAt', 'updatedAt'],
      populate: { owner: { select: ['id', 'documentId'] } },
      orderBy: { updatedAt: 'desc' },
    });
    return rows
      .filter((row) => row.owner)
      .map((row) => ({
        ownerId: row.owner.id,
        ownerDocumentId: row.owner.documentId,
        sections: row.sections,
        access: row.access,
        expiresAt: row.expiresAt,
        revokedAt: row.revokedAt,
        purpose: row.purpose,
        createdAt: row.createdAt,
        updatedAt: row.updatedAt,
      }));
  }

  return {
    /** The actor of the current request, or `system` outside of any request. */
    currentActor(): Actor {
      const ctx = strapi.requestContext.get();
      return actorFromState(ctx?.state, ctx !== undefined);
    },

    /** Runs `fn` as system code, for the few plugin actions that act for the owner (export, erasure). */
    asSystem<T>(fn: () => Promise<T>): Promise<T> {
      let result!: T;
      return strapi.requestContext
        .run(undefined as never, async () => {
          result = await fn();
        })
        .then(() => result);
    },

    /** Active grants held by a staff member, newest change first, looked up once per request. */
    grantsOf(actor: Actor): Promise<StaffGrant[]> {
      if (actor.kind !== 'staff') return Promise.resolve([]);
      const ctx = strapi.requestContext.get();
      if (!ctx) return loadGrants(actor.id);
      let grants = grantsByRequest.get(ctx);
      if (!grants) {
        grants = loadGrants(actor.id);
        grantsByRequest.set(ctx, grants);
      }
      return grants;
    },

    /** Personal content types and their section, read from the schemas once. */
    personalTypes(): Map<string, Section> {
      if (!personal) {
        personal = new Map();
        for (const [uid, contentType] of Object.entries(strapi.contentTypes)) {
          const sharing = (
            contentType.pluginOptions as
              { sharing?: { section?: string; readOnly?: boolean } } | undefined
          )?.sharing;
          if (sharing?.section === undefined) continue;
          if (!sectionCodes.has(sharing.section))
            throw new Error(`${uid}: unknown sharing section "${sharing.section}"`);
          personal.set(uid, sharing.section as Section);
          if (sharing.readOnly) readOnly.add(uid);
        }
      }
      return personal;
    },

    /**
     * The content type that holds a section's records: its personal type that is written (the
     * plan's frozen versions belong to `plans` too, read-only).
     */
    sectionType(section: Section): string {
      const uid = [...this.personalTypes()].find(
        ([type, of]) => of === section && !this.isReadOnly(type),
      )?.[0];
      if (!uid) throw new Error(`No content type holds the sharing section "${section}"`);
      return uid;
    },

    /** Personal types nobody but system code writes (`pluginOptions.sharing.readOnly`), such as frozen plan versions. */
    isReadOnly(uid: string): boolean {
      this.personalTypes();
      return readOnly.has(uid);
    },

    async readScope(actor: Actor, section: Section): Promise<ReadScope> {
      return readScope({ actor, section, grants: await this.grantsOf(actor), now: new Date() });
    },

    async canWrite(actor: Actor, section: Section, ownerId: number | undefined): Promise<boolean> {
      return canWrite({
        actor,
        section,
        ownerId,
        grants: await this.grantsOf(actor),
        now: new Date(),
      });
    },
  };
};

export type AccessService = ReturnType<typeof access>;
export default access;
