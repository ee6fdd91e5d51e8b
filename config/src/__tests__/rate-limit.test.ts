import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../rate-limit';

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

  it('remembers at most 10,000 keys under a flood of distinct ones, forgetting the oldest first', () => {
    const { l } = limiter(1);
    for (let i = 0; i < 25_000; i++) l.hit(`flood-${i}`);
    // The newest 10,000 keys are still counted; every older one has been forgotten.
    expect(l.isBlocked('flood-24999')).toBe(true);
    expect(l.isBlocked('flood-15000')).toBe(true);
    expect(l.isBlocked('flood-14999')).toBe(false);
    expect(l.isBlocked('flood-0')).toBe(false);
    const remembered = Array.from({ length: 25_000 }, (_, i) => `flood-${i}`).filter((key) =>
      l.isBlocked(key),
    );
    expect(remembered).toHaveLength(10_000);
  });

  it('forgets a key whose attempts have all left the window', () => {
    const { l, advance } = limiter(1, 1000);
    for (let i = 0; i < 10_000; i++) l.hit(`old-${i}`);
    advance(1001);
    // Looking a key up drops it once it has no attempt left in the window, so expired keys do not
    // push out the newest ones.
    for (let i = 0; i < 10_000; i++) expect(l.isBlocked(`old-${i}`)).toBe(false);
    l.hit('new');
    for (let i = 0; i < 9_999; i++) l.hit(`newer-${i}`);
    expect(l.isBlocked('new')).toBe(true);
  });
});
