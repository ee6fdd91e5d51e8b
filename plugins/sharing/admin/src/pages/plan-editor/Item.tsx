import { Field, Flex, TextInput } from '@strapi/design-system';
import type { CatalogueEntry, PlanGoal, PlanMeasure } from '../../utils/api';
import { useText } from '../../utils/text';
import { ChoiceSelect } from './ChoiceSelect';
import type { Editor, ErrorOf } from './content';
import { ItemText } from './ItemText';

interface ItemProps {
  id: string;
  path: string;
  item: PlanGoal | PlanMeasure;
  entries: CatalogueEntry[];
  editor: Editor;
  readOnly: boolean;
  errorOf: ErrorOf;
  onChange: (next: PlanGoal | PlanMeasure) => void;
}

/** One goal or measure: a catalogue entry or free text, due date, status (and for a measure, who). */
export function Item({ id, path, item, entries, editor, readOnly, errorOf, onChange }: ItemProps) {
  const t = useText();
  const measure = 'responsible' in item ? item : null;
  return (
    <>
      <ItemText
        id={id}
        path={path}
        item={item}
        entries={entries}
        readOnly={readOnly}
        errorOf={errorOf}
        onChange={onChange}
      />
      <Flex gap={4} alignItems="flex-start" wrap="wrap">
        {measure ? (
          <>
            <Field.Root
              name={`${path}.responsible`}
              id={`${id}-responsible`}
              error={errorOf(`${path}.responsible`)}
            >
              <Field.Label>{t('plan.responsible')}</Field.Label>
              <ChoiceSelect
                value={measure.responsible}
                choices={editor.choices.responsibles}
                disabled={readOnly}
                onChange={(value) => onChange({ ...measure, responsible: value })}
              />
              <Field.Error />
            </Field.Root>
            <Field.Root
              name={`${path}.responsibleName`}
              id={`${id}-responsible-name`}
              error={errorOf(`${path}.responsibleName`)}
            >
              <Field.Label>{t('plan.responsibleName')}</Field.Label>
              <TextInput
                value={measure.responsibleName ?? ''}
                disabled={readOnly}
                onChange={(e) => onChange({ ...measure, responsibleName: e.target.value })}
              />
              <Field.Error />
            </Field.Root>
          </>
        ) : null}
        <Field.Root name={`${path}.dueDate`} id={`${id}-due`} error={errorOf(`${path}.dueDate`)}>
          <Field.Label>{t('plan.due')}</Field.Label>
          <TextInput
            type="date"
            value={item.dueDate ?? ''}
            disabled={readOnly}
            onChange={(e) => onChange({ ...item, dueDate: e.target.value })}
          />
          <Field.Error />
        </Field.Root>
        <Field.Root name={`${path}.status`} id={`${id}-status`} error={errorOf(`${path}.status`)}>
          <Field.Label>{t('plan.goalStatus')}</Field.Label>
          <ChoiceSelect
            value={item.status}
            choices={editor.choices.goalStatuses}
            disabled={readOnly}
            onChange={(value) => onChange({ ...item, status: value })}
          />
          <Field.Error />
        </Field.Root>
      </Flex>
    </>
  );
}
