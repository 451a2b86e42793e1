const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

/**
 * Plain text of an article's HTML for indexing and snippets. No DOM: the reference server runs this
 * in Node too. The result is only ever searched and rendered as text, never as markup.
 */
export function htmlToText(html: string): string {
  return (
    html
      .replace(/<(script|style|template)\b[^>]*>[\s\S]*?<\/\1>/gi, ' ')
      // Block boundaries separate words; inline tags sit inside words and punctuation ("<b>x</b>.").
      .replace(
        /<\/?(p|div|br|hr|li|ul|ol|h[1-6]|tr|td|th|table|section|article|blockquote|pre|dd|dt|dl)\b[^>]*>/gi,
        ' ',
      )
      .replace(/<[^>]*>/g, '')
      .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+\d*);/gi, (entity, name: string) => {
        const lower = name.toLowerCase();
        if (lower in ENTITIES) return ENTITIES[lower] ?? entity;
        if (lower.startsWith('#x')) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16));
        if (lower.startsWith('#')) return String.fromCodePoint(Number.parseInt(lower.slice(1), 10));
        return entity;
      })
      .replace(/\s+/g, ' ')
      .trim()
  );
}
