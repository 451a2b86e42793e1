/**
 * Help Center search snippets mark matches with <em>…</em> (the rest is escaped text). Returns the
 * plain snippet and [start, end) offsets of the marked words, so no vendor HTML reaches the widget.
 */
export function splitSnippet(snippet: string): { text: string; highlights: [number, number][] } {
  const highlights: [number, number][] = [];
  let text = '';
  for (const [index, part] of snippet.split(/<\/?em>/i).entries()) {
    const plain = decodeEntities(part.replace(/<[^>]*>/g, ''));
    if (index % 2 === 1 && plain) highlights.push([text.length, text.length + plain.length]);
    text += plain;
  }
  return { text, highlights };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };

export function decodeEntities(value: string): string {
  return value.replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_, name: string) => ENTITIES[name] ?? '');
}

/** Plain text of an article body for a summary line: tags dropped, whitespace collapsed. */
export function plainText(html: string, max: number): string {
  const text = decodeEntities(html.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
