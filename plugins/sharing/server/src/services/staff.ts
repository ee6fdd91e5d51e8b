import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { SECTIONS, nameForStaff, nameMatches, type Section } from '@mobio/config';
import { isGrantActive, type Actor } from '../access';
import type { StaffGrant } from './access';
import { getService } from '../utils';
import { linkedTo } from '../linked-to';
import { fieldsOf, titleOf } from '../staff-fields';
import { UID } from '../uids';

type Row = Record<string, any>;
type Staff = Extract<Actor, { kind: 'staff' }>;

/**
 * The staff workspace: who shared with me, a newcomer's record in German (read through the
 * document service as the staff member, so the sharing rule scopes it and every read is audited).
 * Statistics without personal data are the statistics service.
 */
const staff = ({ strapi }: { strapi: Core.Strapi }) => {
  // The same lookup the sharing rule makes for this request (cached there), not a second one.
  async function activeGrants(actor: Staff): Promise<StaffGrant[]> {
    return (await getService(strapi, 'access').grantsOf(actor)).filter((grant) =>
      isGrantActive(grant, new Date()),
    );
  }

  type Names = { givenNames: string; familyName: string; latinName: string | null };
  async function namesOf(ownerIds: number[]): Promise<Map<number, Names>> {
    const profiles: Row[] = await strapi.db.query(UID.profile).findMany({
      where: { id: { $in: linkedTo(strapi, UID.profile, 'owner', ownerIds) } },
      select: ['givenNames', 'familyName', 'latinName'],
      populate: { owner: { select: ['id'] } },
    });
    return new Map(profiles.filter((p) => p.owner).map((p) => [p.owner.id, p as Names]));
  }

  return {
    /**
     * How a grantee sees the person: the name in their profile (never the e-mail address), with the
     * name in Latin letters where the profile section is shared with them.
     */
    async nameOf(actor: Staff, ownerId: number): Promise<string | null> {
      const profile = (await namesOf([ownerId])).get(ownerId);
      if (!profile) return null;
      const withLatin = (await activeGrants(actor)).some(
        (grant) => grant.ownerId === ownerId && grant.sections.includes('profile'),
      );
      return nameForStaff(profile, withLatin);
    },

    /**
     * The newcomers who currently share something with this staff member, one row each. A grant
     * identifies the person to its grantee by name (never by e-mail), whatever sections it covers;
     * the name in Latin letters is part of the profile, shown and searched only where that is shared.
     * The search finds either spelling, without regard to case or diacritics, and the spelling
     * variants of a transliterated name (nameMatches: Hadad finds Haddad).
     */
    async sharedWithMe(actor: Staff, query: { search?: string; page: number; pageSize: number }) {
      const byOwner = new Map<number, StaffGrant[]>();
      for (const grant of await activeGrants(actor))
        byOwner.set(grant.ownerId, [...(byOwner.get(grant.ownerId) ?? []), grant]);
      const names = await namesOf([...byOwner.keys()]);
      const search = query.search?.trim();
      const rows = [...byOwner.entries()]
        .map(([ownerId, grants]) => {
          const sections = [...new Set(grants.flatMap((g) => g.sections as Section[]))];
          const profile = names.get(ownerId);
          const withLatin = sections.includes('profile');
          const spellings = profile
            ? [
                nameForStaff(profile, false),
                ...(withLatin && profile.latinName ? [profile.latinName] : []),
              ]
            : [];
          return {
            ownerId: grants[0].ownerDocumentId,
            name: profile ? nameForStaff(profile, withLatin) : null,
            spellings,
            sections,
            sectionLabels: sections.map((section) => SECTIONS.label(section, 'de')),
            access: grants.some((g) => g.access === 'write') ? 'write' : 'read',
            purpose: grants.map((g) => g.purpose).join(' · '),
            since: grants.map((g) => g.createdAt).sort()[0],
            until: grants
              .map((g) => g.expiresAt)
              .sort()
              .at(-1),
            updatedAt: grants
              .map((g) => g.updatedAt)
              .sort()
              .at(-1),
          };
        })
        .filter((row) => !search || nameMatches(row.spellings, search))
        .map(({ spellings, ...row }) => row);
      const total = rows.length;
      const start = (query.page - 1) * query.pageSize;
      return {
        data: rows.slice(start, start + query.pageSize),
        meta: {
          pagination: {
            page: query.page,
            pageSize: query.pageSize,
            total,
            pageCount: Math.ceil(total / query.pageSize),
          },
        },
      };
    },

    /** A newcomer's record, only the granted sections, coded values in German. 404 when nothing is shared. */
    async record(actor: Staff, ownerDocumentId: string) {
      const grants = (await activeGrants(actor)).filter(
        (grant) => grant.ownerDocumentId === ownerDocumentId,
      );
      if (grants.length === 0)
        throw new errors.NotFoundError('Nicht freigegeben oder nicht vorhanden');
      const ownerId = grants[0].ownerId;
      const granted = new Set(grants.flatMap((g) => g.sections as Section[]));
      // One transaction for all sections, whose audit events are written together at the end (one
      // statement, one write to disk); if a section fails, nothing is shown and nothing logged.
      const sections = await strapi.db.transaction(() =>
        getService(strapi, 'audit').batch(async () => {
          const read = [];
          for (const section of SECTIONS.codes.filter((code) => granted.has(code))) {
            const uid = getService(strapi, 'access').sectionType(section);
            // The document service, as this staff member: the sharing rule scopes it and audits the read.
            const rows = (await strapi
              .documents(uid as never)
              .findMany({ filters: { owner: { id: ownerId } } as never })) as Row[];
            read.push({
              code: section,
              label: SECTIONS.label(section, 'de'),
              writable: grants.some(
                (grant) => grant.access === 'write' && grant.sections.includes(section),
              ),
              entries: rows.map((row) => ({
                documentId: row.documentId,
                title: titleOf(uid, row),
                fields: fieldsOf(uid, row),
                ...(section === 'documents' && row.fileName
                  ? { download: `/sharing/documents/${row.documentId}/file` }
                  : {}),
                ...(section === 'plans'
                  ? { download: `/sharing/plans/${row.documentId}/pdf` }
                  : {}),
              })),
            });
          }
          return read;
        }),
      );
      // The profile section, when shared, has just been read: its title is the name.
      const names = sections.some((section) => section.code === 'profile')
        ? undefined
        : (await namesOf([ownerId])).get(ownerId);
      const name =
        sections.find((section) => section.code === 'profile')?.entries[0]?.title ??
        (names ? nameForStaff(names, false) : null);
      return {
        owner: { id: ownerDocumentId, name },
        // What the person granted me, for the page's header: each grant with its sections, dates,
        // purpose and whether it lets me write.
        grants: grants.map((grant) => ({
          sections: (grant.sections as Section[]).map((section) => SECTIONS.label(section, 'de')),
          access: grant.access,
          purpose: grant.purpose,
          since: grant.createdAt,
          until: grant.expiresAt,
        })),
        sections,
      };
    },
  };
};

export type StaffService = ReturnType<typeof staff>;
export default staff;
