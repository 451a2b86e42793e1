import { describe, expect, it } from 'vitest';
import { splitPassages } from './passages.js';

describe('splitPassages', () => {
  it('cuts an article at its ## headings, keeping the intro and ignoring headings inside code', () => {
    const passages = splitPassages(
      'Intro text.\n\n## First question\n\nAnswer one.\n\n```\n## not a heading\n```\n\n## Second\n\nAnswer two.',
    );
    expect(passages.map((p) => p.heading)).toEqual([undefined, 'First question', 'Second']);
    expect(passages[1]?.text).toContain('Answer one.');
    expect(passages[1]?.text).toContain('## not a heading');
  });
});
