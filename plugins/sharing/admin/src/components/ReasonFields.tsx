import { Field, SingleSelect, SingleSelectOption, Textarea } from '@strapi/design-system';
import { useText } from '../utils/text';

/** A reason from the list (the newcomer reads it in their language) and the staff member's own words. */
export interface Reason {
  reason: string;
  note: string;
}
export const NO_REASON: Reason = { reason: '', note: '' };
/** Whether the reason may be sent: one chosen, and own words of 5 characters or more for "other". */
export const reasonGiven = ({ reason, note }: Reason) =>
  reason !== '' && (reason !== 'other' || note.trim().length >= 5);

export function ReasonFields({
  id,
  value,
  choices,
  onChange,
}: {
  id: string;
  value: Reason;
  choices: Array<{ code: string; label: string }>;
  onChange: (value: Reason) => void;
}) {
  const t = useText();
  return (
    <>
      <Field.Root name="reason" id={`${id}-reason`} hint={t('accounts.reasonHint')} required>
        <Field.Label>{t('accounts.reason')}</Field.Label>
        <SingleSelect
          value={value.reason}
          placeholder={t('accounts.reasonPick')}
          onChange={(next: string | number) => onChange({ ...value, reason: String(next) })}
        >
          {choices.map((choice) => (
            <SingleSelectOption key={choice.code} value={choice.code}>
              {choice.label}
            </SingleSelectOption>
          ))}
        </SingleSelect>
        <Field.Hint />
      </Field.Root>
      <Field.Root
        name="note"
        id={`${id}-note`}
        hint={t('accounts.noteHint')}
        required={value.reason === 'other'}
      >
        <Field.Label>{t('accounts.note')}</Field.Label>
        <Textarea
          value={value.note}
          onChange={(event) => onChange({ ...value, note: event.target.value })}
        />
        <Field.Hint />
      </Field.Root>
    </>
  );
}
