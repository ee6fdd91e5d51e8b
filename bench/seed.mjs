// @ts-check
import { seedAuditEvents } from './seed/audit.mjs';
import { seedContext, TABLES } from './seed/context.mjs';
import { seedGrants } from './seed/grants.mjs';
import { seedNewcomers } from './seed/newcomers.mjs';
import { seedStaff } from './seed/staff.mjs';

export {
  BENCH_PASSWORDS,
  GRANTS_OF_MEASURED_STAFF,
  GRANTS_PER_NEWCOMER,
  newcomerEmail,
  sizes,
  staffEmail,
} from './seed/sizes.mjs';

/**
 * Writes a district of the given scale straight into the tables the CMS created (bulk inserts in
 * transactions, ids assigned here): newcomers with full biographies and a stored certificate
 * each, staff with directory listings, grants and audit events. Staff 0 holds exactly
 * min(500, newcomers) active grants; newcomer 0 grants staff 0 every section with write access.
 * Returns the counts, the seconds per part and the measured actors.
 * @param {Awaited<ReturnType<typeof import('./db.mjs').connect>>} db
 * @param {{ scale: number, documentsDir: string, masterKey: Buffer, hashes: { newcomer: string, staff: string }, log?: (line: string) => void }} options
 */
export async function seedScale(db, { scale, documentsDir, masterKey, hashes, log = () => {} }) {
  const ctx = await seedContext(db, { scale, documentsDir, masterKey, hashes });
  const seconds = {};
  /**
   * Runs one part of the seed in a transaction of its own and notes its seconds; what it made.
   * @template T
   * @param {string} name
   * @param {() => Promise<T>} fn
   * @returns {Promise<T>}
   */
  const timed = async (name, fn) => {
    const t0 = performance.now();
    let made;
    await db.transaction(async () => {
      made = await fn();
    });
    seconds[name] = (performance.now() - t0) / 1000;
    log(`  ${name}: ${seconds[name].toFixed(1)} s`);
    return /** @type {T} */ (made);
  };
  const staff = await timed('staff', () => seedStaff(ctx));
  const newcomers = await timed('newcomers with biographies and certificates', () =>
    seedNewcomers(ctx),
  );
  const grantsOf = await timed('grants', () => seedGrants(ctx, staff, newcomers));
  await timed('audit events', () => seedAuditEvents(ctx, staff, newcomers));

  if (db.client === 'postgres') {
    await db.resetSequences(TABLES);
    // What autovacuum would do within a minute of such a load; SQLite has no such job, and
    // nothing in MoBio runs ANALYZE there, so its planner is left with what it has.
    const t0 = performance.now();
    await db.analyze();
    seconds.analyze = (performance.now() - t0) / 1000;
  }

  /** A search term of "shared with me" for a staff member: a family name several of their newcomers share. */
  const searchTermOf = (member) => {
    const counts = new Map();
    for (const n of grantsOf.get(member.id) ?? []) {
      const { familyName } = newcomers[n];
      if (/^[A-Za-z]/.test(familyName)) counts.set(familyName, (counts.get(familyName) ?? 0) + 1);
    }
    return (
      [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ??
      newcomers[grantsOf.get(member.id)?.[0] ?? 0].familyName
    );
  };
  return { size: ctx.size, seconds, staff, newcomers, grantsOf, searchTermOf };
}
