import { Flex } from '@strapi/design-system';
import { Page, useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { Frame } from '../../components/Frame';
import { Message } from '../../components/Message';
import { statusOf, type StatisticsResponse } from '../../utils/api';
import { monthOf } from '../../utils/format';
import { useText } from '../../utils/text';
import { CountTables } from './CountTables';
import { CsvButton } from './CsvButton';
import { RangeForm, type Range } from './RangeForm';

type State =
  | { kind: 'loading' }
  | { kind: 'ready'; statistics: StatisticsResponse['data'] }
  | { kind: 'forbidden' }
  | { kind: 'failed' };

/** The statistics URL of `range`, as JSON or (with `format`) as CSV. */
const urlOf = (range: Range, format?: 'csv') => {
  const params = new URLSearchParams({ ...range });
  if (format) params.set('format', format);
  return `/sharing/statistics?${params}`;
};

/**
 * "Statistik" for District administrators: counts per month, never a person. The server replaces
 * counts below its threshold with null (so nobody is identified in a small municipality); they
 * are shown as "< 5", never as 0.
 */
export function StatisticsPage() {
  const { get } = useFetchClient();
  const t = useText();
  const [range, setRange] = useState<Range>(() => {
    const now = new Date();
    return { from: monthOf(now, -11), to: monthOf(now) };
  });
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    setState({ kind: 'loading' });
    get<StatisticsResponse>(urlOf(range), { signal: controller.signal })
      .then((response) => setState({ kind: 'ready', statistics: response.data.data }))
      .catch((error) => {
        if (!controller.signal.aborted)
          setState({ kind: statusOf(error) === 403 ? 'forbidden' : 'failed' });
      });
    return () => controller.abort();
  }, [get, range]);

  return (
    <Frame
      title={t('statistics.title')}
      subtitle={t('statistics.subtitle')}
      primaryAction={
        state.kind === 'ready' ? <CsvButton url={urlOf(range, 'csv')} range={range} /> : null
      }
    >
      {state.kind === 'forbidden' ? (
        <Message role="alert">{t('common.noPermission')}</Message>
      ) : (
        <Flex direction="column" alignItems="stretch" gap={6}>
          <RangeForm initial={range} onShow={setRange} />
          {state.kind === 'loading' ? <Page.Loading>{t('statistics.loading')}</Page.Loading> : null}
          {state.kind === 'failed' ? (
            <Message role="alert">{t('statistics.failed')}</Message>
          ) : null}
          {state.kind === 'ready' ? <CountTables statistics={state.statistics} /> : null}
        </Flex>
      )}
    </Frame>
  );
}
