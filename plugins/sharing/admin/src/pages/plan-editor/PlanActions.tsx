import { Button, Flex } from '@strapi/design-system';
import { useText } from '../../utils/text';
import type { Editor } from './content';

interface PlanActionsProps {
  editor: Editor;
  busy: boolean;
  dirty: boolean;
  onSave: () => void;
  onPropose: () => void;
}

/** Save (only with unsaved changes) and propose to the newcomer (unsaved changes or a draft). */
export function PlanActions({ editor, busy, dirty, onSave, onPropose }: PlanActionsProps) {
  const t = useText();
  return (
    <Flex gap={2}>
      <Button variant="secondary" onClick={onSave} loading={busy} disabled={!dirty}>
        {t('plan.save')}
      </Button>
      <Button
        onClick={onPropose}
        loading={busy}
        disabled={!dirty && editor.plan?.planStatus !== 'draft'}
      >
        {t('plan.propose')}
      </Button>
    </Flex>
  );
}
