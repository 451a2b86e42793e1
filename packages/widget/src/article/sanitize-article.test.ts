import { describe, expect, it } from 'vitest';
import { sanitizeArticle } from './sanitize-article.js';

const toHtml = (fragment: DocumentFragment) => {
  const div = document.createElement('div');
  div.append(fragment);
  return div;
};

describe('sanitizeArticle', () => {
  it('drops scripts, event handlers, iframes, forms and styles', () => {
    const div = toHtml(
      sanitizeArticle(
        '<p onclick="alert(1)">Hi<script>alert(1)</script></p><img src="https://x.test/a.png" onerror="alert(2)"><iframe src="https://evil.test"></iframe><form action="https://evil.test"><input name="card"></form><style>*{display:none}</style><p style="color:red">styled</p>',
        document,
      ),
    );
    expect(div.querySelector('script, iframe, form, input, style')).toBeNull();
    expect(div.innerHTML).not.toMatch(/onclick|onerror|style=/);
    expect(div.textContent).toContain('Hi');
    expect(div.textContent).toContain('styled');
  });

  it('keeps http(s) and mailto links, opening in a new tab without opener or referrer', () => {
    const div = toHtml(
      sanitizeArticle('<a href="https://docs.test/x">docs</a><a href="mailto:help@acme.test">mail</a>', document),
    );
    const links = [...div.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://docs.test/x', 'mailto:help@acme.test']);
    for (const a of links) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
  });

  it('strips javascript:, data: and relative links without a base', () => {
    const div = toHtml(
      sanitizeArticle(
        '<a href="javascript:alert(1)">a</a><a href="data:text/html,x">b</a><a href="/relative">c</a><a href=" JaVaScRiPt:alert(1)">d</a>',
        document,
      ),
    );
    for (const a of div.querySelectorAll('a')) expect(a.hasAttribute('href')).toBe(false);
  });

  it('resolves relative links and images against the article url', () => {
    const div = toHtml(
      sanitizeArticle(
        '<a href="/billing">b</a><img src="img/a.png" alt="A">',
        document,
        'https://help.acme.test/articles/1',
      ),
    );
    expect(div.querySelector('a')?.getAttribute('href')).toBe('https://help.acme.test/billing');
    expect(div.querySelector('img')?.getAttribute('src')).toBe('https://help.acme.test/articles/img/a.png');
  });

  it('allows only http(s) image sources', () => {
    const div = toHtml(
      sanitizeArticle(
        '<img src="javascript:alert(1)" alt="x"><img src="data:image/png;base64,AAAA" alt="y">',
        document,
      ),
    );
    for (const img of div.querySelectorAll('img')) expect(img.hasAttribute('src')).toBe(false);
  });
});
