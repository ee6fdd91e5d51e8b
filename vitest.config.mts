import { defineConfig } from 'vitest/config';

// One run over every workspace; each has its own vitest.config.ts beside its code.
export default defineConfig({
  test: {
    projects: ['config', 'plugins/sharing', 'cms', 'site', 'scripts', 'bench', 'deploy'],
  },
});
