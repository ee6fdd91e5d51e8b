import { Box, Button, Flex, Link, LinkButton, Typography } from '@strapi/design-system';
import { ArrowLeft, Pencil } from '@strapi/icons';
import { Page, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { BASE, Frame } from '../components/Frame';
import { Message } from '../components/Message';
import { statusOf, type RecordEntry, type RecordResponse } from '../utils/api';
import { fileNameOf, saveBlob } from '../utils/download';

type State = { kind: 'loading' } | { kind: 'ready'; record: RecordResponse['data'] } | { kind: 'not-shared' } | { kind: 'failed' };

const back = (
  <Link tag={RouterLink} to={BASE} startIcon={<ArrowLeft />}>
    Zurück zur Liste
  </Link>
);

/**
 * One newcomer's record as far as it is shared with me: only the granted sections, labels and
 * coded values already in German from the server, free text as typed (with its language and
 * direction). The server answers 404 for "not shared" and "does not exist" alike, so the page
 * does not tell which.
 */
export function RecordPage() {
  const { ownerId = '' } = useParams();
  const { get } = useFetchClient();
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    setState({ kind: 'loading' });
    get<RecordResponse>(`/sharing/records/${encodeURIComponent(ownerId)}`, { signal: controller.signal })
      .then((response) => setState({ kind: 'ready', record: response.data.data }))
      .catch((error) => {
        if (controller.signal.aborted) return;
        const status = statusOf(error);
        setState({ kind: status === 404 || status === 403 ? 'not-shared' : 'failed' });
      });
    return () => controller.abort();
  }, [get, ownerId]);

  if (state.kind === 'loading') {
    return (
      <Frame title="Angaben" navigationAction={back}>
        <Page.Loading>Angaben werden geladen …</Page.Loading>
      </Frame>
    );
  }
  if (state.kind !== 'ready') {
    return (
      <Frame title="Angaben" navigationAction={back}>
        <Message role="alert">
          {state.kind === 'not-shared' ? 'Nicht freigegeben oder nicht vorhanden' : 'Die Angaben konnten nicht geladen werden.'}
        </Message>
      </Frame>
    );
  }

  const { owner, sections } = state.record;
  return (
    <Frame title={owner.name ?? 'Ohne Namen'} subtitle="Für Sie freigegebene Angaben" navigationAction={back}>
      <Flex direction="column" alignItems="stretch" gap={6}>
        {sections.length === 0 ? <Message role="status">Keine Angaben in den freigegebenen Bereichen.</Message> : null}
        {sections.map((section) => (
          <Box key={section.code} tag="section" aria-labelledby={`section-${section.code}`} background="neutral0" padding={6} shadow="tableShadow" hasRadius>
            <Typography tag="h2" variant="beta" id={`section-${section.code}`}>
              {section.label}
            </Typography>
            {section.entries.length === 0 ? (
              <Box paddingTop={4}>
                <Typography textColor="neutral600">Keine Einträge.</Typography>
              </Box>
            ) : (
              section.entries.map((entry) => <Entry key={entry.documentId} entry={entry} />)
            )}
          </Box>
        ))}
      </Flex>
    </Frame>
  );
}

function Entry({ entry }: { entry: RecordEntry }) {
  return (
    <Box paddingTop={5}>
      <Flex justifyContent="space-between" alignItems="center" gap={4} wrap="wrap" paddingBottom={3}>
        <Typography tag="h3" variant="delta">
          {entry.title}
        </Typography>
        <Flex gap={2}>
          {entry.download ? <DownloadButton path={entry.download} title={entry.title} /> : null}
          {entry.editUrl ? (
            <LinkButton tag={RouterLink} to={entry.editUrl} variant="secondary" startIcon={<Pencil />} aria-label={`Bearbeiten: ${entry.title}`}>
              Bearbeiten
            </LinkButton>
          ) : null}
        </Flex>
      </Flex>
      <dl style={{ display: 'grid', gridTemplateColumns: 'minmax(10rem, max-content) minmax(0, 40rem)', columnGap: '1.5rem', rowGap: '0.5rem', margin: 0 }}>
        {entry.fields.map((field, index) => (
          <Field key={`${field.label}-${index}`} {...field} />
        ))}
      </dl>
    </Box>
  );
}

function Field({ label, value, lang, dir }: RecordEntry['fields'][number]) {
  return (
    <>
      <dt>
        <Typography fontWeight="semiBold" textColor="neutral800">
          {label}
        </Typography>
      </dt>
      {/* Free text keeps the language and direction it was typed in (Arabic, Farsi …). */}
      <dd lang={lang} dir={dir} style={{ margin: 0, whiteSpace: 'pre-wrap', justifySelf: 'start' }}>
        <Typography textColor="neutral800">{value}</Typography>
      </dd>
    </>
  );
}

/** Fetches the file through the checked admin route with my session, as DownloadDocument does. */
function DownloadButton({ path, title }: { path: string; title: string }) {
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [busy, setBusy] = useState(false);

  async function download() {
    setBusy(true);
    try {
      const response = await get(path, { responseType: 'blob' });
      saveBlob(response.data, fileNameOf(response.headers, 'dokument'));
    } catch {
      toggleNotification({ type: 'danger', message: 'Die Datei ist nicht (mehr) freigegeben oder nicht vorhanden.' });
    } finally {
      setBusy(false);
    }
  }

  return (
    // The name says which file: several entries may each have this button. It begins with the visible text.
    <Button variant="secondary" loading={busy} onClick={download} aria-label={`Datei herunterladen: ${title}`}>
      Datei herunterladen
    </Button>
  );
}
