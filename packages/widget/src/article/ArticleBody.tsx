import { useLayoutEffect, useRef } from 'preact/hooks';
import { sanitizeArticle } from './sanitize-article.js';
import { sideScrollers } from './side-scrollers.js';

/**
 * The article's HTML, sanitized into a fragment; never set as a raw HTML string. Relative URLs
 * resolve against the article's own `url`; without one, relative links resolve against the host
 * page's origin (knowledge-base articles link into the app they document, e.g. `/invoices`) and
 * relative images are dropped. Its headings sit below the article title (h3), and its direction
 * follows its own text, whatever the panel's language.
 */
export function ArticleBody({ html, base }: { html: string; base?: string | undefined }) {
  const container = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = container.current;
    if (!el) return;
    const linkBase = `${el.ownerDocument.location.origin}/`;
    const body = sanitizeArticle(html, el.ownerDocument, base, { linkBase, headingLevel: 4 });
    el.replaceChildren(sideScrollers(body, el.ownerDocument));
  }, [html, base]);
  return <div ref={container} class="hl-article__body" dir="auto" />;
}
