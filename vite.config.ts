import { defineConfig } from 'vitest/config';

// One vitest run covers every package: each package's vitest.config.ts is a project, plus the
// real-browser end-to-end suite in e2e/, the agent inbox's component tests, and the multi-instance
// tests against a throwaway PostgreSQL cluster.
export default defineConfig({
  test: {
    projects: [
      'packages/*/vitest.config.ts',
      'packages/server/vitest.inbox.config.ts',
      'packages/server/vitest.postgres.config.ts',
      'e2e/vitest.config.ts',
      'scripts/vitest.config.ts',
    ],
    reporters: ['default'],
  },
});
