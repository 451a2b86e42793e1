import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';
import { sourceResolve } from '../../scripts/vite-shared.ts';

const nodeBuiltins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

/**
 * Node build of the server: index (startServer) and cli (bin). Every package import stays
 * external — npm dependencies and @helpline/core alike, which Node resolves to core's dist (built
 * first by the topological `pnpm -r run build`). The inbox build writes dist/inbox, hence no
 * emptyOutDir.
 */
export default defineConfig({
  ...sourceResolve,
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'dist',
    emptyOutDir: false,
    sourcemap: true,
    minify: false,
    rolldownOptions: {
      input: { index: 'src/index.ts', cli: 'src/cli.ts' },
      external: (id: string) =>
        nodeBuiltins.has(id) || (!id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0')),
      output: {
        format: 'es',
        entryFileNames: '[name].js',
        chunkFileNames: 'chunks/[name]-[hash].js',
        banner: (chunk: { name: string }) => (chunk.name === 'cli' ? '#!/usr/bin/env node' : ''),
      },
    },
  },
});
