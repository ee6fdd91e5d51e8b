import { Field, SingleSelect, SingleSelectOption, Textarea } from '@strapi/design-system';
import { useMemo } from 'react';
import type { CatalogueEntry, Choice, PlanGoal, PlanMeasure } from '../../utils/api';
import { useText } from '../../utils/text';
import { useLabel } from './ChoiceSelect';
import type { ErrorOf } from './content';

const FREE = '__free__';

interface ItemTextProps {
  id: string;
  path: string;
  item: PlanGoal | PlanMeasure;
  entries: CatalogueEntry[];
  readOnly: boolean;
  errorOf: ErrorOf;
  onChange: (next: PlanGoal | PlanMeasure) => void;
}

/**
 * What a goal or measure says: a catalogue entry (which the newcomer reads in their own language)
 * or, with "free text", a description written here.
 */
export function ItemText({ id, path, item, entries, readOnly, errorOf, onChange }: ItemTextProps) {
  const t = useText();
  const label = useLabel();
  const options = useMemo(() => {
    const known: Choice[] = entries.map((entry) => ({ code: entry.key, label: entry.label }));
    // A key no longer in the catalogue stays visible (the server says it is unknown on saving).
    if (item.catalogueKey && !entries.some((entry) => entry.key === item.catalogueKey))
      known.push({ code: item.catalogueKey, label: { de: item.catalogueKey } });
    return [{ code: FREE, label: { de: t('plan.freeText') } }, ...known];
  }, [entries, item.catalogueKey, t]);
  return (
    <>
      <Field.Root
        name={`${path}.catalogueKey`}
        id={`${id}-catalogue`}
        error={errorOf(`${path}.catalogueKey`)}
      >
        <Field.Label>{t('plan.fromCatalogue')}</Field.Label>
        <SingleSelect
          value={item.catalogueKey ?? FREE}
          disabled={readOnly}
          onChange={(next: string | number) =>
            onChange({
              ...item,
              catalogueKey: next === FREE ? null : String(next),
              description: next === FREE ? item.description : '',
            })
          }
        >
          {options.map((option) => (
            <SingleSelectOption key={option.code} value={option.code}>
              {label(option.label)}
            </SingleSelectOption>
          ))}
        </SingleSelect>
        <Field.Error />
      </Field.Root>
      {item.catalogueKey ? null : (
        <Field.Root
          name={`${path}.description`}
          id={`${id}-description`}
          error={errorOf(`${path}.description`)}
          required
        >
          <Field.Label>{t('plan.description')}</Field.Label>
          <Textarea
            value={item.description ?? ''}
            disabled={readOnly}
            onChange={(e) => onChange({ ...item, description: e.target.value })}
          />
          <Field.Error />
        </Field.Root>
      )}
    </>
  );
}
