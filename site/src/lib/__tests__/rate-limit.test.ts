import { describe, expect, it } from 'vitest';
import { limiterKey } from '../rate-limit';

// The limiter itself is tested beside its code, in config/src/__tests__/rate-limit.test.ts.
describe('limiterKey', () => {
  it('treats an e-mail the same whatever its case and surrounding spaces', () => {
    expect(limiterKey('127.0.0.1', ' Amal@Example.org ')).toBe(
      limiterKey('127.0.0.1', 'amal@example.org'),
    );
  });

  it('differs by client address', () => {
    expect(limiterKey('10.0.0.1', 'a@b.de')).not.toBe(limiterKey('10.0.0.2', 'a@b.de'));
  });
});
