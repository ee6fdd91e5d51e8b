import { Typography } from '@strapi/design-system';
import type { CatalogueEntry, PlanGoal, PlanMeasure } from '../../utils/api';
import { useText } from '../../utils/text';
import {
  KINDS,
  removeAt,
  replaceAt,
  type Editor,
  type ErrorOf,
  type FieldContent,
} from './content';
import { Item } from './Item';
import { AddButton, Fieldset, RemoveButton } from './ui';

interface ItemListProps {
  kind: (typeof KINDS)[number];
  field: FieldContent;
  name: string;
  at: string;
  entries: CatalogueEntry[];
  editor: Editor;
  readOnly: boolean;
  errorOf: ErrorOf;
  onChange: (next: FieldContent) => void;
}

/** The goals or the measures of one field of action: each in its own group, with add and remove. */
export function ItemList({
  kind,
  field,
  name,
  at,
  entries,
  editor,
  readOnly,
  errorOf,
  onChange,
}: ItemListProps) {
  const t = useText();
  const items: Array<PlanGoal | PlanMeasure> = field[kind.list];
  const set = (next: Array<PlanGoal | PlanMeasure>) =>
    onChange({ ...field, [kind.list]: next } as FieldContent);
  return (
    <>
      <Typography tag="h3" variant="delta">
        {t(kind.heading)}
      </Typography>
      {items.map((item, index) => {
        const label = t(kind.item, { number: index + 1 });
        return (
          <Fieldset key={index} legend={`${label} · ${name}`}>
            <Item
              id={`${field.field}-${kind.kind}-${index}`}
              path={`${at}.${kind.list}.${index}`}
              item={item}
              entries={entries}
              editor={editor}
              readOnly={readOnly}
              errorOf={errorOf}
              onChange={(next) => set(replaceAt(items, index, next))}
            />
            {readOnly ? null : (
              <RemoveButton
                label={t('plan.removeNamed', { item: `${label} (${name})` })}
                onClick={() => set(removeAt(items, index))}
              />
            )}
          </Fieldset>
        );
      })}
      {readOnly ? null : (
        <AddButton onClick={() => set([...items, kind.empty()])}>{t(kind.add)}</AddButton>
      )}
    </>
  );
}
