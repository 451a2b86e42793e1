export type TextPart = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

// Stops at whitespace and at characters that end a URL in prose; trailing punctuation is trimmed below.
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'`]+/gi;
const TRAILING = /[.,;:!?)\]}]+$/;

/** Splits plain text into text and http(s) links; anything else (javascript:, data:) stays text. */
export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index ?? 0;
    const raw = match[0].replace(TRAILING, '');
    const href = safeHttpUrl(raw);
    if (!href) continue;
    if (start > last) parts.push({ kind: 'text', text: text.slice(last, start) });
    parts.push({ kind: 'link', text: raw, href });
    last = start + raw.length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}

/** The URL if it parses as http(s), else undefined. */
export function safeHttpUrl(value: string): string | undefined {
  try {
    const url = new URL(value, globalThis.location?.href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
