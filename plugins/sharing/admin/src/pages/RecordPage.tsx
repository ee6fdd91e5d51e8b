import { Box, Flex, Link, Typography } from '@strapi/design-system';
import { ArrowLeft } from '@strapi/icons';
import { Page, useFetchClient } from '@strapi/strapi/admin';
import { useEffect, useState } from 'react';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { DownloadButton } from '../components/DownloadButton';
import { Fact, Facts } from '../components/Facts';
import { BASE, Frame } from '../components/Frame';
import { Message } from '../components/Message';
import { RecordGrants } from './RecordGrants';
import { statusOf, type RecordEntry, type RecordResponse } from '../utils/api';
import { useText } from '../utils/text';

type State =
  | { kind: 'loading' }
  | { kind: 'ready'; record: RecordResponse['data'] }
  | { kind: 'not-shared' }
  | { kind: 'failed' };

function Back() {
  const t = useText();
  return (
    <Link tag={RouterLink} to={BASE} startIcon={<ArrowLeft />}>
      {t('record.back')}
    </Link>
  );
}

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
  const t = useText();

  useEffect(() => {
    const controller = new AbortController();
    setState({ kind: 'loading' });
    get<RecordResponse>(`/sharing/records/${encodeURIComponent(ownerId)}`, {
      signal: controller.signal,
    })
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
      <Frame title={t('record.title')} navigationAction={<Back />}>
        <Page.Loading>{t('record.loading')}</Page.Loading>
      </Frame>
    );
  }
  if (state.kind !== 'ready') {
    return (
      <Frame title={t('record.title')} navigationAction={<Back />}>
        <Message role="alert">
          {t(state.kind === 'not-shared' ? 'record.notShared' : 'record.failed')}
        </Message>
      </Frame>
    );
  }

  const { owner, sections } = state.record;
  return (
    <Frame
      title={owner.name ?? t('common.noName')}
      subtitle={t('record.subtitle')}
      navigationAction={<Back />}
    >
      <Flex direction="column" alignItems="stretch" gap={6}>
        <RecordGrants ownerId={ownerId} record={state.record} />
        {sections.length === 0 ? <Message role="status">{t('record.noSections')}</Message> : null}
        {sections.map((section) => (
          <Box
            key={section.code}
            tag="section"
            aria-labelledby={`section-${section.code}`}
            background="neutral0"
            padding={6}
            shadow="tableShadow"
            hasRadius
          >
            <Flex justifyContent="space-between" alignItems="center" gap={4} wrap="wrap">
              <Typography tag="h2" variant="beta" id={`section-${section.code}`}>
                {section.label}
              </Typography>
            </Flex>
            {section.entries.length === 0 ? (
              <Box paddingTop={4}>
                <Typography textColor="neutral600">{t('record.noEntries')}</Typography>
              </Box>
            ) : (
              section.entries.map((entry) => (
                <Entry
                  key={entry.documentId}
                  entry={entry}
                  downloadLabel={section.code === 'plans' ? t('plan.pdf') : undefined}
                />
              ))
            )}
          </Box>
        ))}
      </Flex>
    </Frame>
  );
}

/** One entry of a section; `downloadLabel` names its download where "Datei herunterladen" says too little. */
function Entry({ entry, downloadLabel }: { entry: RecordEntry; downloadLabel?: string }) {
  return (
    <Box paddingTop={5}>
      <Flex
        justifyContent="space-between"
        alignItems="center"
        gap={4}
        wrap="wrap"
        paddingBottom={3}
      >
        <Typography tag="h3" variant="delta">
          {entry.title}
        </Typography>
        {entry.download ? (
          <DownloadButton path={entry.download} title={entry.title} label={downloadLabel} />
        ) : null}
      </Flex>
      <Facts>
        {entry.fields.map((field, index) => (
          <Fact key={`${field.label}-${index}`} {...field} />
        ))}
      </Facts>
    </Box>
  );
}
