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
    // test/postgres runs against a real PostgreSQL: only when HELPLINE_TEST_DATABASE_URL names one.
    test: {
      hookTimeout: 60_000,
      exclude: ['src/inbox/**', ...(process.env.HELPLINE_TEST_DATABASE_URL ? [] : ['test/postgres/**'])],
    },
  },
);
