import { defineConfig } from 'vite';
import { preactJsx, sourceResolve } from '../../scripts/vite-shared.ts';

// helpline.js: the widget for script-tag users, an ES module whose views load as lazy chunks from the
// same folder. The loader (vite.loader.config.ts) fetches it on first interaction.
export default defineConfig({
  ...sourceResolve,
  ...preactJsx,
  // Chunks load relative to helpline.js, wherever the host serves it from (e.g. /widget/).
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    manifest: true,
    rolldownOptions: {
      input: { helpline: 'src/bundle.ts' },
      output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js', format: 'es' },
      preserveEntrySignatures: false,
    },
  },
});
