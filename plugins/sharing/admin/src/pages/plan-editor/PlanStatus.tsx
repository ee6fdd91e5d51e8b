import { Box, Flex, Typography } from '@strapi/design-system';
import { useFormat } from '../../utils/format';
import { useText } from '../../utils/text';
import { useLabel } from './ChoiceSelect';
import type { Editor } from './content';

/** Status, version, when proposed and accepted; shown, never edited. */
export function PlanStatus({ editor }: { editor: Editor }) {
  const t = useText();
  const format = useFormat();
  const label = useLabel();
  const plan = editor.plan!;
  const status = editor.choices.planStatuses.find((choice) => choice.code === plan.planStatus);
  return (
    <Box background="neutral0" padding={6} shadow="tableShadow" hasRadius aria-live="polite">
      <Flex direction="column" alignItems="flex-start" gap={2}>
        <Typography variant="delta" tag="p">
          {t('plan.status', { status: status ? label(status.label) : plan.planStatus })} ·{' '}
          {t('plan.version', { version: plan.version })}
        </Typography>
        {plan.proposedAt ? (
          <Typography>
            {t('plan.proposedOn', { date: format.dateTime(plan.proposedAt) })}
          </Typography>
        ) : null}
        <Typography>
          {plan.acceptedAt && plan.acceptedVersion
            ? t('plan.acceptedOn', {
                date: format.date(plan.acceptedAt),
                version: plan.acceptedVersion,
              })
            : t('plan.notAccepted')}
        </Typography>
        {plan.planStatus === 'draft' && plan.acceptedVersion ? (
          <Typography textColor="danger600">{t('plan.changedAfterAgreement')}</Typography>
        ) : null}
      </Flex>
    </Box>
  );
}
