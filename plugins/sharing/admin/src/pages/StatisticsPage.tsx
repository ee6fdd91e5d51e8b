import {
  Box,
  Button,
  Field,
  Flex,
  Table,
  Tbody,
  Td,
  TextInput,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { Frame } from '../components/Frame';
import { Message } from '../components/Message';
import { statusOf, type StatisticsResponse } from '../utils/api';
import { saveBlob } from '../utils/download';
import { monthOf, useFormat } from '../utils/format';
import { useText } from '../utils/text';

type State =
  | { kind: 'loading' }
  | { kind: 'ready'; statistics: StatisticsResponse['data'] }
  | { kind: 'forbidden' }
  | { kind: 'failed' };

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
// The server answers at most 36 months at a time.
const MAX_MONTHS = 36;

function monthsBetween(from: string, to: string): number {
  return (
    (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
    Number(to.slice(5)) -
    Number(from.slice(5)) +
    1
  );
}

/**
 * "Statistik" for District administrators: counts per month, never a person. The server replaces
 * counts below its threshold with null (so nobody is identified in a small municipality); they
 * are shown as "< 5", never as 0.
 */
export function StatisticsPage() {
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const t = useText();
  const format = useFormat();
  const now = new Date();
  const [from, setFrom] = useState(monthOf(now, -11));
  const [to, setTo] = useState(monthOf(now));
  const [range, setRange] = useState({ from, to });
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [downloading, setDownloading] = useState(false);

  const query = useCallback(
    (format?: 'csv') => {
      const params = new URLSearchParams(range);
      if (format) params.set('format', format);
      return `/sharing/statistics?${params}`;
    },
    [range],
  );

  useEffect(() => {
    const controller = new AbortController();
    setState({ kind: 'loading' });
    get<StatisticsResponse>(query(), { signal: controller.signal })
      .then((response) => setState({ kind: 'ready', statistics: response.data.data }))
      .catch((error) => {
        if (!controller.signal.aborted)
          setState({ kind: statusOf(error) === 403 ? 'forbidden' : 'failed' });
      });
    return () => controller.abort();
  }, [get, query]);

  const invalid =
    !MONTH.test(from) || !MONTH.test(to) || from > to || monthsBetween(from, to) > MAX_MONTHS;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!invalid) setRange({ from, to });
  }

  async function downloadCsv() {
    setDownloading(true);
    try {
      const response = await get(query('csv'), { responseType: 'blob' });
      saveBlob(response.data, `mobio-statistik-${range.from}-bis-${range.to}.csv`);
    } catch (error) {
      toggleNotification({
        type: 'danger',
        message: statusOf(error) === 403 ? t('common.noPermission') : t('statistics.csvFailed'),
      });
    } finally {
      setDownloading(false);
    }
  }

  const ready = state.kind === 'ready' ? state.statistics : null;
  const shown = (count: number | null) =>
    count === null ? `< ${ready?.suppressedBelow ?? 5}` : format.number(count);
  const goals =
    ready?.periods.flatMap((period) =>
      period.goals.map((goal) => ({ period: period.period, ...goal })),
    ) ?? [];

  return (
    <Frame
      title={t('statistics.title')}
      subtitle={t('statistics.subtitle')}
      primaryAction={
        ready ? (
          <Button
            variant="secondary"
            startIcon={<Download />}
            loading={downloading}
            onClick={downloadCsv}
          >
            {t('statistics.csv')}
          </Button>
        ) : null
      }
    >
      {state.kind === 'forbidden' ? (
        <Message role="alert">{t('common.noPermission')}</Message>
      ) : (
        <Flex direction="column" alignItems="stretch" gap={6}>
          <Box tag="form" onSubmit={submit}>
            <Flex gap={4} alignItems="flex-end" wrap="wrap">
              <Field.Root
                name="from"
                id="statistics-from"
                error={invalid ? t('statistics.rangeInvalid') : undefined}
              >
                <Field.Label>{t('statistics.from')}</Field.Label>
                <TextInput
                  type="month"
                  value={from}
                  onChange={(event) => setFrom(event.target.value)}
                />
                <Field.Error />
              </Field.Root>
              <Field.Root name="to" id="statistics-to">
                <Field.Label>{t('statistics.to')}</Field.Label>
                <TextInput
                  type="month"
                  value={to}
                  onChange={(event) => setTo(event.target.value)}
                />
              </Field.Root>
              <Button type="submit" variant="secondary" size="L" disabled={invalid}>
                {t('statistics.show')}
              </Button>
            </Flex>
          </Box>

          {state.kind === 'loading' ? <Page.Loading>{t('statistics.loading')}</Page.Loading> : null}
          {state.kind === 'failed' ? (
            <Message role="alert">{t('statistics.failed')}</Message>
          ) : null}
          {ready ? (
            <>
              <Typography textColor="neutral600">
                {t('statistics.suppressed', { limit: ready.suppressedBelow })}
              </Typography>
              <Table colCount={5} rowCount={ready.periods.length + 1}>
                <Thead>
                  <Tr>
                    <Th>
                      <Typography variant="sigma">{t('statistics.month')}</Typography>
                    </Th>
                    <Th>
                      <Typography variant="sigma">{t('statistics.newcomers')}</Typography>
                    </Th>
                    <Th>
                      <Typography variant="sigma">{t('statistics.activeGrants')}</Typography>
                    </Th>
                    <Th>
                      <Typography variant="sigma">{t('statistics.plans')}</Typography>
                    </Th>
                    <Th>
                      <Typography variant="sigma">{t('statistics.accepted')}</Typography>
                    </Th>
                  </Tr>
                </Thead>
                <Tbody>
                  {ready.periods.map((period) => (
                    <Tr key={period.period}>
                      <Td>
                        <Typography textColor="neutral800">
                          {format.month(period.period)}
                        </Typography>
                      </Td>
                      <Td>
                        <Typography textColor="neutral800">{shown(period.newcomers)}</Typography>
                      </Td>
                      <Td>
                        <Typography textColor="neutral800">{shown(period.activeGrants)}</Typography>
                      </Td>
                      <Td>
                        <Typography textColor="neutral800">{shown(period.plans)}</Typography>
                      </Td>
                      <Td>
                        <Typography textColor="neutral800">
                          {shown(period.acceptedAgreements)}
                        </Typography>
                      </Td>
                    </Tr>
                  ))}
                </Tbody>
              </Table>

              <Typography tag="h2" variant="beta">
                {t('statistics.goalsTitle')}
              </Typography>
              {goals.length === 0 ? (
                <Message role="status">{t('statistics.noGoals')}</Message>
              ) : (
                <Table colCount={4} rowCount={goals.length + 1}>
                  <Thead>
                    <Tr>
                      <Th>
                        <Typography variant="sigma">{t('statistics.month')}</Typography>
                      </Th>
                      <Th>
                        <Typography variant="sigma">{t('statistics.field')}</Typography>
                      </Th>
                      <Th>
                        <Typography variant="sigma">{t('statistics.status')}</Typography>
                      </Th>
                      <Th>
                        <Typography variant="sigma">{t('statistics.count')}</Typography>
                      </Th>
                    </Tr>
                  </Thead>
                  <Tbody>
                    {goals.map((goal) => (
                      <Tr key={`${goal.period}-${goal.field}-${goal.status}`}>
                        <Td>
                          <Typography textColor="neutral800">
                            {format.month(goal.period)}
                          </Typography>
                        </Td>
                        <Td>
                          <Typography textColor="neutral800">{goal.fieldLabel}</Typography>
                        </Td>
                        <Td>
                          <Typography textColor="neutral800">{goal.statusLabel}</Typography>
                        </Td>
                        <Td>
                          <Typography textColor="neutral800">{shown(goal.count)}</Typography>
                        </Td>
                      </Tr>
                    ))}
                  </Tbody>
                </Table>
              )}
            </>
          ) : null}
        </Flex>
      )}
    </Frame>
  );
}
