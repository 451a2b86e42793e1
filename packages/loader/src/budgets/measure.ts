import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

export interface BundleSizes {
  loader: number;
  firstOpen: number;
  firstOpenFiles: string[];
  all: number;
  files: Record<string, number>;
}

export const BUDGETS = { loader: 1536, firstOpen: 30 * 1024, all: 50 * 1024 } as const;

const gzipSize = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

/**
 * Gzip sizes of the script-tag build, from vite's manifest: what the loader costs every page, what
 * the first launcher click fetches (the entry, its static imports and the home view with its own),
 * and everything together (all views, the sanitizer, one locale).
 */
export function measureBundle(distDir: string): BundleSizes {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  const files: Record<string, number> = {};
  for (const chunk of Object.values(manifest)) {
    if (chunk.file.endsWith('.js')) files[chunk.file] = gzipSize(join(distDir, chunk.file));
  }
  const closure = (keys: string[], seen = new Set<string>()) => {
    for (const key of keys) {
      if (seen.has(key)) continue;
      seen.add(key);
      closure(manifest[key]?.imports ?? [], seen);
    }
    return seen;
  };
  const entries = Object.keys(manifest).filter((key) => manifest[key]?.isEntry);
  const homeViews = Object.keys(manifest).filter((key) => manifest[key]?.isDynamicEntry && /\/home\//.test(key));
  const firstOpenKeys = closure([...entries, ...homeViews]);
  const firstOpenFiles = [...firstOpenKeys].map((key) => manifest[key]?.file ?? key);
  const extraLocales = Object.keys(files).filter((file) => /\/(de|ar)[-.]/.test(file) || /locale-(de|ar)/.test(file));
  return {
    loader: gzipSize(join(distDir, 'loader.js')),
    firstOpen: firstOpenFiles.reduce((sum, file) => sum + (files[file] ?? 0), 0),
    firstOpenFiles,
    all: Object.entries(files)
      .filter(([file]) => !extraLocales.includes(file))
      .reduce((sum, [, size]) => sum + size, 0),
    files,
  };
}
