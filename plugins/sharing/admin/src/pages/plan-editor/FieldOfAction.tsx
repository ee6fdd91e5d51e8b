import { Box, Field, Flex, Textarea, Typography } from '@strapi/design-system';
import type { CatalogueEntry } from '../../utils/api';
import { useText } from '../../utils/text';
import { useLabel } from './ChoiceSelect';
import { KINDS, type Editor, type ErrorOf, type FieldContent } from './content';
import { ItemList } from './ItemList';
import { RemoveButton } from './ui';

interface FieldOfActionProps {
  index: number;
  field: FieldContent;
  editor: Editor;
  catalogue: CatalogueEntry[];
  readOnly: boolean;
  errorOf: ErrorOf;
  onChange: (next: FieldContent) => void;
  onRemove: () => void;
}

/** One field of action: its situation, then its goals and its measures. */
export function FieldOfAction({
  index,
  field,
  editor,
  catalogue,
  readOnly,
  errorOf,
  onChange,
  onRemove,
}: FieldOfActionProps) {
  const t = useText();
  const label = useLabel();
  const choice = editor.choices.fieldsOfAction.find((c) => c.code === field.field);
  const name = choice ? label(choice.label) : field.field;
  const at = `fieldsOfAction.${index}`;
  const entries = (kind: 'goal' | 'measure') =>
    catalogue.filter((entry) => entry.field === field.field && entry.kind === kind);
  return (
    <Box
      tag="section"
      aria-labelledby={`field-${field.field}`}
      background="neutral0"
      padding={6}
      shadow="tableShadow"
      hasRadius
    >
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Flex justifyContent="space-between" alignItems="center" gap={4} wrap="wrap">
          <Typography tag="h2" variant="beta" id={`field-${field.field}`}>
            {t('plan.fieldOfAction')}: {name}
          </Typography>
          {readOnly ? null : (
            <RemoveButton label={t('plan.removeField', { field: name })} onClick={onRemove} />
          )}
        </Flex>
        <Field.Root
          name={`${at}.situation`}
          id={`${field.field}-situation`}
          error={errorOf(`${at}.situation`)}
        >
          <Field.Label>{t('plan.situation')}</Field.Label>
          <Textarea
            value={field.situation}
            disabled={readOnly}
            onChange={(e) => onChange({ ...field, situation: e.target.value })}
          />
          <Field.Error />
        </Field.Root>

        {KINDS.map((kind) => (
          <ItemList
            key={kind.list}
            kind={kind}
            field={field}
            name={name}
            at={at}
            entries={entries(kind.kind)}
            editor={editor}
            readOnly={readOnly}
            errorOf={errorOf}
            onChange={onChange}
          />
        ))}
      </Flex>
    </Box>
  );
}
