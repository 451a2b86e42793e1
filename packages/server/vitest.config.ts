import { mergeConfig } from 'vitest/config';
import { packageProject } from '../../scripts/vite-shared.ts';

// Server tests run in node (real sockets, Node's fetch); the inbox's component tests are their own
// project (vitest.inbox.config.ts). Each test file opens one in-memory PGlite (a few seconds on a
// busy machine), hence the hook timeout.
export default mergeConfig(
  packageProject({
    name: 'server',
    environment: 'node',
    jsx: true,
    testTimeout: 90_000,
  }),
  {
    // test/postgres is its own project (vitest.postgres.config.ts) with a throwaway PostgreSQL cluster.
    test: {
      hookTimeout: 60_000,
      exclude: ['src/inbox/**', 'test/postgres/**'],
    },
  },
);
