import {
  Box,
  Flex,
  Link,
  Table,
  Tbody,
  Td,
  Th,
  Thead,
  Tr,
  Typography,
} from '@strapi/design-system';
import { Page, useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { Link as RouterLink } from 'react-router-dom';
import { BASE, Frame } from '../components/Frame';
import { Message } from '../components/Message';
import type { WorkItem, WorkListResponse } from '../utils/api';
import { useFormat } from '../utils/format';
import { useText, type TextKey } from '../utils/text';

/** Where one click on a line leads: the person's record or their plan. */
function target(item: WorkItem): string | null {
  if (!item.ownerId || !item.link) return null;
  const record = `${BASE}/records/${encodeURIComponent(item.ownerId)}`;
  return item.link === 'plan' ? `${record}/plan` : record;
}

/** One table of the work list: when, who, what. */
function Items({
  items,
  caption,
  dated,
}: {
  items: WorkItem[];
  caption: string;
  dated: 'at' | 'on';
}) {
  const t = useText();
  const format = useFormat();
  return (
    <Table colCount={3} rowCount={items.length + 1} aria-label={caption}>
      <Thead>
        <Tr>
          <Th>
            <Typography variant="sigma">
              {t(dated === 'at' ? 'work.when' : 'work.dueOn')}
            </Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('work.who')}</Typography>
          </Th>
          <Th>
            <Typography variant="sigma">{t('work.what')}</Typography>
          </Th>
        </Tr>
      </Thead>
      <Tbody>
        {items.map((item, index) => {
          const to = target(item);
          const name = item.name ?? t(item.ownerId ? 'common.noName' : 'work.noLongerShared');
          return (
            <Tr key={`${item.kind}-${item.ownerId ?? ''}-${item.date}-${index}`}>
              <Td>
                <Typography textColor={item.overdue ? 'danger700' : 'neutral800'}>
                  {dated === 'at' ? format.dateTime(item.date) : format.date(item.date)}
                  {item.overdue ? ` · ${t('work.overdue')}` : ''}
                </Typography>
              </Td>
              <Td>
                {to ? (
                  <Link tag={RouterLink} to={to}>
                    {name}
                  </Link>
                ) : (
                  <Typography textColor="neutral800">{name}</Typography>
                )}
              </Td>
              <Td>
                <Typography textColor="neutral800">
                  {t(`work.kind.${item.kind}` as TextKey)}
                  {item.detail ? `: ${item.detail}` : ''}
                </Typography>
              </Td>
            </Tr>
          );
        })}
      </Tbody>
    </Table>
  );
}

/**
 * "Arbeitsliste", the integration manager's home: what happened since the last visit and what is
 * due within 14 days, computed by the server from what is shared with her only.
 */
export function WorkListPage() {
  const { get } = useFetchClient();
  const [result, setResult] = useState<WorkListResponse['data'] | null>(null);
  const [failed, setFailed] = useState(false);
  const t = useText();
  const format = useFormat();

  useEffect(() => {
    const controller = new AbortController();
    get<WorkListResponse>('/sharing/work-list', { signal: controller.signal })
      .then((response) => setResult(response.data.data))
      .catch(() => {
        if (!controller.signal.aborted) setFailed(true);
      });
    return () => controller.abort();
  }, [get]);

  return (
    <Frame
      title={t('work.title')}
      subtitle={
        result
          ? t('work.subtitle', {
              news: result.counts.news,
              due: result.counts.due,
              overdue: result.counts.overdue,
            })
          : undefined
      }
    >
      {failed ? (
        <Message role="alert">{t('work.failed')}</Message>
      ) : !result ? (
        <Page.Loading>{t('work.loading')}</Page.Loading>
      ) : (
        <Flex direction="column" alignItems="stretch" gap={8}>
          <Box>
            <Box paddingBottom={3}>
              <Typography tag="h2" variant="delta">
                {t('work.news', { since: format.dateTime(result.since) })}
              </Typography>
            </Box>
            {result.news.length ? (
              <Items items={result.news} caption={t('work.newsCaption')} dated="at" />
            ) : (
              <Message role="status">{t('work.noNews')}</Message>
            )}
          </Box>
          <Box>
            <Box paddingBottom={3}>
              <Typography tag="h2" variant="delta">
                {t('work.due')}
              </Typography>
            </Box>
            {result.due.length ? (
              <Items items={result.due} caption={t('work.dueCaption')} dated="on" />
            ) : (
              <Message role="status">{t('work.noDue')}</Message>
            )}
          </Box>
        </Flex>
      )}
    </Frame>
  );
}
