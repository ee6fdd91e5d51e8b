import { defineConfig } from 'vitest/config';

// One run over every workspace; each has its own vitest.config.ts beside its code.
//
// Two groups, one after the other (sequence.groupOrder): first the workspaces whose files may run
// side by side, as many at once as the machine has cores (each file has its own CMS, database,
// ports and folders); then scripts, bench and deploy, one file at a time and nothing else beside
// them, because they start whole installations as processes and kill them at chosen moments.
// (Each workspace's config says so itself: a workspace does not inherit this file's options.)
export default defineConfig({
  test: {
    projects: ['config', 'plugins/sharing', 'cms', 'site', 'scripts', 'bench', 'deploy'],
  },
});
