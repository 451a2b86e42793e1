import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { precompress } from '../../scripts/precompress.ts';
import { preactJsx, sourceResolve } from '../../scripts/vite-shared.ts';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/**
 * Browser build of the agent inbox into dist/inbox, served by the server at /inbox. Everything is
 * an external hashed file (no inline script or style, nothing inlined as a data: URL) so the page
 * runs under `default-src 'self'`.
 */
export default defineConfig({
  ...sourceResolve,
  ...preactJsx,
  root: here('./src/inbox'),
  base: '/inbox/',
  publicDir: false,
  plugins: [precompress()],
  build: {
    outDir: here('./dist/inbox'),
    emptyOutDir: true,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    cssCodeSplit: false,
    sourcemap: true,
    target: 'es2022',
  },
});
