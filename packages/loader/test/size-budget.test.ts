import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUDGETS, measureBundle } from '../src/budgets/measure.ts';

const dist = fileURLToPath(new URL('../dist', import.meta.url));

describe('size budgets of the script-tag build (DESIGN.md)', () => {
  it('has a build to measure (npm test builds before running tests)', () => {
    expect(existsSync(`${dist}/.vite/manifest.json`), 'run the build first: npm test does').toBe(true);
  });

  const sizes = existsSync(`${dist}/.vite/manifest.json`) ? measureBundle(dist) : undefined;

  it(`keeps the loader within ${BUDGETS.loader} bytes gzip`, () => {
    expect(sizes?.loader).toBeLessThanOrEqual(BUDGETS.loader);
  });

  it(`keeps what the first open fetches within ${BUDGETS.firstOpen} bytes gzip`, () => {
    expect(sizes?.firstOpenFiles.length).toBeGreaterThan(1);
    expect(sizes?.firstOpen).toBeLessThanOrEqual(BUDGETS.firstOpen);
  });

  it(`keeps all chunks with one locale within ${BUDGETS.all} bytes gzip`, () => {
    expect(sizes?.all).toBeLessThanOrEqual(BUDGETS.all);
  });
});
