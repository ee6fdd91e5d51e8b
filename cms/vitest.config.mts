import { defineProject } from 'vitest/config';

// Each test file boots the real Strapi in its own process: forks, one file at a time, and
// long hooks (boot ~2 s, first migration of a fresh database longer on 2 cores).
export default defineProject({
  test: {
    name: 'cms',
    include: ['src/**/__tests__/**/*.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    hookTimeout: 120_000,
    testTimeout: 60_000,
  },
});
