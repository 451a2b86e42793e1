import { defineProject } from 'vitest/config';
import { sourceResolve } from '../scripts/vite-shared.ts';

// Real Chromium against the real server: slower, so these run one file at a time.
export default defineProject({
  ...sourceResolve,
  // The global setup runs in Vitest's own `__vitest__` environment: give it the source conditions too.
  environments: { __vitest__: { resolve: sourceResolve.ssr.resolve } },
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['**/*.e2e.test.ts'],
    // One server + host app for the run (seeding is the slow part); one browser per file.
    globalSetup: ['./support/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
