// @ts-check
import { adminLogin, createPlan, newcomerLogin } from '../http.mjs';
import { loadTest } from '../load.mjs';
import { settle } from '../processes.mjs';
import { BENCH_PASSWORDS, GRANTS_PER_NEWCOMER } from '../seed.mjs';

/**
 * The load test, once per think time: simulated newcomers and staff at once (load.mjs).
 * @param {{ cmsUrl: string, siteUrl?: string, seed: any, options: import('../options.mjs').BenchOptions, log: (line: string) => void }} context
 */
export async function measureLoad({ cmsUrl, siteUrl, seed, options, log }) {
  const runs = [];
  const people = await loadPeople(cmsUrl, seed, options.loadUsers);
  for (const think of options.thinkTimes) {
    log(`load: ${options.loadUsers} users for ${options.loadDuration} s, think time ${think} ms`);
    runs.push(
      await loadTest({
        cmsUrl,
        siteUrl,
        duration: options.loadDuration,
        users: options.loadUsers,
        think,
        ...people,
      }),
    );
    await settle(cmsUrl);
  }
  return runs;
}

/** The load test's people: logged in first, each staff member with a plan they may write. */
async function loadPeople(cmsUrl, seed, loadUsers) {
  const { newcomers, staff } = seed;
  // Staff of the first half work; newcomers give (and revoke) their new grants to the second half,
  // so that a record a staff member picks from their list cannot be revoked under them.
  const half = Math.floor(staff.length / 2);
  const working = staff.slice(1, Math.min(half, 26));
  const listings = staff.slice(half).map((member) => member.listing);
  const apiUsers = Math.max(1, Math.round(loadUsers * 0.6));
  const siteUsers = Math.max(1, Math.round(loadUsers * 0.15));
  const pick = (from, count) =>
    Array.from({ length: count }, (_, i) => newcomers[1 + ((from + i) % (newcomers.length - 1))]);
  const login = async (list) => {
    const out = [];
    for (const person of list)
      out.push({ ...person, ...(await newcomerLogin(cmsUrl, person.email)) });
    return out;
  };
  const apiNewcomers = await login(pick(0, Math.min(apiUsers, newcomers.length - 1)));
  const siteNewcomers = await login(pick(apiUsers, Math.min(siteUsers, newcomers.length - 1)));
  const staffUsers = [];
  for (const member of working) {
    const token = await adminLogin(cmsUrl, member.email, BENCH_PASSWORDS.staff);
    // Each staff member's first grant (see the seed) covers every section with write access.
    const ownerIndex = Math.floor(staff.indexOf(member) / GRANTS_PER_NEWCOMER);
    staffUsers.push({
      token,
      plan: await createPlan(cmsUrl, token, newcomers[ownerIndex].documentId),
      search: seed.searchTermOf(member),
    });
  }
  const pdf = Buffer.concat([
    Buffer.from('%PDF-1.7\n'),
    Buffer.alloc(64 * 1024, 0x20),
    Buffer.from('\n%%EOF\n'),
  ]);
  return { newcomers: apiNewcomers, siteNewcomers, staff: staffUsers, listings, pdf };
}
