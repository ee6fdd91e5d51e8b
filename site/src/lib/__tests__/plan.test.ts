import { describe, expect, it } from 'vitest';
import { formatDate } from '../../i18n';
import {
  type CatalogueLabels,
  dayOf,
  itemText,
  type Plan,
  planFailureOf,
  visiblePlan,
} from '../plan';

const plan = (documentId: string, planStatus: Plan['planStatus']): Plan => ({
  documentId,
  title: 'Integrationsplan',
  version: 1,
  planStatus,
  fieldsOfAction: [],
  reviews: [],
  notes: null,
  proposedAt: null,
  acceptedAt: null,
  acceptedVersion: null,
  textLanguage: undefined,
});

describe('visiblePlan', () => {
  it('shows the most recently changed plan that is not a draft', () => {
    expect(
      visiblePlan([plan('a', 'draft'), plan('b', 'accepted'), plan('c', 'proposed')])?.documentId,
    ).toBe('b');
  });

  it('shows nothing when there are only drafts, or no plans at all', () => {
    expect(visiblePlan([plan('a', 'draft'), plan('b', 'draft')])).toBeUndefined();
    expect(visiblePlan([])).toBeUndefined();
  });
});

describe('planFailureOf', () => {
  const versionError = {
    error: {
      status: 400,
      message: 'error.planVersion',
      details: { errors: [{ path: ['version'], message: 'error.planVersion' }] },
    },
  };

  it('says the plan changed meanwhile when the CMS refuses the version', () => {
    expect(planFailureOf(400, versionError)).toEqual({
      key: 'plan.error.changed',
      fields: {},
      status: 400,
    });
  });

  it('does not take a version message of another status for a changed plan', () => {
    expect(planFailureOf(404, versionError).key).not.toBe('plan.error.changed');
  });

  it('says the plan was not found for a plan of someone else (404)', () => {
    expect(planFailureOf(404, { error: { status: 404, message: 'error.notFound' } })).toMatchObject(
      { key: 'error.notFound', status: 404 },
    );
  });

  it('never passes unknown CMS text on', () => {
    expect(planFailureOf(400, { error: { message: 'SQLITE_BUSY: database is locked' } }).key).toBe(
      'error.unexpected',
    );
    expect(planFailureOf(502, 'Bad gateway').key).toBe('auth.cmsUnavailable');
    expect(planFailureOf(401, {}).key).toBe('error.sessionExpired');
  });
});

describe('dayOf', () => {
  it('keeps the calendar day of a date-only value in every locale', () => {
    expect(formatDate('de', dayOf('2027-06-30'))).toBe('30. Juni 2027');
    expect(formatDate('de', dayOf('2027-01-01'))).toBe('1. Januar 2027');
  });
});

describe('itemText', () => {
  const catalogue: CatalogueLabels = new Map([
    [
      'language.goal.b1-certificate',
      {
        de: 'B1-Zertifikat erwerben',
        en: 'Obtain the B1 certificate',
        ar: 'الحصول على شهادة B1',
        fa: 'کسب مدرک B1',
        fr: 'Obtenir le certificat B1',
        uk: 'Отримати сертифікат B1',
      },
    ],
    [
      'work.goal.pflege',
      {
        de: 'In der Pflege arbeiten',
        en: 'Work in nursing',
        ar: null,
        fa: null,
        fr: null,
        uk: null,
      },
    ],
  ]);

  it('gives a catalogue entry in the reader’s language', () => {
    expect(itemText({ catalogueKey: 'language.goal.b1-certificate' }, catalogue, 'fa')).toEqual({
      kind: 'catalogue',
      text: 'کسب مدرک B1',
      lang: 'fa',
      untranslated: false,
    });
  });

  it('gives an entry nobody translated yet in German, marked untranslated', () => {
    expect(itemText({ catalogueKey: 'work.goal.pflege' }, catalogue, 'ar')).toEqual({
      kind: 'catalogue',
      text: 'In der Pflege arbeiten',
      lang: 'de',
      untranslated: true,
    });
    expect(itemText({ catalogueKey: 'work.goal.pflege' }, catalogue, 'en')).toMatchObject({
      text: 'Work in nursing',
      untranslated: false,
    });
  });

  it('gives free text as written, and an unknown key as what is stored', () => {
    expect(itemText({ description: 'B2 bestehen' }, catalogue, 'ar')).toEqual({
      kind: 'free',
      text: 'B2 bestehen',
    });
    expect(
      itemText({ catalogueKey: 'language.goal.gone', description: null }, catalogue, 'ar'),
    ).toEqual({ kind: 'free', text: 'language.goal.gone' });
  });
});
