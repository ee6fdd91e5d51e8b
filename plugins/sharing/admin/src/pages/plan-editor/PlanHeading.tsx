import { Field, Flex, TextInput } from '@strapi/design-system';
import type { PlanContent } from '../../utils/api';
import { useText } from '../../utils/text';
import { ChoiceSelect } from './ChoiceSelect';
import type { Editor, ErrorOf, Update } from './content';
import { Card } from './ui';

interface PlanHeadingProps {
  content: PlanContent;
  editor: Editor;
  readOnly: boolean;
  errorOf: ErrorOf;
  update: Update;
}

/** The plan's title and the language its free texts are written in. */
export function PlanHeading({ content, editor, readOnly, errorOf, update }: PlanHeadingProps) {
  const t = useText();
  return (
    <Card>
      <Flex direction="column" alignItems="stretch" gap={4}>
        <Field.Root name="title" id="plan-title" error={errorOf('title')}>
          <Field.Label>{t('plan.planTitle')}</Field.Label>
          <TextInput
            value={content.title}
            disabled={readOnly}
            onChange={(e) => update((c) => ({ ...c, title: e.target.value }))}
          />
          <Field.Error />
        </Field.Root>
        <Field.Root name="textLanguage" id="plan-text-language" hint={t('plan.freeTextHint')}>
          <Field.Label>{t('plan.textLanguage')}</Field.Label>
          <ChoiceSelect
            value={content.textLanguage}
            choices={editor.choices.textLanguages}
            disabled={readOnly}
            onChange={(value) => update((c) => ({ ...c, textLanguage: value }))}
          />
          <Field.Hint />
        </Field.Root>
      </Flex>
    </Card>
  );
}
