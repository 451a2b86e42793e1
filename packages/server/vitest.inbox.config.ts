import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';
import { preactJsx, sourceResolve } from '../../scripts/vite-shared.ts';

// @testing-library/preact is a devDependency of the widget only; this resolves it from there
// (same pnpm store entry, same preact) instead of adding it to the server's package.json.
const testingLibrary = fileURLToPath(new URL('../widget/node_modules/@testing-library/preact', import.meta.url));

/** Component tests of the agent inbox (Preact in happy-dom). */
export default defineProject({
  ...sourceResolve,
  ...preactJsx,
  resolve: {
    ...sourceResolve.resolve,
    alias: { '@testing-library/preact': testingLibrary },
    dedupe: ['preact', '@preact/signals'],
  },
  test: {
    name: 'inbox',
    environment: 'happy-dom',
    include: ['src/inbox/**/*.test.{ts,tsx}'],
    testTimeout: 10_000,
  },
});
