/** The admin panel speaks German: every date is shown the German way. */

const date = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium' });
const dateTime = new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short' });
// Periods are calendar months without a time zone: format them in UTC so no month shifts.
const month = new Intl.DateTimeFormat('de-DE', { month: 'long', year: 'numeric', timeZone: 'UTC' });

function valid(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const value = new Date(iso);
  return Number.isNaN(value.getTime()) ? null : value;
}

/** "24.11.2026" style date, or a dash when there is none. */
export function formatDate(iso: string | null | undefined): string {
  const value = valid(iso);
  return value ? date.format(value) : '–';
}

/** Date with time, for changes and expiries. */
export function formatDateTime(iso: string | null | undefined): string {
  const value = valid(iso);
  return value ? dateTime.format(value) : '–';
}

/** "November 2026" for a period "2026-11". */
export function formatMonth(period: string): string {
  const [year, monthNumber] = period.split('-').map(Number);
  if (!year || !monthNumber) return period;
  return month.format(new Date(Date.UTC(year, monthNumber - 1, 1)));
}

/** "YYYY-MM" of a date, `offset` months away. */
export function monthOf(now: Date, offset = 0): string {
  const shifted = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1));
  return `${shifted.getUTCFullYear()}-${String(shifted.getUTCMonth() + 1).padStart(2, '0')}`;
}
