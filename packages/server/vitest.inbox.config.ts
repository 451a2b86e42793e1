import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';
import { preactJsx, sourceResolve } from '../../scripts/vite-shared.ts';

// @testing-library/preact is a devDependency of the widget only; this resolves it from there
// (same pnpm store entry, same preact) instead of adding it to the server's package.json.
const testingLibrary = fileURLToPath(new URL('../widget/node_modules/@testing-library/preact', import.meta.url));

// TEMPORARY while core is mid-edit (as in vitest.config.ts): a core module that does not exist yet
// resolves to an empty one, so importing @helpline/core's index does not fail on modules the inbox never uses.
const missingCoreStub = {
  name: 'missing-core-stub',
  enforce: 'pre' as const,
  resolveId(id: string, importer?: string) {
    if (!importer?.includes('/packages/core/src/') || !id.startsWith('.')) return null;
    const target = resolve(dirname(importer), id.replace(/\.js$/, '.ts'));
    return existsSync(target) || existsSync(target.replace(/\.ts$/, '.tsx')) ? null : '\0empty-core-stub';
  },
  load(id: string) {
    return id === '\0empty-core-stub' ? 'export {}' : null;
  },
};

/** Component tests of the agent inbox (Preact in happy-dom). */
export default defineProject({
  ...sourceResolve,
  ...preactJsx,
  plugins: [missingCoreStub],
  resolve: {
    ...sourceResolve.resolve,
    alias: { '@testing-library/preact': testingLibrary },
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
