import {
  type CodeList,
  DISTRICT_TIME_ZONE,
  DOCUMENT_FIELD_DEFS,
  EDUCATION_ENTRY_FIELD_DEFS,
  EDUCATION_KINDS,
  EMPLOYMENT_ENTRY_FIELD_DEFS,
  type FieldDef,
  LANGUAGE_SKILL_FIELD_DEFS,
  MOTHER_TONGUE,
  PLAN_STATUSES,
  planLabels,
  PROFILE_FIELD_DEFS,
  type StaffView,
  countryName,
  nameForStaff,
  staffLabelOf,
} from '@mobio/config';
import { textDir } from './text-dir';
import { UID } from './uids';

// A newcomer's records as staff see them: German labels, coded values and dates in German, free
// text in its own language and direction.

type Row = Record<string, any>;
type Field = { label: string; value: string; lang?: string; dir?: 'rtl' | 'ltr' };
const language = new Intl.DisplayNames(['de'], { type: 'language' });
const date = new Intl.DateTimeFormat('de-DE', {
  dateStyle: 'medium',
  timeZone: DISTRICT_TIME_ZONE,
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

/** The fields of one record that staff see, in the order of its form, empty ones left out. */
export function fieldsOf(uid: string, row: Row): Field[] {
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

/** The heading of one record in the staff view (for a profile, the name). */
export function titleOf(uid: string, row: Row): string {
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
