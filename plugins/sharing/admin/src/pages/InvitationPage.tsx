import { Box, Button, Flex, Typography } from '@strapi/design-system';
import { useFetchClient } from '@strapi/strapi/admin';
import { useState } from 'react';
import { Frame } from '../components/Frame';
import { Message } from '../components/Message';
import type { Invitation } from '../utils/api';
import { useFormat } from '../utils/format';
import { useText } from '../utils/text';

/** The QR code as an image: the SVG from the server is never put into the page as markup. */
function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;base64,${btoa(unescape(encodeURIComponent(svg)))}`;
}

/**
 * "Einladungscode erstellen": a one-time code a newcomer enters (or scans) on the site to find me
 * and share records with me. Only a hash is stored on the server, so the code is shown once.
 */
export function InvitationPage() {
  const { post } = useFetchClient();
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const t = useText();
  const format = useFormat();

  async function create() {
    setBusy(true);
    setFailed(false);
    try {
      const response = await post<{ data: Invitation }>('/sharing/invitations');
      setInvitation(response.data.data);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Frame
      title={t('invitation.title')}
      subtitle={t('invitation.subtitle')}
      primaryAction={
        <Button onClick={create} loading={busy}>
          {invitation ? t('invitation.createAnother') : t('invitation.create')}
        </Button>
      }
    >
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Message>{t('invitation.explain')}</Message>
        {failed ? <Message role="alert">{t('invitation.failed')}</Message> : null}
        {invitation ? (
          <Box background="neutral0" padding={8} shadow="tableShadow" hasRadius aria-live="polite">
            <Flex gap={8} wrap="wrap" alignItems="center">
              <img
                src={svgDataUrl(invitation.qrSvg)}
                alt={t('invitation.qrAlt', { code: invitation.code })}
                width={200}
                height={200}
              />
              <Flex direction="column" alignItems="flex-start" gap={3}>
                <Typography variant="sigma" textColor="neutral600">
                  {t('invitation.code')}
                </Typography>
                <Typography
                  tag="p"
                  variant="alpha"
                  style={{ fontFamily: 'monospace', letterSpacing: '0.15em', fontSize: '2.5rem' }}
                >
                  {invitation.code}
                </Typography>
                <Typography>
                  {t('invitation.validUntil', { date: format.dateTime(invitation.expiresAt) })}
                </Typography>
                <Typography textColor="neutral600" style={{ wordBreak: 'break-all' }}>
                  {invitation.url}
                </Typography>
              </Flex>
            </Flex>
          </Box>
        ) : null}
      </Flex>
    </Frame>
  );
}
