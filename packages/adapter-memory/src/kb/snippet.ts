const WINDOW = 180;
const LEAD = 50;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function termPattern(terms: readonly string[]): RegExp | undefined {
  const words = [...new Set(terms)].filter((t) => t.length > 0).sort((a, b) => b.length - a.length);
  if (words.length === 0) return undefined;
  return new RegExp(`(?<![\\p{L}\\p{N}])(${words.map(escapeRegExp).join('|')})`, 'giu');
}

/** [start, end) offsets of every matched term in `text`. */
export function highlightsIn(text: string, terms: readonly string[]): [number, number][] {
  const pattern = termPattern(terms);
  if (!pattern) return [];
  return [...text.matchAll(pattern)].map((m) => [m.index ?? 0, (m.index ?? 0) + m[0].length]);
}

/**
 * A short excerpt of `text` around the first matched term, with highlight offsets into the excerpt
 * (never markup, so the widget renders it as text and wraps the ranges itself).
 */
export function makeSnippet(
  text: string,
  terms: readonly string[],
  fallback = '',
): { snippet: string; highlights: [number, number][] } {
  const first = highlightsIn(text, terms)[0];
  let snippet: string;
  if (first) {
    let start = Math.max(0, first[0] - LEAD);
    if (start > 0) start = text.indexOf(' ', start) + 1 || start;
    let end = Math.min(text.length, start + WINDOW);
    if (end < text.length) end = text.lastIndexOf(' ', end) > start ? text.lastIndexOf(' ', end) : end;
    snippet = `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
  } else {
    const source = fallback || text;
    snippet =
      source.length > WINDOW
        ? `${source.slice(0, source.lastIndexOf(' ', WINDOW) > 0 ? source.lastIndexOf(' ', WINDOW) : WINDOW)}…`
        : source;
  }
  return { snippet, highlights: highlightsIn(snippet, terms) };
}
