import {
  Box,
  Button,
  Field,
  Flex,
  Link,
  Table,
  Tbody,
  Td,
  TextInput,
  Th,
  Thead,
  Tr,
  Typography,
  VisuallyHidden,
} from '@strapi/design-system';
import { Page, useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState, type FormEvent } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import { BASE, Frame } from '../components/Frame';
import { Message } from '../components/Message';
import type { SharedWithMeResponse } from '../utils/api';
import { useFormat } from '../utils/format';
import { useText } from '../utils/text';

const PAGE_SIZE = 20;

/**
 * "Für mich freigegeben": the newcomers whose grant to me is active now, one row each. Search and
 * page live in the address, so a reload or the back button keeps them.
 */
export function SharedWithMePage() {
  const { get } = useFetchClient();
  const [params, setParams] = useSearchParams();
  const search = params.get('search') ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [draft, setDraft] = useState(search);
  const [result, setResult] = useState<SharedWithMeResponse | null>(null);
  const [failed, setFailed] = useState(false);
  const t = useText();
  const format = useFormat();

  useEffect(() => setDraft(search), [search]);

  useEffect(() => {
    const controller = new AbortController();
    setFailed(false);
    const query = new URLSearchParams({ search, page: String(page), pageSize: String(PAGE_SIZE) });
    get<SharedWithMeResponse>(`/sharing/shared-with-me?${query}`, { signal: controller.signal })
      .then((response) => setResult(response.data))
      .catch(() => {
        if (!controller.signal.aborted) setFailed(true);
      });
    return () => controller.abort();
  }, [get, search, page]);

  function go(next: { search?: string; page?: number }) {
    const query = new URLSearchParams();
    const nextSearch = next.search ?? search;
    if (nextSearch) query.set('search', nextSearch);
    const nextPage = next.page ?? 1;
    if (nextPage > 1) query.set('page', String(nextPage));
    setParams(query);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    go({ search: draft.trim(), page: 1 });
  }

  const rows = result?.data ?? [];
  const pagination = result?.meta.pagination;

  return (
    <Frame title={t('list.title')} subtitle={t('list.subtitle')}>
      <Box tag="form" role="search" onSubmit={submit} paddingBottom={4}>
        <Flex gap={2} alignItems="flex-end">
          <Field.Root name="search" id="sharing-search">
            <Field.Label>{t('list.search')}</Field.Label>
            <TextInput
              type="search"
              value={draft}
              onChange={(event) => setDraft(event.target.value)}
            />
          </Field.Root>
          <Button type="submit" variant="secondary" size="L">
            {t('list.searchButton')}
          </Button>
        </Flex>
      </Box>

      {failed ? (
        <Message role="alert">{t('list.failed')}</Message>
      ) : !result ? (
        <Page.Loading>{t('list.loading')}</Page.Loading>
      ) : rows.length === 0 ? (
        <Message role="status">{search ? t('list.noHits', { search }) : t('list.empty')}</Message>
      ) : (
        <>
          <Table colCount={5} rowCount={rows.length + 1}>
            <Thead>
              <Tr>
                <Th>
                  <Typography variant="sigma">{t('list.name')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('list.sections')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('list.since')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('list.until')}</Typography>
                </Th>
                <Th>
                  <Typography variant="sigma">{t('list.updated')}</Typography>
                </Th>
              </Tr>
            </Thead>
            <Tbody>
              {rows.map((row) => (
                <Tr key={row.ownerId}>
                  <Td>
                    <Link
                      tag={RouterLink}
                      to={`${BASE}/records/${encodeURIComponent(row.ownerId)}`}
                    >
                      {row.name ?? t('common.noName')}
                    </Link>
                  </Td>
                  <Td>
                    <Typography textColor="neutral800">{row.sectionLabels.join(', ')}</Typography>
                    {row.access === 'write' ? (
                      <Typography textColor="neutral600">{t('list.withWrite')}</Typography>
                    ) : null}
                  </Td>
                  <Td>
                    <Typography textColor="neutral800">{format.date(row.since)}</Typography>
                  </Td>
                  <Td>
                    <Typography textColor="neutral800">{format.date(row.until)}</Typography>
                  </Td>
                  <Td>
                    <Typography textColor="neutral800">{format.dateTime(row.updatedAt)}</Typography>
                  </Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
          {pagination && pagination.pageCount > 1 ? (
            <Flex
              tag="nav"
              aria-label={t('list.pages')}
              gap={2}
              paddingTop={4}
              justifyContent="flex-end"
            >
              <Button
                variant="tertiary"
                disabled={page <= 1}
                onClick={() => go({ page: page - 1 })}
              >
                {t('list.previous')}
                <VisuallyHidden>{t('list.previousHidden')}</VisuallyHidden>
              </Button>
              <Typography aria-live="polite">
                {t('list.pageOf', {
                  page: pagination.page,
                  pageCount: pagination.pageCount,
                  total: pagination.total,
                })}
              </Typography>
              <Button
                variant="tertiary"
                disabled={page >= pagination.pageCount}
                onClick={() => go({ page: page + 1 })}
              >
                {t('list.next')}
                <VisuallyHidden>{t('list.nextHidden')}</VisuallyHidden>
              </Button>
            </Flex>
          ) : null}
        </>
      )}
    </Frame>
  );
}
