import { describe, expect, it } from 'vitest';
import { markdownToText, renderMarkdown } from './markdown.js';

describe('renderMarkdown', () => {
  it('renders markdown and escapes raw HTML instead of passing it through', () => {
    const html = renderMarkdown('## Title\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)> **bold**');
    expect(html).toContain('<h2');
    expect(html).toContain('<strong>bold</strong>');
    expect(html).not.toMatch(/<script|<img src=x/);
    expect(html).toContain('&lt;script&gt;');
  });

  it('keeps http(s), mailto and relative links, and neutralises other schemes', () => {
    const html = renderMarkdown(
      '[a](https://ex.com) [b](mailto:x@y.z) [c](/settings) [d](javascript:alert(1)) [e](data:text/html,x)',
    );
    expect(html).toContain('href="https://ex.com" rel="noopener noreferrer" target="_blank"');
    expect(html).toContain('href="mailto:x@y.z"');
    expect(html).toContain('href="/settings"');
    expect(html).not.toMatch(/javascript:|data:text/);
  });

  it('drops images from non-http sources but keeps their alt text', () => {
    expect(renderMarkdown('![pic](javascript:alert(1))')).not.toContain('<img');
    expect(renderMarkdown('![pic](https://ex.com/a.png)')).toContain('<img src="https://ex.com/a.png" alt="pic"');
  });

  it('turns markdown into plain text for search and passages', () => {
    expect(markdownToText('Use **Settings** → [Profile](/p) & save.')).toBe('Use Settings → Profile & save.');
  });

  it('keeps each table row on one line, cells joined by " · ", without the header separator', () => {
    const table = [
      'Plans:',
      '',
      '| Plan | Seats | Price |',
      '|:-----|------:|-------|',
      '| Pro  | 10    | **$20** |',
      '| Team |       | $50   |',
      '',
      'Prices are monthly.',
    ].join('\n');
    expect(markdownToText(table)).toBe(
      ['Plans:', 'Plan · Seats · Price', 'Pro · 10 · $20', 'Team · · $50', 'Prices are monthly.'].join('\n'),
    );
  });
});
