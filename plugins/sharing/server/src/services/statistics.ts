import type { Core } from '@strapi/strapi';
import { FIELDS_OF_ACTION, GOAL_STATUSES } from '@mobio/config';
import { UID } from '../uids';

type Row = Record<string, any>;
type Count = number | null;

/** Monthly counts for the district's reporting; counts from 1 to 4 are null (suppressed). */
export interface Statistics {
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

const month = new Intl.DateTimeFormat('de-DE', {
  month: '2-digit',
  year: 'numeric',
  timeZone: 'UTC',
});

/** Statistics without personal data, for staff: counts per month and their CSV. */
const statistics = ({ strapi }: { strapi: Core.Strapi }) => ({
  /**
   * Counts per month, with counts from 1 to 4 suppressed (null) so that no person can be singled
   * out; no name, no id, no free text leaves here.
   */
  async monthly(from: string, to: string): Promise<Statistics> {
    const SUPPRESS_BELOW = 5;
    const hide = (count: number) => (count > 0 && count < SUPPRESS_BELOW ? null : count);
    const months: Array<{ period: string; start: Date; end: Date }> = [];
    for (let cursor = new Date(`${from}-01T00:00:00Z`); cursor <= new Date(`${to}-01T00:00:00Z`);) {
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
  csv(statistics: Statistics) {
    const cell = (value: number | null) => (value === null ? '< 5' : String(value));
    const lines = [['Monat', 'Kennzahl', 'Handlungsfeld', 'Status', 'Anzahl'].join(';')];
    for (const p of statistics.periods) {
      const label = month.format(new Date(`${p.period}-01T00:00:00Z`));
      lines.push([label, 'Neu registrierte Personen', '', '', cell(p.newcomers)].join(';'));
      lines.push([label, 'Aktive Freigaben (Monatsende)', '', '', cell(p.activeGrants)].join(';'));
      lines.push([label, 'Neue Integrationspläne', '', '', cell(p.plans)].join(';'));
      lines.push(
        [label, 'Angenommene Zielvereinbarungen', '', '', cell(p.acceptedAgreements)].join(';'),
      );
      for (const goal of p.goals)
        lines.push([label, 'Ziele', goal.fieldLabel, goal.statusLabel, cell(goal.count)].join(';'));
    }
    return `${lines.join('\r\n')}\r\n`;
  },
});

export type StatisticsService = ReturnType<typeof statistics>;
export default statistics;
