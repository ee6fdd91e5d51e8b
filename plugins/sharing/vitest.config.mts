import { defineProject } from 'vitest/config';

// Integration tests boot the real Strapi from ../../cms in the worker's process, each file on its
// own copy of the run's template database (cms/test/template.ts).
export default defineProject({
  test: {
    name: 'sharing',
    // The run's template database, which freshEnv() copies (cms/test/template.ts).
    globalSetup: ['../../cms/test/template.ts'],
    // Files side by side, one per core (a workspace's config does not inherit the root's).
    maxWorkers: '100%',
    include: ['server/src/**/__tests__/**/*.test.ts'],
    pool: 'forks',
    // A worker runs file after file in one process: Strapi's modules are loaded once per worker,
    // not once per file (harness.ts puts back what a CMS changed in the process).
    isolate: false,
    hookTimeout: 120_000,
    testTimeout: 60_000,
  },
});
