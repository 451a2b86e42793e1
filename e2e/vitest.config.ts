import { defineProject } from 'vitest/config';
import { sourceResolve } from '../scripts/vite-shared.ts';

// Real Chromium against the real server: slower, so these run one file at a time.
export default defineProject({
  ...sourceResolve,
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
