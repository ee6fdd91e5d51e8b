import { Field, Textarea } from '@strapi/design-system';
import { useText } from '../../utils/text';
import type { ErrorOf, Update } from './content';
import { Card } from './ui';

/** The plan's notes, one free text. */
export function Notes({
  notes,
  readOnly,
  errorOf,
  update,
}: {
  notes: string;
  readOnly: boolean;
  errorOf: ErrorOf;
  update: Update;
}) {
  const t = useText();
  return (
    <Card>
      <Field.Root name="notes" id="plan-notes" error={errorOf('notes')}>
        <Field.Label>{t('plan.notes')}</Field.Label>
        <Textarea
          value={notes}
          disabled={readOnly}
          onChange={(e) => update((c) => ({ ...c, notes: e.target.value }))}
        />
        <Field.Error />
      </Field.Root>
    </Card>
  );
}
