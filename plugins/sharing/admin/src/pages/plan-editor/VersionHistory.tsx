import { Typography } from '@strapi/design-system';
import { TextTable } from '../../components/TextTable';
import { useFormat } from '../../utils/format';
import { useText } from '../../utils/text';
import type { Editor } from './content';
import { Card } from './ui';

/** The proposed versions: when each was proposed and when accepted. */
export function VersionHistory({ versions }: { versions: Editor['versions'] }) {
  const t = useText();
  const format = useFormat();
  return (
    <Card>
      <Typography tag="h2" variant="beta">
        {t('plan.history')}
      </Typography>
      {versions.length === 0 ? (
        <Typography textColor="neutral600">{t('plan.historyEmpty')}</Typography>
      ) : (
        <TextTable
          headings={[
            t('plan.historyVersion'),
            t('plan.historyProposed'),
            t('plan.historyAccepted'),
          ]}
          rows={versions.map((version) => ({
            key: version.version,
            cells: [
              version.version,
              format.dateTime(version.proposedAt),
              format.dateTime(version.acceptedAt),
            ],
          }))}
        />
      )}
    </Card>
  );
}
