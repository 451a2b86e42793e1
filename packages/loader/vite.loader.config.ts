import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import { precompress } from '../../scripts/precompress.ts';

// Built after the widget (vite.config.ts), whose files' names carry a hash of their content: the loader
// asks for exactly those files.
const manifest = JSON.parse(readFileSync(new URL('./dist/.vite/manifest.json', import.meta.url), 'utf8')) as Record<
  string,
  { file: string; isEntry?: boolean }
>;
const entryFile = (source: string) => {
  const file = manifest[source]?.file;
  if (!file) throw new Error(`dist/.vite/manifest.json names no ${source}: build the widget first (vite build)`);
  return JSON.stringify(file);
};

// loader.js: the tiny IIFE a host page includes; budget ≤ 1.5 KB gzip.
export default defineConfig({
  plugins: [precompress()],
  define: { __HELPLINE_ENTRY__: entryFile('src/bundle.ts'), __HELPLINE_CAPTURE__: entryFile('src/capture.ts') },
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2020',
    lib: { entry: 'src/loader.ts', formats: ['iife'], name: 'HelplineLoader', fileName: () => 'loader.js' },
  },
});
