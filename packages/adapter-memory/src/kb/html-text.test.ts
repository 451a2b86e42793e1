import { describe, expect, it } from 'vitest';
import { htmlToText } from './html-text.js';
import { splitSections } from './sections.js';
import { makeSnippet } from './snippet.js';

describe('htmlToText', () => {
  it('drops tags, scripts and styles and decodes entities', () => {
    expect(
      htmlToText('<p>Fish &amp; chips&nbsp;&#8364;5 &#x2713;</p><script>alert(1)</script><style>p{}</style><b>ok</b>'),
    ).toBe('Fish & chips €5 ✓ ok');
  });

  it('leaves unknown entities as written', () => {
    expect(htmlToText('a &bogus; b')).toBe('a &bogus; b');
  });
});

describe('splitSections', () => {
  it('keeps the intro without a heading and one section per h2', () => {
    expect(splitSections('<p>Intro</p><h2 id="a">First <em>part</em></h2><p>One</p><h2>Second</h2><p>Two</p>')).toEqual(
      [{ text: 'Intro' }, { heading: 'First part', text: 'One' }, { heading: 'Second', text: 'Two' }],
    );
  });

  it('treats an article without h2 as one section', () => {
    expect(splitSections('<p>Only text</p>')).toEqual([{ text: 'Only text' }]);
  });
});

describe('makeSnippet', () => {
  it('centres on the first match with ellipses and offsets into the snippet', () => {
    const text = `${'lorem '.repeat(40)}the refund arrives ${'ipsum '.repeat(40)}`;
    const { snippet, highlights } = makeSnippet(text, ['refund']);
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(highlights).toHaveLength(1);
    const [start, end] = highlights[0] ?? [0, 0];
    expect(snippet.slice(start, end)).toBe('refund');
  });

  it('matches at word starts only and falls back to the summary without a match', () => {
    expect(makeSnippet('prerefund refunds', ['refund']).highlights).toEqual([[10, 16]]);
    expect(makeSnippet('body text', ['zzz'], 'Summary').snippet).toBe('Summary');
  });
});
