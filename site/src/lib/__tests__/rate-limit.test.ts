import { describe, expect, it } from 'vitest';
import { limiterKey, RateLimiter } from '../rate-limit';

function limiter(max = 5, windowMs = 15 * 60_000) {
  let now = 1_000_000;
  const l = new RateLimiter({ max, windowMs, now: () => now });
  return { l, advance: (ms: number) => (now += ms) };
}

describe('RateLimiter', () => {
  it('lets the first five attempts through and blocks the sixth', () => {
    const { l } = limiter();
    for (let i = 0; i < 5; i++) {
      expect(l.isBlocked('k')).toBe(false);
      l.hit('k');
    }
    expect(l.isBlocked('k')).toBe(true);
  });

  it('keeps keys apart: one e-mail blocked does not block another', () => {
    const { l } = limiter(2);
    l.hit('a');
    l.hit('a');
    expect(l.isBlocked('a')).toBe(true);
    expect(l.isBlocked('b')).toBe(false);
  });

  it('lets attempts through again once the oldest ones leave the window', () => {
    const { l, advance } = limiter(2, 1000);
    l.hit('k');
    advance(600);
    l.hit('k');
    expect(l.isBlocked('k')).toBe(true);
    advance(401);
    expect(l.isBlocked('k')).toBe(false);
    advance(600);
    expect(l.isBlocked('k')).toBe(false);
  });

  it('forgets a key on reset, e.g. after a successful login', () => {
    const { l } = limiter(1);
    l.hit('k');
    expect(l.isBlocked('k')).toBe(true);
    l.reset('k');
    expect(l.isBlocked('k')).toBe(false);
  });
});

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
