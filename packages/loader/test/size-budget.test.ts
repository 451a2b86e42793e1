// @vitest-environment node
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BUDGETS, measureBundle } from '../../../scripts/measure-bundle.mjs';

const dist = fileURLToPath(new URL('../dist', import.meta.url));
const built = existsSync(`${dist}/.vite/manifest.json`);

/**
 * DESIGN.md's first-open (30 KB) and everything (50 KB) targets are not met yet: docs/performance.md
 * has the breakdown and the plan. Until they are, these ceilings stop the script-tag build from
 * growing. Lower them as it shrinks; raising one needs a reason in the commit. The entry holds the
 * lazy chunks' hashed names, which move a few bytes between builds of the same source (a fresh clone
 * measured 1 B more than the checkout that set the ceiling): the first-open ceilings keep 8 B above
 * the last measurement.
 */
const CEILINGS = {
  firstOpen: 39.71 * 1024 + 1060,
  firstOpenAfterIdle: 38.15 * 1024 + 1054,
  idle: 2 * 1024,
  all: 70 * 1024 + 7513,
};

describe('size budgets of the script-tag build', () => {
  it('has a build to measure (npm test builds before running tests)', () => {
    expect(built, 'build first: npm test does').toBe(true);
  });

  const sizes = built ? measureBundle(dist) : undefined;

  it(`keeps the loader within its ${BUDGETS.loader}-byte gzip budget`, () => {
    expect(sizes?.loader.gzip).toBeLessThanOrEqual(BUDGETS.loader);
  });

  it('measures the first open as the entry plus the home view, and the early capture as what idle brings', () => {
    const shared = expect.stringMatching(/^chunks\/early-capture-[\w-]+\.js$/);
    expect(sizes?.firstOpenFiles).toEqual([expect.stringMatching(/^helpline-[\w-]+\.js$/), shared]);
    expect(sizes?.firstOpenSources.some((source) => /widget\/src\/home\/HomeView\.tsx$/.test(source))).toBe(true);
    expect(sizes?.idleFiles).toEqual([expect.stringMatching(/^capture-[\w-]+\.js$/), shared]);
  });

  it(`keeps what the first open fetches under its ceiling of ${CEILINGS.firstOpen} bytes gzip`, () => {
    expect(sizes?.firstOpen.gzip).toBeLessThanOrEqual(CEILINGS.firstOpen);
  });

  it(`keeps a first open after the page was idle under ${CEILINGS.firstOpenAfterIdle} bytes gzip`, () => {
    expect(sizes?.firstOpenAfterIdle.gzip).toBeLessThanOrEqual(CEILINGS.firstOpenAfterIdle);
  });

  it(`keeps what every page fetches at idle (the early capture) under ${CEILINGS.idle} bytes gzip`, () => {
    expect(sizes?.idle.gzip).toBeLessThanOrEqual(CEILINGS.idle);
  });

  it(`keeps all chunks with one locale under their ceiling of ${CEILINGS.all} bytes gzip`, () => {
    expect(sizes?.all.gzip).toBeLessThanOrEqual(CEILINGS.all);
  });

  it('ships a gzip and a brotli copy of every script, which servers send as they are', () => {
    const scripts = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.js'));
    expect(scripts).toEqual(
      expect.arrayContaining([
        'loader.js',
        expect.stringMatching(/^helpline-[\w-]+\.js$/),
        expect.stringMatching(/^capture-[\w-]+\.js$/),
      ]),
    );
    for (const file of scripts) {
      const bytes = readFileSync(join(dist, file));
      expect(gunzipSync(readFileSync(join(dist, `${file}.gz`))).equals(bytes), `${file}.gz`).toBe(true);
      expect(brotliDecompressSync(readFileSync(join(dist, `${file}.br`))).equals(bytes), `${file}.br`).toBe(true);
    }
  });
});
