import { Button, Field, Flex } from '@strapi/design-system';
import { Plus } from '@strapi/icons';
import { useState } from 'react';
import type { Choice } from '../../utils/api';
import { useText } from '../../utils/text';
import { ChoiceSelect } from './ChoiceSelect';
import { Card } from './ui';

/** Adds a field of action not yet in the plan; nothing when all are. */
export function AddField({ choices, onAdd }: { choices: Choice[]; onAdd: (code: string) => void }) {
  const t = useText();
  const [code, setCode] = useState('');
  if (choices.length === 0) return null;
  return (
    <Card>
      <Flex gap={2} alignItems="flex-end" wrap="wrap">
        <Field.Root name="addField" id="plan-add-field">
          <Field.Label>{t('plan.addField')}</Field.Label>
          <ChoiceSelect value={code} choices={choices} onChange={setCode} />
        </Field.Root>
        <Button
          variant="secondary"
          size="L"
          startIcon={<Plus />}
          disabled={!code}
          onClick={() => {
            onAdd(code);
            setCode('');
          }}
        >
          {t('plan.addFieldButton')}
        </Button>
      </Flex>
    </Card>
  );
}
