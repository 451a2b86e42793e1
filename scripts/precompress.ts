import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** What a browser fetches as text: worth sending compressed (vite's own .vite/ metadata is not fetched). */
const COMPRESSIBLE = /^(?!\.vite\/).*\.(js|css|html|svg|json)$/;

/** Writes `file.gz` (gzip -9) and `file.br` (brotli 11) beside `file`. */
function precompressFile(file: string): void {
  const bytes = readFileSync(file);
  writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
  writeFileSync(
    `${file}.br`,
    brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }),
  );
}

/**
 * Compressed copies of a build's output, made once at build time: the reference server sends them to
 * browsers that accept them (the widget's first open is ~110 KB as written, ~38 KB gzipped), and any
 * static host that serves precompressed files can do the same. Runs once the files are written, so
 * the copies match the bytes on disk, source-map comment included.
 */
export function precompress(): Plugin {
  return {
    name: 'helpline-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir ?? '';
      for (const fileName of Object.keys(bundle)) if (COMPRESSIBLE.test(fileName)) precompressFile(join(dir, fileName));
    },
  };
}
