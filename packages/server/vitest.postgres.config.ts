import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';
import { sourceResolve } from '../../scripts/vite-shared.ts';

// Scale-out tests against a real PostgreSQL that test/postgres/global-setup.ts creates (initdb in a
// temp folder) and removes. Files run one at a time: the fault test stops and restarts the cluster.
export default defineProject({
  ...sourceResolve,
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: {
    name: 'server-postgres',
    environment: 'node',
    include: ['test/postgres/**/*.test.ts'],
    globalSetup: ['test/postgres/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
