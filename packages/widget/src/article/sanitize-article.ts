// Article HTML is parsed into an inert template (no script runs, no image loads there) and rebuilt node
// by node in the target document from fixed allow-lists. Nothing is serialized and parsed again, so
// no markup can change meaning between a check and its use (mutation XSS has no second parse to hit).

const HTML_NS = 'http://www.w3.org/1999/xhtml';
const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const SHOW_ELEMENT = 1;

// Article markup may structure text, link and show images — nothing that runs, submits, embeds,
// or restyles the panel.
const ALLOWED_TAGS = new Set([
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
  'h1',
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
]);

// Dropped with everything inside: their content is code, styles, document metadata, form state,
// foreign markup or raw text that was never meant to be read as part of the article.
const DROPPED_TAGS = new Set([
  'applet',
  'base',
  'button',
  'embed',
  'form',
  'frame',
  'frameset',
  'head',
  'iframe',
  'input',
  'link',
  'math',
  'meta',
  'noembed',
  'noframes',
  'noscript',
  'object',
  'plaintext',
  'script',
  'select',
  'style',
  'svg',
  'template',
  'textarea',
  'title',
  'xmp',
]);

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);
const IMAGE_PROTOCOLS = new Set(['http:', 'https:']);

/** Allowed attribute → its value as written to the output, or undefined to drop the attribute. */
type AttributeRule = (value: string) => string | undefined;

const anyText: AttributeRule = (value) => value;
const digits: AttributeRule = (value) => (/^\d{1,5}$/.test(value.trim()) ? value.trim() : undefined);
const oneOf =
  (...allowed: string[]): AttributeRule =>
  (value) => {
    const normalized = value.trim().toLowerCase();
    return allowed.includes(normalized) ? normalized : undefined;
  };

// href and src are not here: they are URLs, checked per element in `copyUrls`.
const ATTRIBUTE_RULES: ReadonlyMap<string, AttributeRule> = new Map<string, AttributeRule>([
  ['alt', anyText],
  ['title', anyText],
  ['lang', (value) => (/^[a-z]{1,8}(-[a-z0-9]{1,8})*$/i.test(value.trim()) ? value.trim() : undefined)],
  ['dir', oneOf('ltr', 'rtl', 'auto')],
  ['scope', oneOf('row', 'col', 'rowgroup', 'colgroup')],
  ['width', digits],
  ['height', digits],
  ['colspan', digits],
  ['rowspan', digits],
]);

// A hostile article must not hang the panel: deeper elements are flattened into their ancestor at
// the cap (their text stays), and the walk stops after this many source nodes.
const MAX_DEPTH = 100;
const MAX_NODES = 20_000;

function absoluteUrl(value: string | null, base: string | undefined, protocols: Set<string>): string | undefined {
  if (!value) return undefined;
  try {
    // The URL parser drops the tabs, newlines and edge whitespace that split or hide a scheme, and
    // the HTML parser has already decoded entities, so the protocol checked is the one a browser uses.
    const url = base ? new URL(value, base) : new URL(value);
    return protocols.has(url.protocol) ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** What relative URLs resolve against; without one they are dropped. */
interface Bases {
  links: string | undefined;
  images: string | undefined;
}

/** Copies the element's URL if it is allowed; false for a link left without one. */
function copyUrls(source: Element, target: Element, bases: Bases): boolean {
  if (target.localName === 'a') {
    const href = absoluteUrl(source.getAttribute('href'), bases.links, LINK_PROTOCOLS);
    if (!href) return false;
    target.setAttribute('href', href);
    // Links leave the widget: never in the host's tab, never with a handle back to it.
    target.setAttribute('target', '_blank');
    target.setAttribute('rel', 'noopener noreferrer');
  } else if (target.localName === 'img') {
    const src = absoluteUrl(source.getAttribute('src'), bases.images, IMAGE_PROTOCOLS);
    if (!src) return true;
    target.setAttribute('src', src);
    target.setAttribute('loading', 'lazy');
    target.setAttribute('referrerpolicy', 'no-referrer');
  }
  return true;
}

const HEADING = /^h([1-6])$/;

/**
 * A fresh element in `doc` carrying only the allowed attributes of `source`, with checked values;
 * undefined for a link whose URL was dropped, which becomes its text rather than an underlined word
 * that goes nowhere. `shift` moves headings down the outline (h2 → h4 under the article's title).
 */
function cleanElement(source: Element, doc: Document, bases: Bases, shift: number): Element | undefined {
  const level = HEADING.exec(source.localName)?.[1];
  const target = doc.createElement(level ? `h${Math.min(6, Number(level) + shift)}` : source.localName);
  for (const attribute of Array.from(source.attributes)) {
    // Namespaced (xlink:, xml:) attributes never belong to article HTML.
    if (attribute.namespaceURI !== null || attribute.prefix !== null) continue;
    const value = ATTRIBUTE_RULES.get(attribute.localName)?.(attribute.value);
    if (value !== undefined) target.setAttribute(attribute.localName, value);
  }
  return copyUrls(source, target, bases) ? target : undefined;
}

/**
 * Parses into a template's content: that belongs to an inert document, where scripts never run,
 * images never load and frames never navigate, whatever the markup is.
 */
function inertParse(html: string, doc: Document): DocumentFragment {
  const template = doc.createElement('template');
  template.innerHTML = html;
  return template.content;
}

/** How far to move headings so the article's highest one takes `level`. */
function headingShift(parsed: DocumentFragment, doc: Document, level: number): number {
  let highest = 6;
  // A tree walker, not querySelectorAll: it steps through any nesting depth without recursion.
  const walker = doc.createTreeWalker(parsed, SHOW_ELEMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const heading = HEADING.exec((node as Element).localName)?.[1];
    if (heading) highest = Math.min(highest, Number(heading));
  }
  return level - highest;
}

export interface SanitizeOptions {
  /** Resolves relative links when `base` is absent; images never use it. */
  linkBase?: string | undefined;
  /** The level the article's highest headings take; the others keep their distance below, down to h6. */
  headingLevel?: number;
}

/**
 * Untrusted article HTML → a fragment of fresh nodes owned by `doc`: allow-listed tags and attributes
 * only, links http(s)/mailto opening in a new tab with rel=noopener noreferrer (a link without an
 * allowed URL becomes plain text), images http(s) only. `base` resolves relative URLs; without it
 * relative URLs are dropped (links resolve against `linkBase` if given).
 */
export function sanitizeArticle(
  html: string,
  doc: Document,
  base?: string,
  { linkBase, headingLevel = 2 }: SanitizeOptions = {},
): DocumentFragment {
  const fragment = doc.createDocumentFragment();
  const parsed = inertParse(html, doc);
  const shift = headingShift(parsed, doc, headingLevel);
  const bases: Bases = { links: base ?? linkBase, images: base };

  // Iterative depth-first walk in document order, so nesting depth can't overflow the call stack.
  const stack: { node: Node; parent: ParentNode; depth: number }[] = [];
  const pushChildren = (node: Node, parent: ParentNode, depth: number) => {
    for (let child = node.lastChild; child; child = child.previousSibling) stack.push({ node: child, parent, depth });
  };
  pushChildren(parsed, fragment, 0);

  let visited = 0;
  for (let next = stack.pop(); next && visited < MAX_NODES; next = stack.pop()) {
    const { node, parent, depth } = next;
    visited += 1;
    if (node.nodeType === TEXT_NODE) {
      parent.append(doc.createTextNode((node as Text).data));
      continue;
    }
    // Comments, processing instructions and anything else that is not an element carry no content.
    if (node.nodeType !== ELEMENT_NODE) continue;
    const element = node as Element;
    const tag = element.localName;
    if (element.namespaceURI !== HTML_NS || DROPPED_TAGS.has(tag)) continue;
    const clean = ALLOWED_TAGS.has(tag) && depth < MAX_DEPTH ? cleanElement(element, doc, bases, shift) : undefined;
    if (clean) {
      parent.append(clean);
      pushChildren(element, clean, depth + 1);
    } else {
      // Unknown or too deep elements, and links without a URL, are unwrapped: their children, cleaned,
      // take their place.
      pushChildren(element, parent, depth);
    }
  }
  return fragment;
}
