import { useMemo } from 'react';
import { useIntl } from 'react-intl';

function valid(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const value = new Date(iso);
  return Number.isNaN(value.getTime()) ? null : value;
}

/** Dates the way the staff member's admin language writes them ("24.11.2026" in German), a dash when there is none. */
export function useFormat() {
  const { locale } = useIntl();
  return useMemo(() => {
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    // Periods are calendar months without a time zone: format them in UTC so no month shifts.
    const month = new Intl.DateTimeFormat(locale, {
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    const number = new Intl.NumberFormat(locale);
    return {
      date: (iso: string | null | undefined) => {
        const value = valid(iso);
        return value ? date.format(value) : '–';
      },
      /** Date with time, for changes and expiries. */
      dateTime: (iso: string | null | undefined) => {
        const value = valid(iso);
        return value ? dateTime.format(value) : '–';
      },
      /** "November 2026" for a period "2026-11". */
      month: (period: string) => {
        const [year, monthNumber] = period.split('-').map(Number);
        if (!year || !monthNumber) return period;
        return month.format(new Date(Date.UTC(year, monthNumber - 1, 1)));
      },
      number: (value: number) => number.format(value),
    };
  }, [locale]);
}

/** "YYYY-MM" of a date, `offset` months away. */
export function monthOf(now: Date, offset = 0): string {
  const shifted = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
  return `${shifted.getUTCFullYear()}-${String(shifted.getUTCMonth() + 1).padStart(2, '0')}`;
}
