import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { compressedSizes } from '../../scripts/measure-bundle.mjs';

const peersDir = fileURLToPath(new URL('../peers/', import.meta.url));
export const outDir = fileURLToPath(new URL('../.out/', import.meta.url));

export const PEERS = [
  { id: 'sentry-feedback', label: '@sentry/browser + feedback', loaderOnly: false },
  { id: 'intercom', label: '@intercom/messenger-js-sdk', loaderOnly: true },
  { id: 'crisp', label: 'crisp-sdk-web', loaderOnly: true },
  { id: 'papercups', label: '@papercups-io/chat-widget (+ React)', loaderOnly: true },
];

/** Installs the pinned peer packages once (kept out of the workspace lockfile). */
export function ensurePeers() {
  if (existsSync(join(peersDir, 'node_modules', '@sentry', 'browser'))) return;
  console.log('bench: installing peer widgets from npm (once)…');
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts', '--legacy-peer-deps'], {
    cwd: peersDir,
    stdio: 'inherit',
  });
}

/**
 * Bundles one peer the way Helpline is bundled (vite/rolldown, minified ESM, browser target) and
 * returns the output file and its sizes.
 * @param {string} id
 */
export async function bundlePeer(id) {
  await build({
    root: peersDir,
    logLevel: 'silent',
    configFile: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      outDir: join(outDir, id),
      emptyOutDir: true,
      target: 'es2020',
      minify: true,
      rolldownOptions: {
        input: join(peersDir, 'entries', `${id}.js`),
        output: { entryFileNames: 'bundle.js', format: 'es', codeSplitting: false },
      },
    },
  });
  const file = join(outDir, id, 'bundle.js');
  return { file, sizes: compressedSizes(readFileSync(file)) };
}
