import { describe, expect, it } from 'vitest';
import { profileSchema } from '../fields';
import { foldForSearch, nameForStaff } from '../records';

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
});
