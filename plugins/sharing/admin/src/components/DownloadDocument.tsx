import { Button } from '@strapi/design-system';
import { useFetchClient, useNotification, unstable_useContentManagerContext as useContentManagerContext } from '@strapi/strapi/admin';
import { useState } from 'react';
import { fileNameOf, saveBlob } from '../utils/download';
import { useText } from '../utils/text';

/**
 * "Datei herunterladen" on a document record. The file comes through the checked admin route with
 * the staff member's session (access rule and audit event on the server), then is handed to the
 * browser as a download; it never gets a public URL.
 */
export function DownloadDocument() {
  const { model, id } = useContentManagerContext();
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [busy, setBusy] = useState(false);
  const t = useText();
  if (model !== 'api::document.document' || !id || id === 'create') return null;

  async function download() {
    setBusy(true);
    try {
      const response = await get(`/sharing/documents/${id}/file`, { responseType: 'blob' });
      saveBlob(response.data, fileNameOf(response.headers, 'dokument'));
    } catch {
      toggleNotification({ type: 'danger', message: t('common.downloadFailed') });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Button variant="secondary" fullWidth loading={busy} onClick={download}>
      {t('common.download')}
    </Button>
  );
}
