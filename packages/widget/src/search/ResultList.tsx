import type { ArticleHit } from '@helpline/core';
import { useStyles } from '../shell/use-styles.js';
import css from '../ui/ArticleList.css.js';
import { Highlighted } from './Highlighted.js';

const step: Record<string, (index: number, count: number) => number> = {
  ArrowDown: (i, n) => (i + 1) % n,
  ArrowUp: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_i, n) => n - 1,
};

/** Search results; arrow keys, Home and End move between them, Enter or Space opens one. */
export function ResultList({
  hits,
  label,
  focusId,
  onOpen,
  onLeaveTop,
}: {
  hits: ArticleHit[];
  label: string;
  /** The result the view focuses when shown (the article the user came back from). */
  focusId?: string | undefined;
  onOpen: (id: string) => void;
  onLeaveTop: () => void;
}) {
  useStyles(css);
  const onKeyDown = (event: KeyboardEvent) => {
    const move = step[event.key];
    const list = event.currentTarget as HTMLElement;
    const buttons = [...list.querySelectorAll<HTMLButtonElement>('button')];
    const index = buttons.indexOf(event.target as HTMLButtonElement);
    if (!move || index < 0) return;
    event.preventDefault();
    if (event.key === 'ArrowUp' && index === 0) return onLeaveTop();
    buttons[move(index, buttons.length)]?.focus();
  };
  return (
    <ul class="hl-articles" aria-label={label} onKeyDown={onKeyDown}>
      {hits.map((hit) => (
        <li key={hit.id}>
          <button
            type="button"
            class="hl-article-link"
            data-autofocus={hit.id === focusId || undefined}
            onClick={() => onOpen(hit.id)}
          >
            <span class="hl-article-link__title" dir="auto">
              {hit.title}
            </span>
            {hit.snippet && (
              <span class="hl-article-link__snippet" dir="auto">
                <Highlighted text={hit.snippet} highlights={hit.highlights} />
              </span>
            )}
          </button>
        </li>
      ))}
    </ul>
  );
}
