import { defineConfig } from 'vitest/config';

// One vitest run covers every package: each package's vitest.config.ts is a project, plus the
// real-browser end-to-end suite in e2e/.
export default defineConfig({
  test: {
    projects: ['packages/*/vitest.config.ts', 'e2e/vitest.config.ts'],
    reporters: ['default'],
  },
});
