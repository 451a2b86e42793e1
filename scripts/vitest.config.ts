import { defineProject } from 'vitest/config';

// Publishing checks: every package is packed with pnpm and checked with publint and attw
// (scripts/check-packages.mjs). Needs built packages, which `npm test` does first.
export default defineProject({
  test: {
    name: 'packages',
    environment: 'node',
    include: ['test/**/*.test.ts'],
    // One pnpm pack of every package plus the checks: seconds alone, longer on a busy machine.
    hookTimeout: 240_000,
    testTimeout: 240_000,
  },
});
