import { describe, expect, it } from 'vitest';
import { profileSchema } from '../fields';
import { foldForSearch, nameForStaff, nameMatches } from '../records';

const latin = (value: string) =>
  profileSchema.safeParse({ givenNames: 'أمل', familyName: 'حداد', latinName: value });

describe('the name in Latin letters', () => {
  it.each([
    'Amal Haddad',
    'Zoë Müller-Lüdenscheidt',
    "N'Golo O’Neill",
    'Şükrü Çağlar',
    'Nguyễn Thị Minh Khai',
    'Amélie'.normalize('NFD'),
  ])('accepts %s', (value) => expect(latin(value).success).toBe(true));

  it.each(['أمل حداد', 'Amal حداد', 'Олена', 'Amal1', 'Amal.', '-Amal', 'Ἀμάλ'])(
    'refuses %s with error.latinName',
    (value) => {
      const result = latin(value);
      expect(result.success).toBe(false);
      expect(result.error?.issues).toEqual([
        expect.objectContaining({ path: ['latinName'], message: 'error.latinName' }),
      ]);
    },
  );

  it('is optional: empty means no value', () => {
    expect(latin('  ').data?.latinName).toBeNull();
  });

  it('is shown to staff beside the name as typed, once when both are the same', () => {
    expect(nameForStaff({ givenNames: 'أمل', familyName: 'حداد', latinName: 'Amal Haddad' })).toBe(
      'أمل حداد (Amal Haddad)',
    );
    expect(
      nameForStaff({ givenNames: 'أمل', familyName: 'حداد', latinName: 'Amal Haddad' }, false),
    ).toBe('أمل حداد');
    expect(
      nameForStaff({ givenNames: 'Olena', familyName: 'Kovalenko', latinName: 'Olena Kovalenko' }),
    ).toBe('Olena Kovalenko');
    expect(nameForStaff({ givenNames: 'رضا', familyName: 'احمدی', latinName: null })).toBe(
      'رضا احمدی',
    );
  });

  it('is searched without case and diacritics', () => {
    expect(foldForSearch('HADDĀD')).toBe('haddad');
    expect(foldForSearch('Çağlar')).toBe(foldForSearch('caglar'));
  });

  it('is found by the spelling variants of a transliterated name, and not by another name', () => {
    const spellings = (latin: string, original = 'ليلى حداد') => [original, latin];
    for (const [name, search] of [
      ['Layla Haddad', 'Hadad'],
      ['Mohammed Al-Hassan', 'muhammad'],
      ['Mohammed Al-Hassan', 'Mohamed Hasan'],
      ['Reza Hosseini', 'Husseini'],
      ['Leila Haddād', 'layla hadad'],
    ])
      expect(nameMatches(spellings(name), search), `${search} → ${name}`).toBe(true);
    for (const [name, search] of [
      ['Layla Haddad', 'Hamadi'],
      ['Layla Haddad', 'Layla Hamadi'],
      ['Reza Hosseini', 'Ahmadi'],
      // Under three letters a word is only a part of a spelling, never a sound.
      ['Layla Haddad', 'hd'],
    ])
      expect(nameMatches(spellings(name), search), `${search} → ${name}`).toBe(false);
    // The original script is found as typed (folded), not by sound.
    expect(nameMatches(spellings('Layla Haddad'), 'حداد')).toBe(true);
    expect(nameMatches(spellings('Layla Haddad'), 'حمادي')).toBe(false);
  });
});
