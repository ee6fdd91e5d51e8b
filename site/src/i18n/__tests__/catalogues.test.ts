import { describe, expect, it } from 'vitest';
import { CONFIG_CATALOGUES } from '@mobio/config';
import { formatDateTime, formatDateTimeRange, formatFileSize, formatNumber, t } from '..';
import { LOG_ACTIONS } from '../../lib/sharing';

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

describe('formatFileSize', () => {
  it('gives sizes under a megabyte in kB, in the locale’s digits, and larger ones in MB', () => {
    expect(formatFileSize('de', 600)).toBe('0,6 kB');
    expect(formatFileSize('en', 300 * 1024)).toBe('300 kB');
    expect(formatFileSize('fa', 600)).toMatch(/^۰٫۶ /);
    expect(formatFileSize('fa', 600)).not.toMatch(/MB|مگابایت/);
    expect(formatFileSize('de', 2.5 * 1024 * 1024)).toBe('2,5 MB');
  });
});

describe('the access log’s actions', () => {
  it('names every action the catalogues have a text for, so none is shown as "other action"', () => {
    const texts = Object.keys(CONFIG_CATALOGUES.de.site)
      .filter((key) => key.startsWith('log.action.') && key !== 'log.action.other')
      .map((key) => key.slice('log.action.'.length));
    expect([...LOG_ACTIONS].sort()).toEqual(texts.sort());
  });
});

describe('the invitation code example', () => {
  it('has the shape of a real code (three groups of five) in every language', () => {
    for (const catalogue of Object.values(CONFIG_CATALOGUES)) {
      expect(catalogue.site['grant.codeHint']).toContain('XXXXX-XXXXX-XXXXX');
      expect(catalogue.site['error.invitationCodeMissing']).toContain('XXXXX-XXXXX-XXXXX');
    }
  });
});
