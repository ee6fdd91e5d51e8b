import { unstable_useContentManagerContext as useContentManagerContext } from '@strapi/strapi/admin';
import { DownloadButton } from './DownloadButton';

/** "Datei herunterladen" on a document record in the Content Manager. */
export function DownloadDocument() {
  const { model, id } = useContentManagerContext();
  if (model !== 'api::document.document' || !id || id === 'create') return null;
  return <DownloadButton path={`/sharing/documents/${id}/file`} fullWidth />;
}
