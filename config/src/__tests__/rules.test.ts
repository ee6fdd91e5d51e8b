import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  documentMetadataSchema,
  educationEntrySchema,
  employmentEntrySchema,
  profileSchema,
} from '../fields';
import { checkPeriod, isoDate, MESSAGES, optional, pastDate } from '../rules';

/** A calendar day counted from today (UTC, as `pastDate` compares), as YYYY-MM-DD. */
const day = (offset: number) =>
  new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** The catalogue keys a value fails with, by field path. */
function errorsOf(schema: z.ZodType, value: unknown): Record<string, string[]> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return {};
  const errors: Record<string, string[]> = {};
  for (const issue of parsed.error.issues)
    (errors[issue.path.join('.')] ??= []).push(issue.message);
  return errors;
}

describe('pastDate', () => {
  it('accepts today and any day before it', () => {
    for (const value of [day(0), day(-1), day(-365 * 40), '1950-01-01'])
      expect(pastDate.safeParse(value).success, value).toBe(true);
  });

  it('refuses tomorrow and later with error.future', () => {
    for (const value of [day(1), day(30), day(365 * 5)])
      expect(errorsOf(pastDate, value), value).toEqual({ '': [MESSAGES.future] });
  });

  it('refuses what is not a calendar date with error.date', () => {
    for (const value of ['01.02.2000', '2000-13-01', '2001-02-29', 'yesterday', ''])
      expect(errorsOf(isoDate, value)[''], value).toEqual([MESSAGES.date]);
  });
});

describe('the dates of a record', () => {
  const amal = { givenNames: 'Amal', familyName: 'Haddad' };

  it('refuses a birth, arrival or issue date in the future, naming the field', () => {
    expect(errorsOf(profileSchema, { ...amal, birthDate: day(1) })).toEqual({
      birthDate: [MESSAGES.future],
    });
    expect(errorsOf(profileSchema, { ...amal, arrivalDate: day(2) })).toEqual({
      arrivalDate: [MESSAGES.future],
    });
    expect(
      errorsOf(documentMetadataSchema, { kind: 'certificate', title: 'B1', issueDate: day(1) }),
    ).toEqual({ issueDate: [MESSAGES.future] });
    expect(
      errorsOf(profileSchema, { ...amal, birthDate: day(-9000), arrivalDate: day(0) }),
    ).toEqual({});
  });

  it('treats an empty date field as no date', () => {
    expect(optional(pastDate).parse('')).toBeNull();
    expect(errorsOf(profileSchema, { ...amal, birthDate: '' })).toEqual({});
  });
});

describe('checkPeriod', () => {
  const education = { kind: 'university', institution: 'Universität Damaskus' };
  const employment = { occupation: 'Elektrikerin' };

  it('refuses an end before the start on the end field, for education and employment', () => {
    expect(
      errorsOf(educationEntrySchema, { ...education, from: '2016-09-01', to: '2012-07-01' }),
    ).toEqual({ to: [MESSAGES.dateOrder] });
    const period = z.object({ from: isoDate, to: isoDate }).superRefine(checkPeriod);
    expect(errorsOf(period, { from: '2020-01-02', to: '2020-01-01' })).toEqual({
      to: [MESSAGES.dateOrder],
    });
    expect(
      errorsOf(employmentEntrySchema, { ...employment, from: '2016-09-01', to: '2012-07-01' }),
    ).toEqual({ to: [MESSAGES.dateOrder] });
  });

  it('accepts the same day, an open end, an unknown start and dates in the future', () => {
    for (const period of [
      { from: '2016-09-01', to: '2016-09-01' },
      { from: '2016-09-01' },
      { to: '2016-09-01' },
      { from: day(10), to: day(400) },
    ]) {
      const what = JSON.stringify(period);
      expect(errorsOf(educationEntrySchema, { ...education, ...period }), what).toEqual({});
      expect(errorsOf(employmentEntrySchema, { ...employment, ...period }), what).toEqual({});
    }
  });
});
