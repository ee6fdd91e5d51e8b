import { describe, expect, it } from 'vitest';
import { safeNext } from '../next';

describe('safeNext', () => {
  it('keeps a page of this site in one of its locales', () => {
    expect(safeNext('/fa/account/password', 'fa')).toBe('/fa/account/password');
    expect(safeNext('/de/dashboard', 'en')).toBe('/de/dashboard');
  });

  it.each([
    'https://evil.example/',
    '//evil.example/x',
    '/\\evil.example',
    '/en/../../x',
    '/xx/dashboard',
    '/en/dashboard?x=1',
    'javascript:alert(1)',
  ])('sends %s to the dashboard instead', (next) => {
    expect(safeNext(next, 'ar')).toBe('/ar/dashboard');
  });

  it('keeps the invitation code of a scanned QR code, and no other query', () => {
    expect(safeNext('/de/sharing/invitation?code=ABCD-EFGH', 'de')).toBe(
      '/de/sharing/invitation?code=ABCD-EFGH',
    );
    expect(safeNext('/de/sharing/invitation?code=ABCD&next=//evil.example', 'de')).toBe(
      '/de/dashboard',
    );
  });

  it('sends a missing next to the dashboard of the locale', () => {
    expect(safeNext(null, 'fr')).toBe('/fr/dashboard');
  });
});
