import { defineConfig } from 'vite';

// loader.js: the tiny IIFE a host page includes; budget ≤ 1.5 KB gzip.
export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2020',
    lib: { entry: 'src/loader.ts', formats: ['iife'], name: 'HelplineLoader', fileName: () => 'loader.js' },
  },
});
