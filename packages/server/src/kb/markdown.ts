import { Marked, type Tokens } from 'marked';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/** http(s), mailto and same-site relative links only: javascript:, data: and friends become "#". */
export function safeUrl(href: string): string {
  const trimmed = href.trim();
  if (/^(https?:|mailto:)/i.test(trimmed)) return trimmed;
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed) || trimmed.startsWith('//')) return '#';
  return trimmed;
}

/**
 * Markdown → HTML with an allowlist by construction: raw HTML in the source is escaped (shown as
 * text), so the only tags are the ones marked itself emits, and every URL passes `safeUrl`. The
 * widget sanitizes again before anything reaches the DOM.
 */
const marked = new Marked({
  gfm: true,
  renderer: {
    html({ text }: Tokens.HTML | Tokens.Tag) {
      return escapeHtml(text);
    },
    link({ href, title, tokens }: Tokens.Link) {
      const url = safeUrl(href);
      const external = /^https?:/i.test(url);
      const titleAttr = title ? ` title="${escapeHtml(title)}"` : '';
      const rel = external ? ' rel="noopener noreferrer" target="_blank"' : '';
      return `<a href="${escapeHtml(url)}"${titleAttr}${rel}>${this.parser.parseInline(tokens)}</a>`;
    },
    image({ href, title, text }: Tokens.Image) {
      const url = safeUrl(href);
      if (!/^https?:|^\//i.test(url)) return escapeHtml(text);
      const titleAttr = title ? ` title="${escapeHtml(title)}"` : '';
      return `<img src="${escapeHtml(url)}" alt="${escapeHtml(text)}"${titleAttr} loading="lazy">`;
    },
  },
});

export function renderMarkdown(markdown: string): string {
  return marked.parse(markdown, { async: false });
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };

/**
 * Plain text of a markdown fragment, for search indexing, snippets and answer passages. A table row
 * stays one line, its cells joined by " · ": a passage quoting a row still reads as that row.
 */
export function markdownToText(markdown: string): string {
  return renderMarkdown(markdown)
    .replace(/<\/t[hd]>\s*(?=<t[hd][\s>])/g, ' · ')
    .replace(/<\/(p|li|h\d|pre|blockquote|tr)>/g, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#?\w+);/g, (whole, name: string) => ENTITIES[name] ?? whole)
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{2,}/g, '\n')
    .trim();
}
