import type { ArticleHit } from '@helpline/core';
import { useStyles } from '../shell/use-styles.js';
import css from './ArticleList.css.js';

/** A list of articles as buttons (title and plain-text snippet) that open the article view. */
export function ArticleList({ hits, onOpen }: { hits: ArticleHit[]; onOpen: (id: string) => void }) {
  useStyles(css);
  return (
    <ul class="hl-articles">
      {hits.map((hit) => (
        <li key={hit.id}>
          <button type="button" class="hl-article-link" onClick={() => onOpen(hit.id)}>
            <span class="hl-article-link__title" dir="auto">
              {hit.title}
            </span>
            {hit.snippet && (
              <span class="hl-article-link__snippet" dir="auto">
                {hit.snippet}
              </span>
            )}
          </button>
        </li>
      ))}
    </ul>
  );
}
