import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BUDGETS, measureBundle } from '../../../scripts/measure-bundle.mjs';

const dist = fileURLToPath(new URL('../dist', import.meta.url));
const built = existsSync(`${dist}/.vite/manifest.json`);

describe('size budgets of the script-tag build (DESIGN.md)', () => {
  it('has a build to measure (npm test builds before running tests)', () => {
    expect(built, 'build first: npm test does').toBe(true);
  });

  const sizes = built ? measureBundle(dist) : undefined;

  it(`keeps the loader within ${BUDGETS.loader} bytes gzip`, () => {
    expect(sizes?.loader.gzip).toBeLessThanOrEqual(BUDGETS.loader);
  });

  it(`keeps what the first open fetches within ${BUDGETS.firstOpen} bytes gzip`, () => {
    expect(sizes?.firstOpenFiles).toContain('helpline.js');
    expect(sizes?.firstOpen.gzip).toBeLessThanOrEqual(BUDGETS.firstOpen);
  });

  it(`keeps all chunks with one locale within ${BUDGETS.all} bytes gzip`, () => {
    expect(sizes?.all.gzip).toBeLessThanOrEqual(BUDGETS.all);
  });
});
