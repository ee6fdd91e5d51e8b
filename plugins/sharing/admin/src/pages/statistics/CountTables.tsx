import { Typography } from '@strapi/design-system';
import { Message } from '../../components/Message';
import { TextTable } from '../../components/TextTable';
import type { StatisticsResponse } from '../../utils/api';
import { useFormat } from '../../utils/format';
import { useText } from '../../utils/text';

/**
 * The counts per month, then the goals per month, field and status. A count the server withheld
 * (null: below its threshold) reads "< 5", never 0.
 */
export function CountTables({ statistics }: { statistics: StatisticsResponse['data'] }) {
  const t = useText();
  const format = useFormat();
  const shown = (count: number | null) =>
    count === null ? `< ${statistics.suppressedBelow ?? 5}` : format.number(count);
  const goals = statistics.periods.flatMap((period) =>
    period.goals.map((goal) => ({ period: period.period, ...goal })),
  );
  return (
    <>
      <Typography textColor="neutral600">
        {t('statistics.suppressed', { limit: statistics.suppressedBelow })}
      </Typography>
      <TextTable
        headings={[
          t('statistics.month'),
          t('statistics.newcomers'),
          t('statistics.activeGrants'),
          t('statistics.plans'),
          t('statistics.accepted'),
        ]}
        rows={statistics.periods.map((period) => ({
          key: period.period,
          cells: [
            format.month(period.period),
            shown(period.newcomers),
            shown(period.activeGrants),
            shown(period.plans),
            shown(period.acceptedAgreements),
          ],
        }))}
      />

      <Typography tag="h2" variant="beta">
        {t('statistics.goalsTitle')}
      </Typography>
      {goals.length === 0 ? (
        <Message role="status">{t('statistics.noGoals')}</Message>
      ) : (
        <TextTable
          headings={[
            t('statistics.month'),
            t('statistics.field'),
            t('statistics.status'),
            t('statistics.count'),
          ]}
          rows={goals.map((goal) => ({
            key: `${goal.period}-${goal.field}-${goal.status}`,
            cells: [
              format.month(goal.period),
              goal.fieldLabel,
              goal.statusLabel,
              shown(goal.count),
            ],
          }))}
        />
      )}
    </>
  );
}
