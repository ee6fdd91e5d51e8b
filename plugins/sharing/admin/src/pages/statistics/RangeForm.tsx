import { Box, Button, Field, Flex, TextInput } from '@strapi/design-system';
import { useState, type FormEvent } from 'react';
import { useText } from '../../utils/text';

/** A month range: from and to as "YYYY-MM", from first. */
export interface Range {
  from: string;
  to: string;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
// The server answers at most 36 months at a time.
const MAX_MONTHS = 36;

function monthsBetween(from: string, to: string): number {
  return (
    (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 +
    Number(to.slice(5)) -
    Number(from.slice(5)) +
    1
  );
}

/** The months to count ("Von", "Bis"); shows `initial`, calls `onShow` with a valid range only. */
export function RangeForm({ initial, onShow }: { initial: Range; onShow: (range: Range) => void }) {
  const t = useText();
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const invalid =
    !MONTH.test(from) || !MONTH.test(to) || from > to || monthsBetween(from, to) > MAX_MONTHS;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!invalid) onShow({ from, to });
  }

  return (
    <Box tag="form" onSubmit={submit}>
      <Flex gap={4} alignItems="flex-end" wrap="wrap">
        <Field.Root
          name="from"
          id="statistics-from"
          error={invalid ? t('statistics.rangeInvalid') : undefined}
        >
          <Field.Label>{t('statistics.from')}</Field.Label>
          <TextInput type="month" value={from} onChange={(event) => setFrom(event.target.value)} />
          <Field.Error />
        </Field.Root>
        <Field.Root name="to" id="statistics-to">
          <Field.Label>{t('statistics.to')}</Field.Label>
          <TextInput type="month" value={to} onChange={(event) => setTo(event.target.value)} />
        </Field.Root>
        <Button type="submit" variant="secondary" size="L" disabled={invalid}>
          {t('statistics.show')}
        </Button>
      </Flex>
    </Box>
  );
}
