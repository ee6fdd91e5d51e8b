import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  type CodeList,
  DISTRICT_TIME_ZONE,
  DOCUMENT_FIELD_DEFS,
  EDUCATION_ENTRY_FIELD_DEFS,
  EDUCATION_KINDS,
  EMPLOYMENT_ENTRY_FIELD_DEFS,
  type FieldDef,
  FIELDS_OF_ACTION,
  GOAL_STATUSES,
  LANGUAGE_SKILL_FIELD_DEFS,
  MOTHER_TONGUE,
  PLAN_STATUSES,
  planLabels,
  PROFILE_FIELD_DEFS,
  SECTIONS,
  type StaffView,
  countryName,
  foldForSearch,
  nameForStaff,
  staffLabelOf,
  type Section,
} from '@mobio/config';
import { isGrantActive, type Actor } from '../access';
import type { StaffGrant } from './access';
import { textDir } from './cv';
import { getService, linkedTo } from '../utils';
import { UID } from '../uids';

type Row = Record<string, any>;
type Staff = Extract<Actor, { kind: 'staff' }>;
type Field = { label: string; value: string; lang?: string; dir?: 'rtl' | 'ltr' };
type Count = number | null;
interface Statistics {
  suppressedBelow: number;
  periods: Array<{
    period: string;
    newcomers: Count;
    activeGrants: Count;
    plans: Count;
    acceptedAgreements: Count;
    goals: Array<{
      field: string;
      fieldLabel: string;
      status: string;
      statusLabel: string;
      count: Count;
    }>;
  }>;
}
const language = new Intl.DisplayNames(['de'], { type: 'language' });
const date = new Intl.DateTimeFormat('de-DE', {
  dateStyle: 'medium',
  timeZone: DISTRICT_TIME_ZONE,
});
const month = new Intl.DateTimeFormat('de-DE', {
  month: '2-digit',
  year: 'numeric',
  timeZone: 'UTC',
});

/** How each attribute is shown to staff: a German label and a formatter; free text keeps its language. */
type Kind = Exclude<StaffView, 'codes'> | { codes: CodeList };

/** A record's fields as staff see them: config's definitions (fields.ts), labelled in German. */
const shownOf = (fields: FieldDef[]): Array<[string, string, Kind]> =>
  fields.flatMap((field) => {
    const label = staffLabelOf(field);
    if (!field.staff || !label) return [];
    return [
      [
        field.name,
        label,
        field.staff === 'codes' ? { codes: field.values as CodeList } : field.staff,
      ],
    ];
  });

export const SHOWN: Record<string, Array<[string, string, Kind]>> = {
  [UID.profile]: shownOf(PROFILE_FIELD_DEFS),
  [UID.languageSkill]: shownOf(LANGUAGE_SKILL_FIELD_DEFS),
  [UID.educationEntry]: shownOf(EDUCATION_ENTRY_FIELD_DEFS),
  [UID.employmentEntry]: shownOf(EMPLOYMENT_ENTRY_FIELD_DEFS),
  // The file's name is the upload's, not a field of the form.
  [UID.document]: [...shownOf(DOCUMENT_FIELD_DEFS), ['fileName', 'Datei', 'text']],
  // The plan's state is the system's (version, proposal, acceptance): no form defines it. The
  // labels the plan PDF has too come from its catalogue.
  [UID.integrationPlan]: [
    ['version', planLabels('de').version, 'number'],
    ['planStatus', planLabels('de').status, { codes: PLAN_STATUSES }],
    ['proposedAt', 'Vorgelegt am', 'date'],
    ['acceptedVersion', 'Vereinbart: Version', 'number'],
    ['acceptedAt', 'Vereinbart am', 'date'],
    ['notes', planLabels('de').notes, 'free'],
  ],
};

function fieldsOf(uid: string, row: Row): Field[] {
  const fields: Field[] = [];
  for (const [attribute, label, kind] of SHOWN[uid]) {
    const raw = row[attribute];
    if (raw === null || raw === undefined || raw === '' || (Array.isArray(raw) && raw.length === 0))
      continue;
    if (kind === 'free')
      fields.push({
        label,
        value: String(raw),
        lang: row.textLanguage ?? undefined,
        dir: textDir(String(raw)),
      });
    else if (kind === 'date') fields.push({ label, value: date.format(new Date(raw)) });
    else if (kind === 'country') fields.push({ label, value: countryName(raw, 'de') });
    else if (kind === 'language') fields.push({ label, value: language.of(raw) ?? raw });
    else if (kind === 'languages')
      fields.push({
        label,
        value: (raw as string[]).map((code) => language.of(code) ?? code).join(', '),
      });
    else if (kind === 'text' || kind === 'number') fields.push({ label, value: String(raw) });
    else fields.push({ label, value: kind.codes.label(raw as never, 'de') });
  }
  return fields;
}

function titleOf(uid: string, row: Row): string {
  switch (uid) {
    case UID.profile:
      return nameForStaff(
        row as { givenNames: string; familyName: string; latinName?: string | null },
      );
    case UID.languageSkill:
      return `${language.of(row.language) ?? row.language}${row.native ? ` (${MOTHER_TONGUE.de})` : ''}`;
    case UID.educationEntry:
      return row.degree || EDUCATION_KINDS.label(row.kind, 'de');
    case UID.employmentEntry:
      return row.occupation;
    case UID.document:
      return row.title;
    default:
      return row.title || 'Integrationsplan';
  }
}

/**
 * The staff workspace: who shared with me, a newcomer's record in German (read through the
 * document service as the staff member, so the sharing rule scopes it and every read is audited),
 * and statistics without personal data.
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
     * The search finds either spelling, without regard to case or diacritics.
     */
    async sharedWithMe(actor: Staff, query: { search?: string; page: number; pageSize: number }) {
      const byOwner = new Map<number, StaffGrant[]>();
      for (const grant of await activeGrants(actor))
        byOwner.set(grant.ownerId, [...(byOwner.get(grant.ownerId) ?? []), grant]);
      const names = await namesOf([...byOwner.keys()]);
      const search = query.search?.trim() ? foldForSearch(query.search.trim()) : undefined;
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
        .filter(
          (row) =>
            !search || row.spellings.some((spelling) => foldForSearch(spelling).includes(search)),
        )
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
      return { owner: { id: ownerDocumentId, name }, sections };
    },

    /**
     * Counts per month, with counts from 1 to 4 suppressed (null) so that no person can be singled
     * out; no name, no id, no free text leaves here.
     */
    async statistics(from: string, to: string): Promise<Statistics> {
      const SUPPRESS_BELOW = 5;
      const hide = (count: number) => (count > 0 && count < SUPPRESS_BELOW ? null : count);
      const months: Array<{ period: string; start: Date; end: Date }> = [];
      for (
        let cursor = new Date(`${from}-01T00:00:00Z`);
        cursor <= new Date(`${to}-01T00:00:00Z`);
      ) {
        const end = new Date(Date.UTC(cursor.getUTCFullYear(), cursor.getUTCMonth() + 1, 1));
        months.push({ period: cursor.toISOString().slice(0, 7), start: cursor, end });
        cursor = end;
      }
      const newcomerRole = await strapi.db
        .query('plugin::users-permissions.role')
        .findOne({ where: { type: 'newcomer' }, select: ['id'] });
      const periods = [];
      for (const { period, start, end } of months) {
        const within = { $gte: start, $lt: end };
        const newcomers = await strapi.db
          .query(UID.user)
          .count({ where: { createdAt: within, role: { id: newcomerRole?.id } } });
        const activeGrants = await strapi.db.query(UID.grant).count({
          where: {
            createdAt: { $lt: end },
            expiresAt: { $gte: end },
            $or: [{ revokedAt: { $null: true } }, { revokedAt: { $gte: end } }],
          },
        });
        const plans: Row[] = await strapi.db.query(UID.integrationPlan).findMany({
          where: { createdAt: within },
          select: ['id'],
          populate: { fieldsOfAction: { populate: { goals: { select: ['status'] } } } },
        });
        const acceptedAgreements = await strapi.db
          .query(UID.planVersion)
          .count({ where: { acceptedAt: within } });
        const goals = new Map<string, number>();
        for (const plan of plans) {
          for (const field of plan.fieldsOfAction ?? []) {
            for (const goal of field.goals ?? [])
              goals.set(
                `${field.field}|${goal.status}`,
                (goals.get(`${field.field}|${goal.status}`) ?? 0) + 1,
              );
          }
        }
        periods.push({
          period,
          newcomers: hide(newcomers),
          activeGrants: hide(activeGrants),
          plans: hide(plans.length),
          acceptedAgreements: hide(acceptedAgreements),
          goals: [...goals.entries()].map(([key, count]) => {
            const [field, status] = key.split('|');
            return {
              field,
              fieldLabel: FIELDS_OF_ACTION.label(field as never, 'de'),
              status,
              statusLabel: GOAL_STATUSES.label(status as never, 'de'),
              count: hide(count),
            };
          }),
        });
      }
      return { suppressedBelow: SUPPRESS_BELOW, periods };
    },

    /** The statistics as CSV (German headers, `< 5` for suppressed counts). */
    statisticsCsv(statistics: Statistics) {
      const cell = (value: number | null) => (value === null ? '< 5' : String(value));
      const lines = [['Monat', 'Kennzahl', 'Handlungsfeld', 'Status', 'Anzahl'].join(';')];
      for (const p of statistics.periods) {
        const label = month.format(new Date(`${p.period}-01T00:00:00Z`));
        lines.push([label, 'Neu registrierte Personen', '', '', cell(p.newcomers)].join(';'));
        lines.push(
          [label, 'Aktive Freigaben (Monatsende)', '', '', cell(p.activeGrants)].join(';'),
        );
        lines.push([label, 'Neue Integrationspläne', '', '', cell(p.plans)].join(';'));
        lines.push(
          [label, 'Angenommene Zielvereinbarungen', '', '', cell(p.acceptedAgreements)].join(';'),
        );
        for (const goal of p.goals)
          lines.push(
            [label, 'Ziele', goal.fieldLabel, goal.statusLabel, cell(goal.count)].join(';'),
          );
      }
      return `${lines.join('\r\n')}\r\n`;
    },
  };
};

export type StaffService = ReturnType<typeof staff>;
export default staff;
