#!/usr/bin/env node
// Checks every publishable package the way a consumer would meet it: each one is packed with
// `pnpm pack` (so `workspace:*` ranges and `publishConfig` overrides are rewritten exactly as on
// publish), then the tarball is linted with publint and its types are checked with
// @arethetypeswrong/core. Run the packages' builds first (`pnpm run build:all`).
//
//   node scripts/check-packages.mjs            # human report, exit code 1 on any problem
//   node scripts/check-packages.mjs --json     # machine report (used by scripts/test/packages.test.ts)
//   node scripts/check-packages.mjs core react # only these packages/ folders (or package directories)
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkPackage, createPackageFromTarballData } from '@arethetypeswrong/core';
import { problemKindInfo } from '@arethetypeswrong/core/problems';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// Every package is `"type": "module"` with import-only exports, so CommonJS resolution can only
// reach ESM (a dynamic import, or require(esm) on Node >= 20.19), and node10 resolution ignores
// `exports` altogether. This is attw's `esm-only` profile: problems seen only under these two
// resolution modes are expected for an ESM-only package and are not reported.
const IGNORED_RESOLUTIONS = new Set(['node10', 'node16-cjs']);

// Packages whose exports are script assets for a <script> tag (an IIFE and a self-installing
// bundle), not modules to import from TypeScript, so they carry no type declarations.
const UNTYPED_ASSET_PACKAGES = new Set(['@helpline/loader']);

// Manifest fields whose paths must exist in the tarball. publint skips `.ts` targets, so a custom
// condition pointing at unpublished sources (like `helpline-source`) would otherwise go unnoticed.
const PATH_FIELDS = ['main', 'module', 'types', 'typings', 'browser'];

// The export condition that points workspace tooling at src/*.ts (docs/development.md). Sources are not
// published, so each package's `publishConfig.exports` repeats `exports` without it.
const SOURCE_CONDITION = 'helpline-source';

async function readManifest(directory) {
  return JSON.parse(await readFile(join(directory, 'package.json'), 'utf8'));
}

/** Every folder under packages/ with a package.json; `private` ones are never published. */
async function listPackages() {
  const base = join(root, 'packages');
  const result = [];
  for (const folder of (await readdir(base)).sort()) {
    const directory = join(base, folder);
    if (!existsSync(join(directory, 'package.json'))) continue;
    const manifest = await readManifest(directory);
    result.push({ folder, directory, name: manifest.name, private: manifest.private === true });
  }
  return result;
}

function run(command, args, cwd) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(stdout);
      else reject(new Error(`${command} ${args.join(' ')} failed in ${cwd} (exit ${code}):\n${stderr || stdout}`));
    });
  });
}

/** pnpm itself when we run under `pnpm run`, else the version pinned in package.json through npx. */
async function pnpmCommand() {
  const execPath = process.env.npm_execpath;
  if (execPath && /pnpm/.test(basename(execPath))) {
    return execPath.endsWith('.js') || execPath.endsWith('.cjs') ? [process.execPath, [execPath]] : [execPath, []];
  }
  const { packageManager } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
  return [process.platform === 'win32' ? 'npx.cmd' : 'npx', ['--yes', packageManager]];
}

function packedFiles(stdout) {
  const start = stdout.search(/[[{]/);
  const parsed = JSON.parse(stdout.slice(start));
  return new Map((Array.isArray(parsed) ? parsed : [parsed]).map((entry) => [entry.name, entry.filename]));
}

/**
 * Packs the entries into `destination` and returns tarball paths by package name. Workspace
 * packages are packed by one recursive pnpm call (one pnpm start-up instead of one per package);
 * a directory outside the workspace is packed on its own.
 */
async function packAll(entries, destination) {
  const [command, prefix] = await pnpmCommand();
  const packArgs = ['pack', '--pack-destination', destination, '--json'];
  const workspace = entries.filter((entry) => relative(join(root, 'packages'), entry.directory) === entry.folder);
  const tarballs = new Map();
  if (workspace.length) {
    const filters = workspace.flatMap((entry) => ['--filter', `./${relative(root, entry.directory)}`]);
    for (const [name, file] of packedFiles(await run(command, [...prefix, '-r', ...filters, ...packArgs], root))) {
      tarballs.set(name, file);
    }
  }
  for (const entry of entries.filter((candidate) => !workspace.includes(candidate))) {
    for (const [name, file] of packedFiles(await run(command, [...prefix, ...packArgs], entry.directory))) {
      tarballs.set(name, file);
    }
  }
  return tarballs;
}

function collectTargets(value, path, out) {
  if (typeof value === 'string') out.push([path, value]);
  else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      collectTargets(item, `${path}[${Array.isArray(value) ? key : JSON.stringify(key)}]`, out);
    }
  }
  return out;
}

/** The workspace `exports` with the source condition removed: what `publishConfig.exports` must be. */
function withoutSourceCondition(exports) {
  if (!exports || typeof exports !== 'object' || Array.isArray(exports)) return exports;
  return Object.fromEntries(
    Object.entries(exports)
      .filter(([key]) => key !== SOURCE_CONDITION)
      .map(([key, value]) => [key, withoutSourceCondition(value)]),
  );
}

/**
 * What publint does not check: dangling paths of any condition, a published `exports` that drifted
 * from the workspace one, and unrewritten workspace ranges.
 */
function manifestProblems(manifest, workspaceManifest, files) {
  const problems = [];
  const expected = JSON.stringify(withoutSourceCondition(workspaceManifest.exports));
  if (JSON.stringify(manifest.exports) !== expected) {
    problems.push(
      `published exports ${JSON.stringify(manifest.exports)} differ from the workspace exports without "${SOURCE_CONDITION}" (${expected}); update publishConfig.exports`,
    );
  }
  const targets = collectTargets(manifest.exports, 'exports', []);
  for (const field of PATH_FIELDS) if (typeof manifest[field] === 'string') targets.push([field, manifest[field]]);
  if (typeof manifest.bin === 'string') targets.push(['bin', manifest.bin]);
  else if (manifest.bin) collectTargets(manifest.bin, 'bin', targets);
  for (const [path, target] of targets) {
    if (target.includes('*') || !target.startsWith('./')) continue;
    if (target === './package.json') continue;
    if (!files.has(target.slice(2))) problems.push(`${path} is ${target}, which is not in the tarball`);
  }
  for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies']) {
    for (const [name, range] of Object.entries(manifest[field] ?? {})) {
      if (String(range).startsWith('workspace:')) problems.push(`${field}["${name}"] is still ${range} after packing`);
    }
  }
  if (![...files].some((file) => /^readme(\.md)?$/i.test(file))) problems.push('README.md is not in the tarball');
  return problems;
}

function describeAttwProblem(problem) {
  const info = problemKindInfo[problem.kind];
  const where = [
    problem.entrypoint && `entrypoint "${problem.entrypoint}"`,
    problem.resolutionKind && `resolution ${problem.resolutionKind}`,
    problem.resolutionOption && `${problem.resolutionOption} resolution`,
    problem.fileName && `in ${problem.fileName}`,
    problem.moduleSpecifier && `importing "${problem.moduleSpecifier}"`,
    problem.typesFileName && `types ${problem.typesFileName}`,
    problem.implementationFileName && `implementation ${problem.implementationFileName}`,
  ].filter(Boolean);
  return `${problem.kind}: ${info?.shortDescription ?? ''} (${where.join(', ')}) ${info?.docsUrl ?? ''}`.trim();
}

async function attwProblems(name, data) {
  const analysis = await checkPackage(createPackageFromTarballData(data));
  if (!analysis.types) {
    return UNTYPED_ASSET_PACKAGES.has(name) ? [] : ['no type declarations reachable from the exports'];
  }
  return analysis.problems
    .filter((problem) => !('resolutionKind' in problem) || !IGNORED_RESOLUTIONS.has(problem.resolutionKind))
    .map(describeAttwProblem);
}

async function publintProblems(data) {
  const { messages, pkg } = await publint({
    pack: { tarball: data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) },
    level: 'suggestion',
  });
  return messages.map((message) => `${message.type} ${message.code}: ${formatMessage(message, pkg, { color: false })}`);
}

/** Every problem found in one packed package, grouped by tool. */
async function checkTarball(directory, tarball) {
  const data = new Uint8Array(await readFile(tarball));
  const pkg = createPackageFromTarballData(data);
  const prefix = `/node_modules/${pkg.packageName}/`;
  const files = new Set(pkg.listFiles().map((file) => file.slice(prefix.length)));
  const manifest = JSON.parse(pkg.readFile(`${prefix}package.json`));
  const workspaceManifest = await readManifest(directory);
  return {
    folder: basename(directory),
    name: manifest.name,
    tarball: basename(tarball),
    files: files.size,
    publint: await publintProblems(data),
    attw: await attwProblems(manifest.name, data),
    manifest: manifestProblems(manifest, workspaceManifest, files),
  };
}

/** A packages/ folder name, or a path to any package directory (the tests check broken fixtures). */
async function resolveTarget(target) {
  const inWorkspace = join(root, 'packages', target);
  const directory = existsSync(join(inWorkspace, 'package.json')) ? inWorkspace : resolve(target);
  const manifest = await readManifest(directory);
  return { folder: basename(directory), directory, name: manifest.name, private: manifest.private === true };
}

/** Checks the given targets (default: every package under packages/); private ones are skipped. */
export async function checkPackages({ targets } = {}) {
  const chosen = targets?.length ? await Promise.all(targets.map(resolveTarget)) : await listPackages();
  const publishable = chosen.filter((entry) => !entry.private);
  const destination = await mkdtemp(join(tmpdir(), 'helpline-pack-'));
  const results = [];
  try {
    const tarballs = publishable.length ? await packAll(publishable, destination) : new Map();
    // The checks are CPU-bound and share one TypeScript instance, so they run one after another.
    for (const entry of publishable) {
      try {
        const tarball = tarballs.get(entry.name);
        if (!tarball) throw new Error(`pnpm pack produced no tarball for ${entry.name}`);
        results.push(await checkTarball(entry.directory, tarball));
      } catch (error) {
        results.push({ folder: entry.folder, name: entry.name, error: String(error?.message ?? error) });
      }
    }
  } catch (error) {
    // Packing failed: every package gets the error, so each test names it.
    for (const entry of publishable)
      results.push({ folder: entry.folder, name: entry.name, error: String(error?.message ?? error) });
  } finally {
    await rm(destination, { recursive: true, force: true });
  }
  const skipped = chosen
    .filter((entry) => entry.private)
    .map(({ folder, name }) => ({ folder, name, skipped: 'private' }));
  return [...results.sort((a, b) => a.folder.localeCompare(b.folder)), ...skipped];
}

function problemCount(result) {
  if (result.error) return 1;
  return (result.publint?.length ?? 0) + (result.attw?.length ?? 0) + (result.manifest?.length ?? 0);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const args = process.argv.slice(2);
  const results = await checkPackages({ targets: args.filter((arg) => !arg.startsWith('--')) });
  if (args.includes('--json')) {
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  } else {
    for (const result of results) {
      if (result.skipped) {
        console.log(`- ${result.name}: skipped (${result.skipped})`);
        continue;
      }
      console.log(
        `${problemCount(result) ? '✗' : '✓'} ${result.name}${result.files ? ` (${result.files} files)` : ''}`,
      );
      if (result.error) console.log(`    ${result.error}`);
      for (const tool of ['publint', 'attw', 'manifest']) {
        for (const problem of result[tool] ?? []) console.log(`    ${tool}: ${problem}`);
      }
    }
  }
  process.exitCode = results.some((result) => problemCount(result) > 0) ? 1 : 0;
}
