import { Button, Flex, Typography } from '@strapi/design-system';
import { useText } from '../../utils/text';
import type { Editor } from './content';

interface PlanActionsProps {
  editor: Editor;
  busy: boolean;
  dirty: boolean;
  onSave: () => void;
  onPropose: () => void;
}

/**
 * Save (only with unsaved changes) and propose to the newcomer (unsaved changes or a draft), with a
 * line saying why a button cannot be used: everything is saved, or the version is with the person.
 */
export function PlanActions({ editor, busy, dirty, onSave, onPropose }: PlanActionsProps) {
  const t = useText();
  const status = editor.plan?.planStatus;
  const state = dirty
    ? t('plan.state.unsaved')
    : status === 'proposed'
      ? t('plan.state.proposed', { version: editor.plan!.version })
      : status === 'accepted'
        ? t('plan.state.accepted', { version: editor.plan!.version })
        : t('plan.state.saved');
  return (
    <Flex gap={2} alignItems="center">
      <Typography variant="pi" textColor="neutral600" aria-live="polite">
        {state}
      </Typography>
      <Button variant="secondary" onClick={onSave} loading={busy} disabled={!dirty}>
        {t('plan.save')}
      </Button>
      <Button onClick={onPropose} loading={busy} disabled={!dirty && status !== 'draft'}>
        {t('plan.propose')}
      </Button>
    </Flex>
  );
}
