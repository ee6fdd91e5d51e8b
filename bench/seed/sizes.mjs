// @ts-check
/** Grants each newcomer gives, on average; the measured staff member gets GRANTS_OF_MEASURED_STAFF. */
export const GRANTS_PER_NEWCOMER = 10;
export const GRANTS_OF_MEASURED_STAFF = 500;
export const BENCH_PASSWORDS = { newcomer: 'Bench-Newcomer-2026', staff: 'Bench-Staff-2026' };
export const newcomerEmail = (n) => `newcomer${n}@bench.mobio.example`;
export const staffEmail = (s) => `staff${s}@bench.mobio.example`;

/** The numbers of a scale: 1 is 10,000 newcomers, 100,000 grants and 1,000,000 audit events. */
export function sizes(scale) {
  const newcomers = Math.max(10, Math.round(10_000 * scale));
  const grants = newcomers * GRANTS_PER_NEWCOMER;
  return {
    newcomers,
    grants,
    auditEvents: Math.max(100, Math.round(1_000_000 * scale)),
    // As many staff as it takes for the measured one (staff 0) to hold 500 grants at scale 1.
    staff: Math.max(GRANTS_PER_NEWCOMER, Math.round(grants / GRANTS_OF_MEASURED_STAFF)),
  };
}
