import { defineProject } from 'vitest/config';

// Integration tests boot the real Strapi from ../../cms: one file at a time, in forks.
export default defineProject({
  test: {
    name: 'sharing',
    include: ['server/src/**/__tests__/**/*.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    hookTimeout: 120_000,
    testTimeout: 60_000,
  },
});
