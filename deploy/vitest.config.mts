import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'deploy',
    // The run's template database, which freshEnv() copies (cms/test/template.ts).
    globalSetup: ['../cms/test/template.ts'],
    include: ['__tests__/**/*.test.ts'],
    pool: 'forks',
    // After the other workspaces, one file at a time (see the root vitest.config.mts).
    fileParallelism: false,
    sequence: { groupOrder: 1 },
    hookTimeout: 120_000,
    testTimeout: 60_000,
  },
});
