import { DOCUMENT_KINDS, GOAL_STATUSES, LOCALES } from '@mobio/config';
import { describe, expect, it } from 'vitest';
import { t } from '../../i18n';
import { germanLine, offersGermanBeside, textIn } from '../german-beside';

describe('germanLine', () => {
  it('gives the German catalogue text of a key under a Persian or Arabic page', () => {
    expect(germanLine('fa', true)('dashboard.title')).toBe(t('de')('dashboard.title'));
    expect(germanLine('ar', true)('profile.title')).toBe(t('de')('profile.title'));
  });

  it('gives the de label of a reference list for a coded value', () => {
    expect(germanLine('fa', true)((l) => GOAL_STATUSES.label('open', l))).toBe(
      GOAL_STATUSES.label('open', 'de'),
    );
    expect(germanLine('fr', true)((l) => DOCUMENT_KINDS.label(DOCUMENT_KINDS.codes[0], l))).toBe(
      DOCUMENT_KINDS.label(DOCUMENT_KINDS.codes[0], 'de'),
    );
  });

  it('gives nothing when the switch is off', () => {
    for (const locale of LOCALES)
      expect(germanLine(locale, false)('dashboard.title')).toBeUndefined();
  });

  it('gives nothing on a German page, even with the switch on', () => {
    expect(germanLine('de', true)('dashboard.title')).toBeUndefined();
    expect(germanLine('de', true)((l) => GOAL_STATUSES.label('open', l))).toBeUndefined();
  });

  it('gives nothing when the German text reads the same as the page’s (a name, a code)', () => {
    expect(germanLine('en', true)(() => 'ISCO 2221')).toBeUndefined();
    // "Version" is the same word in English, French and German.
    expect(
      germanLine('fr', true)((l) => (l === 'fr' || l === 'de' ? 'Version' : 'x')),
    ).toBeUndefined();
  });
});

describe('offersGermanBeside', () => {
  it('offers the switch on every page but the German ones', () => {
    expect(LOCALES.filter(offersGermanBeside)).toEqual(LOCALES.filter((l) => l !== 'de'));
  });
});

describe('textIn', () => {
  it('reads a key from the locale’s catalogue and calls a function with the locale', () => {
    expect(textIn('ar', 'plan.title')).toBe(t('ar')('plan.title'));
    expect(textIn('fa', (l) => `<${l}>`)).toBe('<fa>');
  });
});
