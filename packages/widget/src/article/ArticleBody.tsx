import { useLayoutEffect, useRef } from 'preact/hooks';
import { sanitizeArticle } from './sanitize-article.js';

/** The article's HTML, sanitized into a fragment; never set as a raw HTML string. */
export function ArticleBody({ html, base }: { html: string; base?: string }) {
  const container = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = container.current;
    if (el) el.replaceChildren(sanitizeArticle(html, el.ownerDocument, base));
  }, [html, base]);
  return <div ref={container} class="hl-article__body" />;
}
