import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import {
  DISTRICT_TIME_ZONE,
  FIELDS_OF_ACTION,
  GOAL_STATUSES,
  MEASURE_RESPONSIBLES,
  PLAN_LABELS,
  PLAN_STATUSES,
  dirOf,
  districtDay,
  fill,
  foldForSearch,
  nameForStaff,
  type Locale,
} from '@mobio/config';
import { isGrantActive } from '../access';
import { getService } from '../utils';
import { textDir } from '../text-dir';
import { pluginConfig } from '../config';
import { UID } from '../uids';

type Row = Record<string, any>;

/** What the plan PDF is built from: German beside the newcomer's language. */
const planPdf = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * A plan as data for its PDF, German beside `locale`. Read through the document service as
   * the caller, so only the owner or a grantee of the plans section gets it (and staff reads are audited).
   */
  async data(documentId: string, locale: Locale) {
    const plan = (await strapi.documents(UID.integrationPlan).findOne({
      documentId,
      populate: { fieldsOfAction: { populate: ['goals', 'measures'] }, reviews: true } as never,
    })) as Row | null;
    if (!plan) throw new errors.NotFoundError('error.notFound');
    const row: Row = await strapi.db
      .query(UID.integrationPlan)
      .findOne({ where: { documentId }, populate: { owner: { select: ['id'] } } });
    const profile: Row | null = await strapi.db.query(UID.profile).findOne({
      where: { owner: { id: row.owner?.id } },
      select: ['givenNames', 'familyName', 'latinName'],
    });
    // Whom the person turns to: the staff members who write this plan, by the person's grants.
    // Which others the person shares with is the person's to know: a staff member's copy names
    // only themselves.
    const caller = getService(strapi, 'access').currentActor();
    const now = new Date();
    const writers = (
      (await strapi.db.query(UID.grant).findMany({
        where: { owner: { id: row.owner?.id }, access: 'write', revokedAt: null },
        populate: { grantee: { select: ['id', 'firstname', 'lastname', 'email'] } },
        orderBy: { createdAt: 'asc' },
      })) as Row[]
    ).filter(
      (grant) =>
        grant.grantee &&
        (caller.kind !== 'staff' || grant.grantee.id === caller.id) &&
        grant.sections.includes('plans') &&
        isGrantActive(grant as never, now),
    );
    const pair = (de: string, other: string) => ({ de, other });
    const label = (key: keyof typeof PLAN_LABELS) =>
      pair(PLAN_LABELS[key].de, PLAN_LABELS[key][locale]);
    const coded = (list: { label(code: never, l: Locale): string }, code: string) =>
      pair(list.label(code as never, 'de'), list.label(code as never, locale));
    const day = (value: string | null) =>
      value
        ? new Intl.DateTimeFormat('de-DE', {
            dateStyle: 'medium',
            timeZone: DISTRICT_TIME_ZONE,
          }).format(new Date(value))
        : '';
    const free = (text: string | null | undefined) => (text ? { text, dir: textDir(text) } : null);
    const catalogue = new Map(
      (await getService(strapi, 'catalogue').list()).map((entry) => [entry.key, entry]),
    );
    // A catalogue entry in both languages; where the district has not translated its own entry
    // yet, the German stands alone and the other side says so. Free text as written.
    const what = (item: Row) => {
      const entry = item.catalogueKey ? catalogue.get(item.catalogueKey) : undefined;
      if (!entry)
        return { catalogue: null, free: free(item.description) ?? free(item.catalogueKey) };
      return {
        catalogue: pair(
          entry.label.de as string,
          entry.label[locale] ?? PLAN_LABELS.untranslated[locale],
        ),
        free: null,
      };
    };
    const name = profile
      ? nameForStaff(
          profile as { givenNames: string; familyName: string; latinName?: string | null },
        )
      : '';
    const header = (l: Locale) =>
      `${PLAN_LABELS.person[l]} ${name} · ${PLAN_LABELS.version[l]} ${plan.version} · ${PLAN_LABELS.status[l]}: ${PLAN_STATUSES.label(plan.planStatus, l)}`;
    const accepted = (l: Locale) =>
      fill(PLAN_LABELS.accepted[l], {
        date: day(plan.acceptedAt),
        version: String(plan.acceptedVersion),
      });
    const { municipality } = pluginConfig(strapi);
    // integrationsplan-amal-haddad-2026-12-07.pdf: the name in Latin letters, as the person gave it.
    const slug = profile
      ? foldForSearch(profile.latinName || `${profile.givenNames} ${profile.familyName}`)
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '')
      : '';
    return {
      fileName: `${['integrationsplan', slug, districtDay(now)].filter(Boolean).join('-')}.pdf`,
      locale,
      dir: dirOf(locale),
      bilingual: locale !== 'de',
      municipality: municipality.name,
      office: {
        name: municipality.name,
        address: municipality.address,
        contact: [municipality.email, municipality.phone].filter(Boolean).join(' · '),
      },
      contacts: writers.map((grant) => ({
        name: [grant.grantee.firstname, grant.grantee.lastname].filter(Boolean).join(' '),
        email: grant.grantee.email as string,
      })),
      labels: Object.fromEntries(
        (Object.keys(PLAN_LABELS) as Array<keyof typeof PLAN_LABELS>).map((key) => [
          key,
          label(key),
        ]),
      ),
      de: { title: PLAN_LABELS.title.de },
      title: label('title'),
      header: pair(header('de'), header(locale)),
      accepted: plan.acceptedAt ? pair(accepted('de'), accepted(locale)) : null,
      fields: (plan.fieldsOfAction ?? []).map((field: Row) => ({
        title: coded(FIELDS_OF_ACTION, field.field),
        situation: free(field.situation),
        goals: (field.goals ?? []).map((goal: Row) => ({
          what: what(goal),
          due: day(goal.dueDate),
          status: coded(GOAL_STATUSES, goal.status),
        })),
        measures: (field.measures ?? []).map((measure: Row) => ({
          what: what(measure),
          // The person reads their own plan: "you" in their language, the German for the office.
          who:
            measure.responsible === 'newcomer'
              ? pair(MEASURE_RESPONSIBLES.label('newcomer', 'de'), PLAN_LABELS.you[locale])
              : coded(MEASURE_RESPONSIBLES, measure.responsible),
          name: free(measure.responsibleName),
          due: day(measure.dueDate),
          status: coded(GOAL_STATUSES, measure.status),
        })),
      })),
      reviews: (plan.reviews ?? []).map((review: Row) => ({
        date: day(review.date),
        note: free(review.note),
      })),
      notes: free(plan.notes),
    };
  },
});

export type PlanPdfService = ReturnType<typeof planPdf>;
export default planPdf;
