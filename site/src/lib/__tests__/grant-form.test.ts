import { describe, expect, it } from 'vitest';
import { defaultExpiry, emptyGrantForm, readGrantForm, validateGrant } from '../grant-form';

const form = (pairs: [string, string][]) =>
  new Request('http://site.test/de/sharing/new', {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(pairs).toString(),
  });

describe('readGrantForm', () => {
  it('reads several sections, keeps only known ones, each once, in the order of the list', async () => {
    const { values, step } = await readGrantForm(
      form([
        ['via', 'directory'],
        ['sections', 'plans'],
        ['sections', 'owner'],
        ['sections', 'profile'],
        ['sections', 'plans'],
        ['step', 'review'],
      ]),
    );
    expect(values.sections).toEqual(['profile', 'plans']);
    expect(values.via).toBe('directory');
    expect(step).toBe('review');
  });

  it('reads a body that is not a form as an empty form', async () => {
    const request = new Request('http://site.test/', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const { values } = await readGrantForm(request);
    expect(values).toEqual(emptyGrantForm('code'));
  });
});

describe('validateGrant', () => {
  const valid = {
    ...emptyGrantForm('code', 'abcde-fghjk-mnpqr'),
    sections: ['profile'],
    purpose: 'Beratung',
  };

  it('accepts a grant by code and normalises the code as the CMS does', () => {
    const result = validateGrant(valid);
    expect(result).toEqual({
      ok: true,
      data: expect.objectContaining({
        invitationCode: 'ABCDEFGHJKMNPQR',
        sections: ['profile'],
        access: 'read',
      }),
    });
  });

  it('sends only the field of the chosen way, so a stale code does not make a directory pick fail', () => {
    const result = validateGrant({ ...valid, via: 'directory', grantee: 'a'.repeat(24) });
    expect(result.ok && result.data.invitationCode).toBeFalsy();
  });

  it('asks for the code or the person when the chosen way is left empty', () => {
    expect(validateGrant({ ...valid, invitationCode: '' })).toEqual({
      ok: false,
      errors: { invitationCode: 'error.invitationCodeMissing' },
    });
    expect(validateGrant({ ...valid, via: 'directory' })).toEqual({
      ok: false,
      errors: { grantee: 'error.granteeMissing' },
    });
  });

  it('refuses write access without the plans section, no section, no purpose and a past end date, in the order of the form', () => {
    const result = validateGrant({
      ...valid,
      sections: [],
      access: 'write',
      purpose: ' ',
      expiresAt: '2001-01-01',
    });
    expect(result.ok).toBe(false);
    expect(!result.ok && Object.entries(result.errors)).toEqual([
      ['sections', 'error.sections'],
      ['access', 'error.writeOnlyPlans'],
      ['purpose', 'error.required'],
      ['expiresAt', 'error.pastExpiry'],
    ]);
  });

  it('accepts write access together with the plans section', () => {
    expect(validateGrant({ ...valid, sections: ['plans'], access: 'write' }).ok).toBe(true);
  });
});

describe('defaultExpiry', () => {
  it('is the given number of days from now', () => {
    expect(defaultExpiry(1095, new Date('2026-01-01T10:00:00Z')).toISOString()).toBe(
      '2028-12-31T10:00:00.000Z',
    );
  });
});
