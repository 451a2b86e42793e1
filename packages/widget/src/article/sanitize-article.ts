import createDOMPurify, { type DOMPurify } from 'dompurify';

// A fixed allow-list: article markup may structure text, link and show images — nothing that runs,
// submits, embeds, or restyles the panel.
const ALLOWED_TAGS = [
  'a',
  'b',
  'blockquote',
  'br',
  'caption',
  'code',
  'dd',
  'div',
  'dl',
  'dt',
  'em',
  'figcaption',
  'figure',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'i',
  'img',
  'kbd',
  'li',
  'ol',
  'p',
  'pre',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'u',
  'ul',
];
const ALLOWED_ATTR = ['href', 'src', 'alt', 'title', 'width', 'height', 'colspan', 'rowspan', 'scope', 'lang', 'dir'];
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const IMAGE_PROTOCOLS = new Set(['http:', 'https:']);

const purifiers = new WeakMap<Window, DOMPurify>();
// Base URL of the article being sanitized; set around each synchronous sanitize() call for the hook.
let currentBase: string | undefined;

function absoluteUrl(value: string | null, base: string | undefined): URL | undefined {
  if (!value) return undefined;
  try {
    return base ? new URL(value, base) : new URL(value);
  } catch {
    return undefined;
  }
}

/** One DOMPurify instance per window, with our hooks, so a host page's own DOMPurify is untouched. */
function purifierFor(win: Window): DOMPurify {
  let purify = purifiers.get(win);
  if (purify) return purify;
  purify = createDOMPurify(win as Window & typeof globalThis);
  purify.addHook('afterSanitizeAttributes', (node) => {
    const base = currentBase;
    if (node.nodeName === 'A') {
      const url = absoluteUrl(node.getAttribute('href'), base);
      if (url && LINK_PROTOCOLS.has(url.protocol)) {
        node.setAttribute('href', url.href);
        // Links leave the widget: never in the host's tab, never with a handle back to it.
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      } else {
        node.removeAttribute('href');
      }
    } else if (node.nodeName === 'IMG') {
      const url = absoluteUrl(node.getAttribute('src'), base);
      if (url && IMAGE_PROTOCOLS.has(url.protocol)) {
        node.setAttribute('src', url.href);
        node.setAttribute('loading', 'lazy');
        node.setAttribute('referrerpolicy', 'no-referrer');
      } else {
        node.removeAttribute('src');
      }
    }
  });
  purifiers.set(win, purify);
  return purify;
}

/**
 * Untrusted article HTML → a fragment safe to insert: allow-listed tags only, links http(s)/mailto
 * opening in a new tab with rel=noopener noreferrer, images http(s) only. `base` resolves relative URLs.
 */
export function sanitizeArticle(html: string, doc: Document, base?: string): DocumentFragment {
  const win = doc.defaultView;
  if (!win) return doc.createDocumentFragment();
  const config = {
    ALLOWED_TAGS,
    ALLOWED_ATTR,
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    RETURN_DOM_FRAGMENT: true as const,
  };
  const purify = purifierFor(win);
  currentBase = base;
  try {
    return purify.sanitize(html, config);
  } finally {
    currentBase = undefined;
  }
}
