import { describe, expect, it } from 'vitest';
import { highlightSegments } from './highlight-segments.js';

describe('highlightSegments', () => {
  it('splits text into marked and unmarked runs', () => {
    expect(highlightSegments('Refund an invoice', [[0, 6]])).toEqual([
      { text: 'Refund', marked: true },
      { text: ' an invoice', marked: false },
    ]);
  });

  it('merges overlapping ranges and sorts them', () => {
    expect(
      highlightSegments('abcdefgh', [
        [4, 6],
        [1, 3],
        [2, 5],
      ]),
    ).toEqual([
      { text: 'a', marked: false },
      { text: 'bcdef', marked: true },
      { text: 'gh', marked: false },
    ]);
  });

  it('clamps out-of-range and ignores empty or reversed offsets', () => {
    expect(
      highlightSegments('abc', [
        [-5, 1],
        [2, 99],
        [2, 1],
        [1, 1],
      ]),
    ).toEqual([
      { text: 'a', marked: true },
      { text: 'b', marked: false },
      { text: 'c', marked: true },
    ]);
  });

  it('returns the whole text unmarked without highlights', () => {
    expect(highlightSegments('plain', [])).toEqual([{ text: 'plain', marked: false }]);
  });
});
