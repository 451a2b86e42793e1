import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface CheckResult {
  folder: string;
  name: string;
  skipped?: string;
  error?: string;
  files?: number;
  publint?: string[];
  attw?: string[];
  manifest?: string[];
}

const root = fileURLToPath(new URL('../..', import.meta.url));
const checker = join(root, 'scripts', 'check-packages.mjs');

/**
 * Runs the checker in plain Node (not through Vite's resolver, which would pick the checker's
 * dependencies' `development` sources) and returns its JSON report, whatever its exit code.
 */
function runChecker(targets: string[]): Promise<CheckResult[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [checker, '--json', ...targets], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
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
      try {
        resolve(JSON.parse(stdout) as CheckResult[]);
      } catch {
        reject(new Error(`check-packages.mjs exited with ${code} without a report:\n${stderr}`));
      }
    });
  });
}

function problems(result: CheckResult | undefined): string[] {
  if (!result) return ['no result from check-packages.mjs'];
  if (result.error) return [`error: ${result.error}`];
  return [
    ...(result.publint ?? []).map((problem) => `publint: ${problem}`),
    ...(result.attw ?? []).map((problem) => `attw: ${problem}`),
    ...(result.manifest ?? []).map((problem) => `manifest: ${problem}`),
  ];
}

const packages = readdirSync(join(root, 'packages'))
  .filter((folder) => existsSync(join(root, 'packages', folder, 'package.json')))
  .sort()
  .map((folder) => {
    const manifest = JSON.parse(readFileSync(join(root, 'packages', folder, 'package.json'), 'utf8'));
    return { folder, name: manifest.name as string, private: manifest.private === true };
  });

describe('published packages', () => {
  let results: CheckResult[] = [];
  beforeAll(async () => {
    results = await runChecker([]);
  });

  for (const pkg of packages) {
    if (pkg.private) {
      it(`${pkg.name} is private and not checked`, () => {
        expect(results.find((result) => result.folder === pkg.folder)?.skipped).toBe('private');
      });
      continue;
    }
    it(`${pkg.name} passes publint, attw (esm-only) and the manifest checks`, () => {
      const result = results.find((candidate) => candidate.folder === pkg.folder);
      const found = problems(result);
      expect(found, `${pkg.name}:\n  ${found.join('\n  ')}`).toEqual([]);
      expect(result?.files).toBeGreaterThan(1);
    });
  }
});

/** Writes a package folder: `files` maps paths to contents (objects become JSON). */
function writePackage(directory: string, files: Record<string, string | object>): string {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(directory, path, '..'), { recursive: true });
    writeFileSync(join(directory, path), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return directory;
}

describe('check-packages.mjs', () => {
  let base = '';
  let good: CheckResult | undefined;
  let broken: CheckResult | undefined;
  beforeAll(async () => {
    base = mkdtempSync(join(tmpdir(), 'helpline-check-fixtures-'));
    const goodDir = writePackage(join(base, 'good'), {
      'package.json': {
        name: 'fixture-good',
        version: '1.0.0',
        type: 'module',
        exports: {
          '.': { 'helpline-source': './src/index.ts', types: './dist/index.d.ts', import: './dist/index.js' },
        },
        publishConfig: { exports: { '.': { types: './dist/index.d.ts', import: './dist/index.js' } } },
        types: './dist/index.d.ts',
        files: ['dist', 'README.md'],
      },
      'README.md': '# fixture-good\n',
      'src/index.ts': 'export const answer: number = 42;\n',
      'dist/index.js': 'export const answer = 42;\n',
      'dist/index.d.ts': 'export declare const answer: number;\n',
    });
    const brokenDir = writePackage(join(base, 'broken'), {
      'package.json': {
        name: 'fixture-broken',
        version: '1.0.0',
        type: 'module',
        // types after import, a source condition that is published, no README in files.
        exports: {
          '.': { 'helpline-source': './src/index.ts', import: './dist/index.js', types: './dist/index.d.ts' },
        },
        files: ['dist'],
      },
      'src/index.ts': 'export const answer: number = 42;\n',
      'dist/index.js': 'export const answer = 42;\n',
      'dist/index.d.ts': "export { answer } from './missing.js';\n",
    });
    const results = await runChecker([goodDir, brokenDir]);
    good = results.find((result) => result.name === 'fixture-good');
    broken = results.find((result) => result.name === 'fixture-broken');
  });
  afterAll(() => {
    if (base) rmSync(base, { recursive: true, force: true });
  });

  it('reports nothing for a well-formed ESM-only package (CommonJS resolution is out of scope)', () => {
    expect(problems(good)).toEqual([]);
  });

  it('reports publint errors', () => {
    expect(broken?.publint?.join('\n')).toMatch(/EXPORTS_TYPES_SHOULD_BE_FIRST/);
  });

  it('reports attw problems of the packed types', () => {
    expect(broken?.attw?.join('\n')).toMatch(/InternalResolutionError.*missing\.js/);
  });

  it('reports a published source condition, drifted exports and a missing README', () => {
    const manifest = broken?.manifest?.join('\n') ?? '';
    expect(manifest).toMatch(/exports\["\."\]\["helpline-source"\] is \.\/src\/index\.ts, which is not in the tarball/);
    expect(manifest).toMatch(/update publishConfig\.exports/);
    expect(manifest).toMatch(/README\.md is not in the tarball/);
  });
});
