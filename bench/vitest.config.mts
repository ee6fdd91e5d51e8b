import { defineProject } from 'vitest/config';

// The benchmark's own test starts a real CMS and site as child processes: forks, one file at a time.
export default defineProject({
  test: {
    name: 'bench',
    include: ['__tests__/**/*.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    hookTimeout: 120_000,
    testTimeout: 120_000,
  },
});
