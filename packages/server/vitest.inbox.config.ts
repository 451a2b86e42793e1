import { defineProject } from 'vitest/config';
import { preactJsx, sourceResolve } from '../../scripts/vite-shared.ts';

/** Component tests of the agent inbox (Preact in happy-dom). */
export default defineProject({
  ...sourceResolve,
  ...preactJsx,
  resolve: {
    ...sourceResolve.resolve,
    dedupe: ['preact', '@preact/signals'],
  },
  test: {
    name: 'inbox',
    environment: 'happy-dom',
    include: ['src/inbox/**/*.test.{ts,tsx}'],
    // Makes happy-dom behave like browsers where DOMPurify depends on it (see the file).
    setupFiles: ['src/inbox/testing/happy-dom-fixes.ts'],
    testTimeout: 10_000,
  },
});
