import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BENCH = fileURLToPath(new URL('../bench.mjs', import.meta.url));

/** Runs the benchmark script and returns its exit code and what it printed. */
function runBench(
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BENCH, ...args], {
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const number = String.raw`\d+(?:\.\d+)?`;

// Whether the script still runs end to end, at a tiny scale: no speed is asserted here (timing
// targets belong to the benchmark's output, not to tests on a shared machine).
describe('npm run bench', () => {
  it('seeds, measures every item, runs the load test and prints the table with figures', async () => {
    const db = process.env.DATABASE_CLIENT === 'postgres' ? 'postgres' : 'sqlite';
    const { code, stdout, stderr } = await runBench([
      '--db',
      db,
      '--scale',
      '0.001',
      '--duration',
      '0.3',
      '--connections',
      '1,4',
      '--load-duration',
      '1',
      '--think',
      '300',
      '--load-users',
      '12',
      '--starts',
      '1',
    ]);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/^## MoBio benchmark, \d{4}-\d{2}-\d{2}/m);
    expect(stdout).toContain(`### ${db === 'sqlite' ? 'SQLite' : 'PostgreSQL'}`);
    expect(stdout).toMatch(new RegExp(`seeded in ${number} s`));
    expect(stdout).toContain('| # | measurement | conn. | MoBio p50 / p95 |');
    expect(stdout).toMatch(
      new RegExp(
        `^\\| 1 \\| full record \\(6 sections\\).*\\| 1 \\| ${number} / ${number} ms \\| ${number} / ${number} ms \\| ${number}× / ${number}×`,
        'm',
      ),
    );
    expect(stdout).toMatch(
      new RegExp(
        `^\\| 2 \\| shared with me \\(\\d+ grants\\), first page \\| 1 \\| ${number} / ${number} ms`,
        'm',
      ),
    );
    expect(stdout).toMatch(
      new RegExp(`^\\| 2 \\| shared with me, search .* \\| 1 \\| ${number} / ${number} ms`, 'm'),
    );
    expect(stdout).toMatch(
      new RegExp(
        `^\\| 4 \\| 25 MB upload.* \\| ${number} ms \\| ${number} ms \\| ${number}× \\|`,
        'm',
      ),
    );
    expect(stdout).toMatch(
      new RegExp(`^\\| 4 \\| peak RSS growth of the CMS, upload \\| 1 \\| ${number} MB`, 'm'),
    );
    expect(stdout).toMatch(new RegExp(`^\\| 5 \\| CMS cold start .* \\| ${number} s \\|`, 'm'));
    expect(stdout).toMatch(
      new RegExp(
        `^\\| L \\| load: 12 users, 1 s.* \\| ${number} / ${number} ms, ${number} req/s`,
        'm',
      ),
    );
    // The dashboard is measured when the site has been built (npm test builds it first).
    if (!stderr.includes('site/dist is missing')) {
      expect(stdout).toMatch(
        new RegExp(
          `^\\| 3 \\| dashboard, logged in, vs its static copy \\| 1 \\| ${number} / ${number} ms`,
          'm',
        ),
      );
      expect(stdout).toMatch(
        new RegExp(`^\\| 3 \\| dashboard weight, gzip .* JS ${number} KB`, 'm'),
      );
      expect(stdout).toMatch(
        new RegExp(
          `^\\| 3 \\| its CMS call 2, alone: \`/api/sharing/overview\` .* \\| 1 \\| ${number} / ${number} ms \\|`,
          'm',
        ),
      );
    }
    expect(stdout).toContain('Query plans');
    expect(stdout).toMatch(/grant lookup \(every staff request\):\n {2}- `select/);
  }, 240_000);
});
