import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import { precompress } from '../../scripts/precompress.ts';

// Built after the widget (vite.config.ts), whose file name carries a hash of its content: the loader
// asks for exactly that file.
const manifest = JSON.parse(readFileSync(new URL('./dist/.vite/manifest.json', import.meta.url), 'utf8')) as Record<
  string,
  { file: string; isEntry?: boolean }
>;
const widget = Object.values(manifest).find((chunk) => chunk.isEntry)?.file;
if (!widget) throw new Error('dist/.vite/manifest.json names no entry: build helpline.js first (vite build)');

// loader.js: the tiny IIFE a host page includes; budget ≤ 1.5 KB gzip.
export default defineConfig({
  plugins: [precompress()],
  define: { __HELPLINE_ENTRY__: JSON.stringify(widget) },
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: 'es2020',
    lib: { entry: 'src/loader.ts', formats: ['iife'], name: 'HelplineLoader', fileName: () => 'loader.js' },
  },
});
