import { Box, Button, Field, Flex, Link, Table, Tbody, Td, TextInput, Th, Thead, Tr, Typography, VisuallyHidden } from '@strapi/design-system';
import { Page, useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState, type FormEvent } from 'react';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import { BASE, Frame } from '../components/Frame';
import { Message } from '../components/Message';
import type { SharedWithMeResponse } from '../utils/api';
import { formatDate, formatDateTime } from '../utils/format';

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
    <Frame title="Für mich freigegeben" subtitle="Neu Zugewanderte, die Ihnen zurzeit Einblick in ihre Angaben gewähren">
      <Box tag="form" role="search" onSubmit={submit} paddingBottom={4}>
        <Flex gap={2} alignItems="flex-end">
          <Field.Root name="search" id="sharing-search">
            <Field.Label>Suche nach Name</Field.Label>
            <TextInput type="search" value={draft} onChange={(event) => setDraft(event.target.value)} />
          </Field.Root>
          <Button type="submit" variant="secondary" size="L">
            Suchen
          </Button>
        </Flex>
      </Box>

      {failed ? (
        <Message role="alert">Die Liste konnte nicht geladen werden.</Message>
      ) : !result ? (
        <Page.Loading>Liste wird geladen …</Page.Loading>
      ) : rows.length === 0 ? (
        <Message role="status">{search ? `Keine Treffer für „${search}“.` : 'Zurzeit hat Ihnen niemand etwas freigegeben.'}</Message>
      ) : (
        <>
          <Table colCount={5} rowCount={rows.length + 1}>
            <Thead>
              <Tr>
                <Th><Typography variant="sigma">Name</Typography></Th>
                <Th><Typography variant="sigma">Bereiche</Typography></Th>
                <Th><Typography variant="sigma">seit</Typography></Th>
                <Th><Typography variant="sigma">bis</Typography></Th>
                <Th><Typography variant="sigma">zuletzt geändert</Typography></Th>
              </Tr>
            </Thead>
            <Tbody>
              {rows.map((row) => (
                <Tr key={row.ownerId}>
                  <Td>
                    <Link tag={RouterLink} to={`${BASE}/records/${encodeURIComponent(row.ownerId)}`}>
                      {row.name ?? 'Ohne Namen'}
                    </Link>
                  </Td>
                  <Td>
                    <Typography textColor="neutral800">{row.sectionLabels.join(', ')}</Typography>
                    {row.access === 'write' ? <Typography textColor="neutral600"> (mit Schreibrecht)</Typography> : null}
                  </Td>
                  <Td><Typography textColor="neutral800">{formatDate(row.since)}</Typography></Td>
                  <Td><Typography textColor="neutral800">{formatDate(row.until)}</Typography></Td>
                  <Td><Typography textColor="neutral800">{formatDateTime(row.updatedAt)}</Typography></Td>
                </Tr>
              ))}
            </Tbody>
          </Table>
          {pagination && pagination.pageCount > 1 ? (
            <Flex tag="nav" aria-label="Seiten" gap={2} paddingTop={4} justifyContent="flex-end">
              <Button variant="tertiary" disabled={page <= 1} onClick={() => go({ page: page - 1 })}>
                Zurück<VisuallyHidden> zur vorigen Seite</VisuallyHidden>
              </Button>
              <Typography aria-live="polite">
                Seite {pagination.page} von {pagination.pageCount} ({pagination.total} Personen)
              </Typography>
              <Button variant="tertiary" disabled={page >= pagination.pageCount} onClick={() => go({ page: page + 1 })}>
                Weiter<VisuallyHidden> zur nächsten Seite</VisuallyHidden>
              </Button>
            </Flex>
          ) : null}
        </>
      )}
    </Frame>
  );
}
