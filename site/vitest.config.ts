import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'site',
    // Browser tests live in src/__tests__/browser/ and are matched by the same pattern.
    include: ['src/**/__tests__/**/*.test.ts'],
    // Render and browser tests start the built server (and Chromium) once per file.
    hookTimeout: 60_000,
    testTimeout: 30_000,
  },
});
