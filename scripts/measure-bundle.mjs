// Gzip/brotli sizes of the script-tag build, read from vite's manifest. Shared by the size-budget test
// (packages/loader/test) and `npm run bench`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Budgets from DESIGN.md, in bytes (1 KB = 1024 bytes). */
export const BUDGETS = { loader: 1536, firstOpen: 30 * 1024, all: 50 * 1024 };

/** @param {Buffer} bytes */
export function compressedSizes(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/**
 * What the loader costs every page; what it fetches at idle for a visitor who has not clicked yet (the
 * early capture: its entry and the chunk it shares with the widget); what the first launcher click
 * fetches (the widget entry, its static imports, and the home view with its own) when it comes before
 * that idle moment, and after it (less what the idle fetch brought); and everything together (all
 * views, the sanitizer, one locale: the other locales' chunks are left out).
 * @param {string} distDir packages/loader/dist
 */
export function measureBundle(distDir) {
  /** @type {Record<string, {file: string, isEntry?: boolean, isDynamicEntry?: boolean, imports?: string[]}>} */
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8'));
  /** @type {Record<string, {raw: number, gzip: number, brotli: number}>} */
  const files = {};
  for (const chunk of Object.values(manifest)) {
    if (chunk.file.endsWith('.js')) files[chunk.file] = compressedSizes(readFileSync(join(distDir, chunk.file)));
  }
  /** @param {string[]} keys @param {Set<string>} seen */
  const closure = (keys, seen = new Set()) => {
    for (const key of keys) {
      if (seen.has(key)) continue;
      seen.add(key);
      closure(manifest[key]?.imports ?? [], seen);
    }
    return seen;
  };
  const keys = Object.keys(manifest);
  const homeViews = keys.filter((key) => manifest[key]?.isDynamicEntry && /\/home\//.test(key));
  const fileOf = (/** @type {string} */ key) => manifest[key]?.file ?? key;
  const firstOpenFiles = [...closure(['src/bundle.ts', ...homeViews])].map(fileOf);
  const idleFiles = [...closure(['src/capture.ts'])].map(fileOf);
  const afterIdleFiles = firstOpenFiles.filter((file) => !idleFiles.includes(file));
  const otherLocales = keys
    .filter((key) => /\/i18n\/(?!en\/)[a-z]{2}(-[A-Za-z]+)?\//.test(key))
    .map((key) => manifest[key]?.file);
  /** @param {string[]} list @param {'raw'|'gzip'|'brotli'} kind */
  const sum = (list, kind) => list.reduce((total, file) => total + (files[file]?.[kind] ?? 0), 0);
  const allFiles = Object.keys(files).filter((file) => !otherLocales.includes(file));
  const loader = compressedSizes(readFileSync(join(distDir, 'loader.js')));
  // The source modules the first open runs, from the chunks' source maps: proves the home view is counted
  // whether it comes in the entry or in a chunk of its own.
  const firstOpenSources = firstOpenFiles.flatMap(
    (file) => JSON.parse(readFileSync(join(distDir, `${file}.map`), 'utf8')).sources,
  );
  /** @param {string[]} list */
  const total = (list) => ({ raw: sum(list, 'raw'), gzip: sum(list, 'gzip'), brotli: sum(list, 'brotli') });
  return {
    loader,
    idle: total(idleFiles),
    idleFiles,
    firstOpen: total(firstOpenFiles),
    firstOpenFiles,
    firstOpenSources,
    firstOpenAfterIdle: total(afterIdleFiles),
    all: total(allFiles),
    files,
  };
}
