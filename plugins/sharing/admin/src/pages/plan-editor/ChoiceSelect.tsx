import { SingleSelect, SingleSelectOption } from '@strapi/design-system';
import { useIntl } from 'react-intl';
import type { Choice } from '../../utils/api';

/** A label in the admin language, German when the list has none in it. */
export function useLabel() {
  const { locale } = useIntl();
  return (label: Record<string, string | null | undefined>) => label[locale] ?? label.de ?? '';
}

/** A select of the server's choices (fields of action, statuses, languages…), labelled in the admin language. */
export function ChoiceSelect({
  value,
  choices,
  disabled,
  onChange,
}: {
  value: string;
  choices: Choice[];
  disabled?: boolean;
  onChange: (value: string) => void;
}) {
  const label = useLabel();
  return (
    <SingleSelect
      value={value}
      disabled={disabled}
      onChange={(next: string | number) => onChange(String(next))}
    >
      {choices.map((choice) => (
        <SingleSelectOption key={choice.code} value={choice.code}>
          {label(choice.label)}
        </SingleSelectOption>
      ))}
    </SingleSelect>
  );
}
