import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'site',
    // The run's template database, which freshEnv() copies (cms/test/template.ts).
    globalSetup: ['../cms/test/template.ts'],
    // Files side by side, one per core (a workspace's config does not inherit the root's).
    maxWorkers: '100%',
    // Browser tests live in src/__tests__/browser/ and are matched by the same pattern.
    include: ['src/**/__tests__/**/*.test.ts'],
    // Render and browser tests start the built server (and Chromium) once per file.
    hookTimeout: 60_000,
    testTimeout: 30_000,
  },
});
