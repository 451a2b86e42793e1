import { execFile } from 'node:child_process';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repoRoot } from './constants.ts';

// What a newcomer does by hand, following README.md and docs/getting-started.md: copy a snippet,
// make the tarballs, `npm install` them into an app of their own.

const run = promisify(execFile);

/**
 * The fenced ```lang block number `index` in the section under `heading` (a whole heading line, e.g.
 * '## Embed it'), exactly as written. Throws when the docs no longer have it.
 */
export async function docSnippet(file: string, heading: string, lang: string, index = 0): Promise<string> {
  const markdown = await readFile(join(repoRoot, file), 'utf8');
  const level = heading.match(/^#+/)?.[0].length ?? 0;
  const lines = markdown.split('\n');
  const start = lines.indexOf(heading);
  if (start < 0) throw new Error(`${file} has no heading "${heading}"`);
  const end = lines.findIndex((line, i) => i > start && new RegExp(`^#{1,${level}} `).test(line));
  const section = lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
  const blocks = [...section.matchAll(new RegExp(`^\`\`\`${lang}\\n([\\s\\S]*?)^\`\`\`$`, 'gm'))];
  const block = blocks[index]?.[1];
  if (block === undefined) throw new Error(`${file} "${heading}" has no ${lang} block #${index}`);
  return block;
}

/** Replaces each placeholder everywhere it occurs; one that no longer occurs means the docs changed. */
export function fillPlaceholders(snippet: string, values: Record<string, string>): string {
  let filled = snippet;
  for (const [placeholder, value] of Object.entries(values)) {
    if (!filled.includes(placeholder)) throw new Error(`The snippet no longer contains ${placeholder}:\n${snippet}`);
    filled = filled.replaceAll(placeholder, value);
  }
  return filled;
}

// Settings a machine may need to reach its registry at all (a mirror, a proxy, a CA): kept.
const KEPT_NPM_SETTINGS = /^npm_config_(registry|cache|userconfig|cafile|ca|strict_ssl|proxy|https_proxy|noproxy)$/i;

/**
 * The environment of a newcomer's shell. The tests run under `npm test` → pnpm → vitest, which export
 * the repository's package, lifecycle and pnpm settings (npm_config_globalconfig points at pnpm's rc,
 * npm_config_loglevel=silent, …) and NODE_ENV=test: none of that is in a newcomer's terminal.
 */
export function newcomerEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) =>
        KEPT_NPM_SETTINGS.test(name) || !(/^(npm|pnpm)_/i.test(name) || name === 'NODE_ENV' || name === 'INIT_CWD'),
    ),
  );
}

async function runOrExplain(command: string, args: string[], cwd: string, timeout: number): Promise<void> {
  try {
    // pnpm lists every packed file: the buffer must hold that, or a successful pack reads as a failure.
    await run(command, args, { cwd, env: newcomerEnv(), timeout, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(
      `${command} ${args.join(' ')} (in ${cwd}) failed: ${(error as Error).message}\n${stderr.slice(-4000)}\n${stdout.slice(-2000)}`,
    );
  }
}

/**
 * `npm run pack` without its build step (`npm test` built the packages before vitest started): the
 * same pnpm command, at the version package.json pins, writing the tarballs to `destination`.
 * Returns the tarball of each package by its short name (`core`, `widget`, …).
 */
export async function packPackages(destination: string, timeout = 120_000): Promise<Map<string, string>> {
  const { packageManager } = JSON.parse(await readFile(join(repoRoot, 'package.json'), 'utf8')) as {
    packageManager: string;
  };
  await runOrExplain(
    'npx',
    ['--yes', packageManager, '-r', '--filter', './packages/**', 'pack', '--pack-destination', destination],
    repoRoot,
    timeout,
  );
  const tarballs = new Map<string, string>();
  for (const file of await readdir(destination)) {
    const name = file.match(/^helpline-(.+)-\d+\.\d+\.\d+(?:-[\w.]+)?\.tgz$/)?.[1];
    if (name) tarballs.set(name, join(destination, file));
  }
  return tarballs;
}

/**
 * A fresh app folder with `dependencies` in its package.json, installed by plain `npm install` as a
 * newcomer would (the registry for everything that is not a tarball).
 */
export async function installApp(
  appDir: string,
  dependencies: Record<string, string>,
  timeout = 180_000,
): Promise<void> {
  const manifest = { name: 'newcomer-app', private: true, version: '0.0.0', type: 'module', dependencies };
  await writeFile(join(appDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await runOrExplain(
    'npm',
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'],
    appDir,
    timeout,
  );
}
