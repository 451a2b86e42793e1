import createDOMPurify, { type DOMPurify } from 'dompurify';

// Article markup may structure text, link and show images, nothing that runs, submits or restyles
// the inbox (inline styles would also break under the page's CSP).
const FORBID_TAGS = ['style', 'form', 'input', 'button', 'textarea', 'select', 'option', 'iframe', 'object', 'embed'];
const FORBID_ATTR = ['style', 'class', 'id', 'srcset', 'action', 'formaction'];
const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

const purifiers = new WeakMap<Window, DOMPurify>();

function purifierFor(win: Window): DOMPurify {
  const known = purifiers.get(win);
  if (known) return known;
  const purify = createDOMPurify(win as Window & typeof globalThis);
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName !== 'A' || !node.hasAttribute('href')) return;
    let url: URL | undefined;
    try {
      url = new URL(node.getAttribute('href') ?? '', win.location.href);
    } catch {
      url = undefined;
    }
    if (url && LINK_PROTOCOLS.has(url.protocol)) {
      node.setAttribute('target', '_blank');
      node.setAttribute('rel', 'noopener noreferrer');
    } else {
      node.removeAttribute('href');
    }
  });
  purifiers.set(win, purify);
  return purify;
}

/** Untrusted article HTML → a fragment safe to insert into the inbox. */
export function sanitizePreview(html: string, doc: Document): DocumentFragment {
  const win = doc.defaultView;
  if (!win) return doc.createDocumentFragment();
  return purifierFor(win).sanitize(html, {
    FORBID_TAGS,
    FORBID_ATTR,
    ALLOW_DATA_ATTR: false,
    RETURN_DOM_FRAGMENT: true,
  });
}
