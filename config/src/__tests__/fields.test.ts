import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_FIELD_DEFS,
  EDUCATION_ENTRY_FIELD_DEFS,
  EMPLOYMENT_ENTRY_FIELD_DEFS,
  type FieldDef,
  LANGUAGE_SKILL_FIELD_DEFS,
  PROFILE_FIELD_DEFS,
} from '../fields';
import { LOCALES } from '../locales';

/** Each record's field list beside the CMS content type that stores it. */
const RECORDS: Array<[string, FieldDef[]]> = [
  ['profile', PROFILE_FIELD_DEFS],
  ['language-skill', LANGUAGE_SKILL_FIELD_DEFS],
  ['education-entry', EDUCATION_ENTRY_FIELD_DEFS],
  ['employment-entry', EMPLOYMENT_ENTRY_FIELD_DEFS],
  ['document', DOCUMENT_FIELD_DEFS],
];

/** Attributes no one writes through a form: the owner, and what the vault records about a file. */
const NOT_FIELDS: Record<string, string[]> = {
  document: ['fileName', 'mimeType', 'size', 'storageKey'],
};

type Attribute = { type: string; maxLength?: number; required?: boolean; enum?: string[] };

const attributesOf = (name: string): Record<string, Attribute> =>
  (
    JSON.parse(
      readFileSync(
        join(
          __dirname,
          '..',
          '..',
          '..',
          'cms',
          'src',
          'api',
          name,
          'content-types',
          name,
          'schema.json',
        ),
        'utf8',
      ),
    ) as { attributes: Record<string, Attribute> }
  ).attributes;

const TYPES = {
  text: 'string',
  textarea: 'text',
  date: 'date',
  email: 'email',
  tel: 'string',
  number: 'integer',
  checkbox: 'boolean',
  checkboxes: 'json',
};

/** The Strapi attribute type that stores a field. */
function typeOf({ kind, values }: FieldDef): string {
  if (values === 'entry') return 'relation';
  if (kind !== 'select') return TYPES[kind];
  return typeof values === 'object' || values === 'uiLanguage' ? 'enumeration' : 'string';
}

/** The values of an enumeration: a reference list's codes, or the UI languages. */
const codesOf = (field: FieldDef) =>
  typeOf(field) !== 'enumeration'
    ? undefined
    : typeof field.values === 'object'
      ? [...field.values.codes]
      : [...LOCALES];

describe.each(RECORDS)('the fields of %s', (name, fields) => {
  const attributes = attributesOf(name);

  it('are exactly the attributes of its schema.json that a form writes', () => {
    expect(Object.keys(attributes).sort()).toEqual(
      [...fields.map((field) => field.name), 'owner', ...(NOT_FIELDS[name] ?? [])].sort(),
    );
  });

  it.each(fields.map((field) => [field.name, field] as const))(
    '%s has the type, maxLength, enumeration and required of its attribute',
    (_, field) => {
      const attribute = attributes[field.name];
      expect(attribute.type).toBe(typeOf(field));
      expect(attribute.maxLength).toBe(field.max);
      expect(attribute.enum).toEqual(codesOf(field));
      expect(attribute.required ?? false).toBe(field.required ?? false);
      expect(field.rule.safeParse(undefined).success).toBe(!field.required);
    },
  );

  it.each(
    fields
      .filter((field) => field.max && ['text', 'textarea', 'tel'].includes(field.kind))
      .map((field) => [field.name, field] as const),
  )('%s takes as many characters as its maxLength, and no more', (_, field) => {
    const letter = field.kind === 'tel' || field.name === 'iscoCode' ? '1' : 'a';
    expect(field.rule.safeParse(letter.repeat(field.max!)).success).toBe(true);
    expect(field.rule.safeParse(letter.repeat(field.max! + 1)).success).toBe(false);
  });

  it('have a label in every language when they are on the form, and staff see only labelled ones', () => {
    for (const field of fields) {
      if (field.form === false) continue;
      for (const locale of LOCALES) expect(field.label?.(locale), field.name).toBeTruthy();
    }
    for (const field of fields.filter((field) => field.staff))
      expect(field.label, field.name).toBeDefined();
  });
});
