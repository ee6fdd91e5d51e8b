import { defineProject } from 'vitest/config';

// The benchmark's own test starts a real CMS and site as child processes: forks, one file at a time.
export default defineProject({
  test: {
    name: 'bench',
    include: ['__tests__/**/*.test.ts'],
    pool: 'forks',
    // After the other workspaces, one file at a time (see the root vitest.config.mts).
    fileParallelism: false,
    sequence: { groupOrder: 1 },
    hookTimeout: 120_000,
    testTimeout: 120_000,
  },
});
