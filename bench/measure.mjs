// @ts-check
import autocannon from 'autocannon';

/** The value below which `p` percent of the sorted numbers lie (nearest rank). */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/**
 * One autocannon run against one URL: every response's time (autocannon itself reports p97.5,
 * not p95, so the times are collected from its `response` events) and the failures (any status
 * but 200, connection errors, timeouts).
 */
async function run(target, connections, duration) {
  const times = [];
  const statuses = {};
  let failures = 0;
  const instance = autocannon({
    url: target.url,
    connections,
    duration,
    headers: target.headers ?? {},
    timeout: 30,
    // autocannon looks at its clock once per sample: with its default of a second, a run of
    // 0.3 s would last a whole second.
    sampleInt: 100,
  });
  instance.on('response', (_client, status, _bytes, time) => {
    times.push(time);
    if (status !== 200) {
      failures++;
      statuses[status] = (statuses[status] ?? 0) + 1;
    }
  });
  const result = await instance;
  return { times, seconds: result.duration, failures: failures + result.errors, statuses };
}

function summary(runs) {
  const times = runs.flatMap((r) => r.times).sort((a, b) => a - b);
  const seconds = runs.reduce((sum, r) => sum + r.seconds, 0);
  const statuses = {};
  for (const r of runs)
    for (const [status, n] of Object.entries(r.statuses))
      statuses[status] = (statuses[status] ?? 0) + n;
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    requests: times.length,
    rps: times.length / seconds,
    failures: runs.reduce((sum, r) => sum + r.failures, 0),
    statuses,
  };
}

/**
 * Measures one or more targets (`{ url, headers }`) at the given connections for `duration`
 * seconds each, after a short warm-up. Two targets that are compared run in turns — A, B, A, B, …
 * in `rounds` slices — so that whatever else the machine does meanwhile weighs on both alike.
 * `between` runs after every slice (the server drains its queue). Returns p50/p95 (ms), requests
 * per second and failures per target.
 */
export async function measure(
  targets,
  { connections, duration, rounds = duration >= 6 ? 3 : 1, between = async () => {} },
) {
  const warmup = Math.min(2, duration);
  for (const target of targets) {
    await run(target, connections, warmup);
    await between();
  }
  const runs = targets.map(() => []);
  for (let round = 0; round < rounds; round++) {
    for (const [i, target] of targets.entries()) {
      runs[i].push(await run(target, connections, duration / rounds));
      await between();
    }
  }
  return runs.map(summary);
}
