import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';
import { sourceResolve } from '../../scripts/vite-shared.ts';

// Crash and load tests against a real server process (`npm run test:stress`): minutes, not
// seconds, so they are not part of `npm test`. One file at a time: each wants the machine.
export default defineProject({
  ...sourceResolve,
  root: fileURLToPath(new URL('.', import.meta.url)),
  test: {
    name: 'stress',
    environment: 'node',
    include: ['stress/**/*.stress.test.ts'],
    testTimeout: 300_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
