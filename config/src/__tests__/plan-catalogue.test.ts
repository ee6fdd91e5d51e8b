import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { LOCALES } from '../locales';
import {
  CATALOGUE_KEY_MAX,
  CATALOGUE_KEY_PATTERN,
  PLAN_CATALOGUE,
  PLAN_ITEM_KINDS,
  catalogueEntry,
  catalogueLabel,
} from '../plan-catalogue';
import { FIELDS_OF_ACTION } from '../reference';

const ARABIC_SCRIPT = /[\u0600-\u06FF]/;

describe('PLAN_CATALOGUE', () => {
  it('has about 160 entries, each with a non-empty label in every locale', () => {
    expect(PLAN_CATALOGUE.length).toBeGreaterThanOrEqual(150);
    for (const entry of PLAN_CATALOGUE) {
      expect(Object.keys(entry.label).sort(), entry.key).toEqual([...LOCALES].sort());
      for (const locale of LOCALES)
        expect(entry.label[locale].trim(), `${entry.key} ${locale}`).not.toBe('');
    }
  });

  it('has unique, readable keys that name their field and kind', () => {
    const keys = PLAN_CATALOGUE.map((entry) => entry.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const entry of PLAN_CATALOGUE) {
      expect(entry.key.length).toBeLessThanOrEqual(CATALOGUE_KEY_MAX);
      const match = CATALOGUE_KEY_PATTERN.exec(entry.key);
      expect(match, entry.key).not.toBeNull();
      expect([match![1], match![2]]).toEqual([entry.field, entry.kind]);
    }
  });

  it('has at least 8 goals and 8 measures for every field of action', () => {
    for (const field of FIELDS_OF_ACTION.codes) {
      for (const kind of PLAN_ITEM_KINDS) {
        expect(
          PLAN_CATALOGUE.filter((entry) => entry.field === field && entry.kind === kind).length,
          `${field} ${kind}`,
        ).toBeGreaterThanOrEqual(8);
      }
    }
  });

  it('uses only the field codes of the CMS enumeration', () => {
    const schema = JSON.parse(
      readFileSync(
        new URL('../../../cms/src/components/plan/field-of-action.json', import.meta.url),
        'utf8',
      ),
    );
    const codes = new Set<string>(schema.attributes.field.enum);
    for (const entry of PLAN_CATALOGUE) expect(codes.has(entry.field), entry.key).toBe(true);
  });

  it('writes Arabic and Persian in Arabic script, never as a copy of the German', () => {
    for (const entry of PLAN_CATALOGUE) {
      for (const locale of ['ar', 'fa'] as const) {
        expect(entry.label[locale], `${entry.key} ${locale}`).toMatch(ARABIC_SCRIPT);
        expect(entry.label[locale], `${entry.key} ${locale}`).not.toBe(entry.label.de);
      }
      // English and French are translations too, not the German left in place.
      expect(entry.label.en, entry.key).not.toBe(entry.label.de);
      expect(entry.label.fr, entry.key).not.toBe(entry.label.de);
    }
  });

  it('writes Ukrainian in Cyrillic, with the Ukrainian apostrophe and without Russian letters', () => {
    for (const entry of PLAN_CATALOGUE) {
      expect(entry.label.uk, entry.key).toMatch(/[А-ЩЬЮЯЄІЇҐа-щьюяєіїґ]/);
      expect(entry.label.uk, entry.key).not.toMatch(/[ЁЫЭЪёыэъ']/);
    }
  });

  it('writes Persian with its own letters, not Arabic ones (ی and ک)', () => {
    for (const entry of PLAN_CATALOGUE) expect(entry.label.fa, entry.key).not.toMatch(/[يك]/);
  });

  it('finds an entry and its label by key', () => {
    expect(catalogueEntry('language.goal.b1-certificate')).toMatchObject({
      field: 'language',
      kind: 'goal',
    });
    expect(catalogueLabel('language.goal.b1-certificate', 'de')).toContain('B1');
    expect(catalogueEntry('language.goal.nothing-like-this')).toBeUndefined();
  });
});
