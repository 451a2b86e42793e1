import { defineConfig, type Plugin } from 'vite';
import { cssTemplateMinify } from '../../scripts/css-template-minify.ts';
import { precompress } from '../../scripts/precompress.ts';
import { preactJsx, sourceResolve } from '../../scripts/vite-shared.ts';

/**
 * zod keeps its config and registry on `globalThis.__zod_*` so that copies of zod in one page share
 * them. The script-tag bundle must add no global but `Helpline` (e2e/11-host-isolation), and it
 * never configures zod, so its copy keeps them in a module-local object instead.
 */
function zodWithoutGlobals(): Plugin {
  return {
    name: 'helpline-zod-without-globals',
    transform(code, id) {
      if (!/[\\/]zod[\\/]v4[\\/]core[\\/](core|registries)\.js$/.test(id)) return null;
      return {
        code: `const __helplineZodScope = {};\n${code.replaceAll('globalThis', '__helplineZodScope')}`,
        map: null,
      };
    },
  };
}

// helpline.js: the widget for script-tag users, an ES module whose views load as lazy chunks from the
// same folder. The loader (vite.loader.config.ts) fetches it on first interaction, and capture.js at idle.
export default defineConfig({
  ...sourceResolve,
  ...preactJsx,
  plugins: [zodWithoutGlobals(), cssTemplateMinify(), precompress()],
  // Chunks load relative to helpline.js, wherever the host serves it from (e.g. /widget/).
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    manifest: true,
    // Library mode, because vite's app mode wraps every import() in its preload helper (~1 KB gzip of
    // the first open) that adds <link rel=modulepreload> tags to the host's <head>. Without it a lazy
    // chunk's own imports start when it has been parsed: a round trip per level, after the first open
    // (a view's shared chunks: one; the live-update reader's event schemas: two).
    // capture.js is the early capture the loader fetches at idle; the widget shares its modules (one
    // chunk, one instance), so a click after idle downloads them no more.
    lib: { entry: { helpline: 'src/bundle.ts', capture: 'src/capture.ts' }, formats: ['es'] },
    rolldownOptions: {
      output: {
        // Named by its content, like its chunks: browsers and CDNs may keep every file but loader.js for good.
        entryFileNames: '[name]-[hash].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        format: 'es',
        // Library mode would keep whitespace and comments for a bundler downstream; this file ships as is.
        minify: true,
        comments: false,
      },
      preserveEntrySignatures: false,
    },
  },
});
