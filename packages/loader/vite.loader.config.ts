import { defineConfig } from 'vite';
import { precompress } from '../../scripts/precompress.ts';

// loader.js: the tiny IIFE a host page includes; budget ≤ 1.5 KB gzip.
export default defineConfig({
  plugins: [precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2020',
    lib: { entry: 'src/loader.ts', formats: ['iife'], name: 'HelplineLoader', fileName: () => 'loader.js' },
  },
});
