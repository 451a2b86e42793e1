import type { AcceptedType } from './sniff.js';

const MAX_CODE_POINTS = 255;

/**
 * Extensions a saved copy may keep for each type; the first is added when the name has none of
 * them. Opened from disk, a file runs as its extension says, not as its bytes are: markup uploaded
 * as `x.html` or a script as `x.bat` must not keep that extension once it is known to be text.
 */
const EXTENSIONS: Readonly<Record<AcceptedType, readonly [string, ...string[]]>> = {
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
  'application/pdf': ['pdf'],
  'text/plain': ['txt', 'log'],
};

const isPrintable = (char: string): boolean => {
  const code = char.codePointAt(0) ?? 0;
  return char !== '"' && code >= 0x20 && code !== 0x7f;
};

/** Whole graphemes while they fit, so an emoji or an accented letter is never cut in half. */
function truncate(text: string, maxCodePoints: number): string {
  let kept = '';
  let used = 0;
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text)) {
    const size = [...segment].length;
    if (used + size > maxCodePoints) break;
    kept += segment;
    used += size;
  }
  return kept;
}

/**
 * A name whose extension matches the sniffed type (`x.html` sent as text becomes `x.html.txt`),
 * at most 255 code points. Names stored by earlier versions pass through it again when served.
 */
export function withTypeExtension(name: string, type: AcceptedType): string {
  const [preferred, ...others] = EXTENSIONS[type];
  const dot = /\.([^.]*)$/.exec(name);
  const extension = dot?.[1]?.toLowerCase();
  if (dot && extension && (extension === preferred || others.includes(extension))) {
    const tail = name.slice(dot.index);
    return truncate(name.slice(0, dot.index), MAX_CODE_POINTS - [...tail].length) + tail;
  }
  return `${truncate(name, MAX_CODE_POINTS - preferred.length - 1)}.${preferred}`;
}

/** The name an upload is stored under, from its X-Filename: no folders, quotes or control characters. */
export function attachmentName(header: string | undefined, type: AcceptedType): string {
  let name = header ?? '';
  try {
    name = decodeURIComponent(name);
  } catch {
    // Not percent-encoded: use as is.
  }
  const bare = [...name.replace(/^.*[/\\]/, '')].filter(isPrintable).join('').trim();
  return withTypeExtension(bare || 'attachment', type);
}
