import { Button } from '@strapi/design-system';
import { Download } from '@strapi/icons';
import { useFetchClient, useNotification } from '@strapi/strapi/admin';
import { useState } from 'react';
import { statusOf } from '../../utils/api';
import { saveBlob } from '../../utils/download';
import { useText } from '../../utils/text';
import type { Range } from './RangeForm';

/** Downloads the counts of `range` as CSV from `url`, named for the range. */
export function CsvButton({ url, range }: { url: string; range: Range }) {
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const t = useText();
  const [downloading, setDownloading] = useState(false);

  async function download() {
    setDownloading(true);
    try {
      const response = await get(url, { responseType: 'blob' });
      saveBlob(response.data, `mobio-statistik-${range.from}-bis-${range.to}.csv`);
    } catch (error) {
      toggleNotification({
        type: 'danger',
        message: statusOf(error) === 403 ? t('common.noPermission') : t('statistics.csvFailed'),
      });
    } finally {
      setDownloading(false);
    }
  }

  return (
    <Button variant="secondary" startIcon={<Download />} loading={downloading} onClick={download}>
      {t('statistics.csv')}
    </Button>
  );
}
