import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const BUILT = pathToFileURL(resolve(__dirname, '../../dist/process-faults.js')).href;

/** A real Node process that rejects a promise and throws from a timer, as a forgotten error path would. */
function run(install: boolean) {
  const script = `
    const { logProcessFaults } = await import(${JSON.stringify(BUILT)});
    ${install ? "logProcessFaults('cms');" : ''}
    Promise.reject(new Error('rejected-in-a-request'));
    setTimeout(() => { throw new Error('thrown-in-a-callback'); }, 20);
    setTimeout(() => { console.log('still serving'); process.exit(0); }, 200);
  `;
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
}

describe('logProcessFaults', () => {
  it('logs an unhandled rejection and an uncaught exception with the component and the stack, and the process keeps running', () => {
    const result = run(true);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('still serving');
    expect(result.stderr).toMatch(
      /\[cms\] unhandled promise rejection \(process kept running\): Error: rejected-in-a-request\n\s+at /,
    );
    expect(result.stderr).toMatch(
      /\[cms\] uncaught exception \(uncaughtException; process kept running\): Error: thrown-in-a-callback\n\s+at /,
    );
  });

  it('is needed: without it Node ends the process at the first of them', () => {
    const result = run(false);
    expect(result.status).not.toBe(0);
    expect(result.stdout).not.toContain('still serving');
  });
});
