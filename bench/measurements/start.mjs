// @ts-check
import { startCmsListening, stop } from '../processes.mjs';

/**
 * 5: CMS cold start to a healthy /_health, `starts` times on the seeded database; the median.
 * @param {Parameters<typeof startCmsListening>[0]} env the CMS's environment
 * @param {number} starts
 * @param {(line: string) => void} log
 */
export async function coldStarts(env, starts, log) {
  const times = [];
  for (let i = 0; i < starts; i++) {
    const t0 = performance.now();
    const cms = await startCmsListening(env);
    times.push((performance.now() - t0) / 1000);
    await stop(cms);
  }
  const start = {
    seconds: times.sort((a, b) => a - b)[Math.floor(times.length / 2)],
    runs: times.length,
    all: times,
  };
  log(`cold start ${times.map((t) => t.toFixed(2)).join(', ')} s`);
  return start;
}
