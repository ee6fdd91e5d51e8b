/**
 * The kill tests (`kill -9` of a CMS in an upload, of the document migration, of the key rotation)
 * wait a few milliseconds before each kill; where the kill lands also depends on how fast the
 * machine is at that moment. So each kill is logged with its delay and where it landed, and
 * `MOBIO_KILL_DELAYS=<ms>,<ms>,…` (one per kill, the last one repeated) replays a failed run's
 * delays — or tries others — without editing the test.
 */

const VARIABLE = 'MOBIO_KILL_DELAYS';

/** The delay of each kill in milliseconds: the test's own, or those given in MOBIO_KILL_DELAYS. */
export function killDelays(defaults: number[]): number[] {
  const given = process.env[VARIABLE]?.trim();
  if (!given) return defaults;
  const delays = given.split(',').map((part) => Number(part.trim()));
  if (delays.some((delay) => !Number.isInteger(delay) || delay < 0))
    throw new Error(`${VARIABLE}: expected whole milliseconds, comma-separated, e.g. 0,3,6`);
  return defaults.map((_, i) => delays[Math.min(i, delays.length - 1)]!);
}

/** Logs one kill: which test, its delay, where it landed, and how to replay the whole run. */
export function logKill(test: string, delays: number[], round: number, landed: string): void {
  console.log(
    `[kill] ${test}: kill ${round + 1} of ${delays.length} after ${delays[round]} ms, ${landed} (replay: ${VARIABLE}=${delays.join(',')})`,
  );
}
