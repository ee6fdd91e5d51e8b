import { Button } from '@strapi/design-system';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useState } from 'react';
import { fileNameOf, saveBlob } from '../utils/download';
import { useText } from '../utils/text';

/**
 * A file fetched through a checked admin route with the staff member's session (access rule and
 * audit event on the server), then handed to the browser as a download; it never gets a public URL.
 * With a title, the button's name says which file: several entries may each have this button.
 */
export function DownloadButton({
  path,
  title,
  label,
  fullWidth,
}: {
  path: string;
  title?: string;
  /** The visible text, where "Datei herunterladen" says too little (e.g. "Plan als PDF herunterladen"). */
  label?: string;
  fullWidth?: boolean;
}) {
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const [busy, setBusy] = useState(false);
  const t = useText();

  async function download() {
    setBusy(true);
    try {
      const response = await get(path, { responseType: 'blob' });
      saveBlob(response.data, fileNameOf(response.headers, 'dokument'));
    } catch {
      toggleNotification({ type: 'danger', message: t('common.downloadFailed') });
    } finally {
      setBusy(false);
    }
  }

  return (
    // The name begins with the visible text.
    <Button
      variant="secondary"
      fullWidth={fullWidth}
      loading={busy}
      onClick={download}
      aria-label={title === undefined ? undefined : t('common.downloadNamed', { title })}
    >
      {label ?? t('common.download')}
    </Button>
  );
}
