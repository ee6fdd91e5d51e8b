import { describe, expect, it } from 'vitest';
import { endOfDistrictDay } from '../locales';

describe('endOfDistrictDay', () => {
  it('is the last millisecond of the day in Berlin, in winter and in summer time', () => {
    expect(endOfDistrictDay('2026-12-24').toISOString()).toBe('2026-12-24T22:59:59.999Z');
    expect(endOfDistrictDay('2027-07-01').toISOString()).toBe('2027-07-01T21:59:59.999Z');
    // The night the clocks go forward (29 March 2026): the day ends in summer time.
    expect(endOfDistrictDay('2026-03-29').toISOString()).toBe('2026-03-29T21:59:59.999Z');
    // …and back (25 October 2026): in winter time.
    expect(endOfDistrictDay('2026-10-25').toISOString()).toBe('2026-10-25T22:59:59.999Z');
  });
});
