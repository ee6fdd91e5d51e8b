import type { Core } from '@strapi/strapi';
import {
  CEFR_SKILLS,
  EDUCATION_KINDS,
  FAMILY_STATUSES,
  ISCED_LEVELS,
  RECOGNITION_STATUSES,
  countryName,
  cvLabels,
  dirOf,
  nameForStaff,
  type CvPersonalField,
  type Locale,
} from '@mobio/config';
import { textDir } from '../text-dir';
import { UID } from '../uids';

type Row = Record<string, any>;

/**
 * The CV (Lebenslauf) of a newcomer, Europass-like, in one language: coded values (countries,
 * languages, CEFR, ISCED, kinds) get that language's labels, free text stays as it was typed with
 * its own direction. Only the personal fields the newcomer chose are included.
 */
const cv = ({ strapi }: { strapi: Core.Strapi }) => ({
  async build(ownerId: number, locale: Locale, include: readonly CvPersonalField[]) {
    const mine = (uid: string, orderBy?: Record<string, 'asc' | 'desc'>) =>
      strapi.db
        .query(uid)
        .findMany({ where: { owner: { id: ownerId } }, orderBy: orderBy ?? { id: 'asc' } });
    const profile: Row | null = await strapi.db
      .query(UID.profile)
      .findOne({ where: { owner: { id: ownerId } } });
    const user = await strapi.db
      .query(UID.user)
      .findOne({ where: { id: ownerId }, select: ['email'] });
    const languages: Row[] = await mine(UID.languageSkill);
    const education: Row[] = await mine(UID.educationEntry, { from: 'desc' });
    const work: Row[] = await mine(UID.employmentEntry, { from: 'desc' });

    const labels = cvLabels(locale);
    const country = { of: (code: string) => countryName(code, locale) };
    const language = new Intl.DisplayNames([locale], { type: 'language' });
    const month = new Intl.DateTimeFormat(locale, {
      year: 'numeric',
      month: 'short',
      calendar: 'gregory',
      timeZone: 'UTC',
    });
    const day = new Intl.DateTimeFormat(locale, {
      dateStyle: 'long',
      calendar: 'gregory',
      timeZone: 'UTC',
    });
    const period = (from?: string | null, to?: string | null) =>
      from
        ? `${month.format(new Date(from))} – ${to ? month.format(new Date(to)) : labels.today}`
        : to
          ? month.format(new Date(to))
          : '';
    // Arabic and Persian separate with their own comma.
    const comma = dirOf(locale) === 'rtl' ? '، ' : ', ';
    const place = (entry: Row) =>
      [entry.place, entry.country && country.of(entry.country)].filter(Boolean).join(comma);
    const free = (text: string | null | undefined) => (text ? { text, dir: textDir(text) } : null);

    const personal: Array<{ label: string; value: string; dir: 'rtl' | 'ltr' }> = [];
    const add = (field: CvPersonalField, value: string | null | undefined) => {
      if (include.includes(field) && value)
        personal.push({ label: labels[field], value, dir: textDir(value) });
    };
    if (profile) {
      add(
        'birth',
        [profile.birthDate && day.format(new Date(profile.birthDate)), profile.birthPlace]
          .filter(Boolean)
          .join(comma),
      );
      add('nationality', profile.nationality && country.of(profile.nationality));
      add(
        'contact',
        [profile.contactEmail ?? user?.email, profile.phone].filter(Boolean).join(' · '),
      );
      add('address', profile.address);
      add(
        'familyStatus',
        profile.familyStatus && FAMILY_STATUSES.label(profile.familyStatus, locale),
      );
    }
    // With the spelling of the passport beside it: the CV is read by people who may not read the script.
    const name = profile
      ? nameForStaff(
          profile as { givenNames: string; familyName: string; latinName?: string | null },
        )
      : (user?.email ?? '');

    return {
      locale,
      dir: dirOf(locale),
      comma,
      labels,
      skills: CEFR_SKILLS.codes.map((code) => CEFR_SKILLS.label(code, locale)),
      name: { text: name, dir: textDir(name) },
      personal,
      motherTongues: languages
        .filter((skill) => skill.native)
        .map((skill) => language.of(skill.language) ?? skill.language),
      languages: languages
        .filter((skill) => !skill.native)
        .map((skill) => ({
          name: language.of(skill.language) ?? skill.language,
          levels: CEFR_SKILLS.codes.map((code) => skill[code] ?? '–'),
        })),
      education: education.map((entry) => ({
        period: period(entry.from, entry.to),
        title: free(entry.degree) ?? {
          text: EDUCATION_KINDS.label(entry.kind, locale),
          dir: dirOf(locale),
        },
        subject: free(entry.subject),
        institution: free(entry.institution),
        place: place(entry),
        level: entry.iscedLevel ? ISCED_LEVELS.label(entry.iscedLevel, locale) : null,
        recognition: entry.recognitionStatus
          ? `${labels.recognition}: ${RECOGNITION_STATUSES.label(entry.recognitionStatus, locale)}`
          : null,
        notes: free(entry.notes),
      })),
      work: work.map((entry) => ({
        period: period(entry.from, entry.to),
        occupation: free(entry.occupation),
        employer: free(entry.employer),
        place: place(entry),
        tasks: free(entry.tasks),
        skills: free(entry.skills),
      })),
    };
  },
});

export type CvService = ReturnType<typeof cv>;
export default cv;
