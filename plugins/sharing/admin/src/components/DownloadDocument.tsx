import { Button } from '@strapi/design-system';
import { useFetchClient, useNotification, unstable_useContentManagerContext as useContentManagerContext } from '@strapi/strapi/admin';
import { useState } from 'react';

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
  if (model !== 'api::document.document' || !id || id === 'create') return null;

  async function download() {
    setBusy(true);
    try {
      const response = await get(`/sharing/documents/${id}/file`, { responseType: 'blob' } as never);
      const blob = response.data as unknown as Blob;
      const disposition = (response as unknown as { headers?: Headers }).headers?.get?.('content-disposition') ?? '';
      const name = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1] ?? 'dokument');
      const url = URL.createObjectURL(blob);
      const link = Object.assign(document.createElement('a'), { href: url, download: name });
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch {
      toggleNotification({ type: 'danger', message: 'Die Datei ist nicht (mehr) freigegeben oder nicht vorhanden.' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Button variant="secondary" fullWidth loading={busy} onClick={download}>
      Datei herunterladen
    </Button>
  );
}
