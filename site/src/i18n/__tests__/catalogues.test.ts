import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDateTimeRange, formatNumber, t } from '..';

// The catalogues themselves (the `site` section of config/src/i18n/<code>.json) are checked with
// config's: config/src/__tests__/catalogues.test.ts.

describe('t', () => {
  it('returns the text of the locale', () => {
    expect(t('fr')('events.where')).toBe('Où');
  });

  it('fills {placeholders}, isolating text so its direction cannot mix with the sentence', () => {
    expect(t('ar')('landing.keep', { municipality: 'Landkreis X' })).toContain(
      '\u2068Landkreis X\u2069',
    );
  });

  it('throws when a placeholder has no value', () => {
    expect(() => t('de')('landing.keep')).toThrow(/municipality/);
  });
});

describe('formatting helpers', () => {
  const date = new Date('2030-03-05T17:00:00Z');

  it('formats a date in the locale and the district time zone', () => {
    expect(formatDateTime('de', date)).toBe('Dienstag, 5. März 2030 um 18:00');
    expect(formatDateTime('en', date)).toContain('Tuesday');
  });

  it('uses the Gregorian calendar also for Persian', () => {
    expect(formatDateTime('fa', date)).toContain('۲۰۳۰');
  });

  it('writes a period with the shared date once', () => {
    expect(formatDateTimeRange('de', date, new Date('2030-03-05T19:00:00Z'))).toBe(
      'Dienstag, 5. März 2030, 18:00–20:00 Uhr',
    );
  });

  it('uses the digits Intl gives for Arabic and Persian', () => {
    expect(formatNumber('ar', 1234)).toBe(new Intl.NumberFormat('ar').format(1234));
    expect(formatNumber('fa', 12)).toBe('۱۲');
  });
});
