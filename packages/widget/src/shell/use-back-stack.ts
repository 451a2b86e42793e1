import type { HelplineClient, ViewState } from '@helpline/core';
import { useEffect, useRef } from 'preact/hooks';
import { useValue } from './use-value.js';

const sameView = (a: ViewState, b: ViewState) =>
  a.name === b.name &&
  a.articleId === b.articleId &&
  a.conversationId === b.conversationId &&
  a.ticketId === b.ticketId &&
  a.query === b.query;

/**
 * Remembers the views the user came through, so Back returns to the previous one (e.g. search
 * results after an article) instead of always going home.
 */
export function useBackStack(client: HelplineClient): () => void {
  const stack = useRef<ViewState[]>([]);
  const previous = useRef<ViewState>(client.state.view.value);
  const goingBack = useRef(false);
  const view = useValue(client.state.view);

  useEffect(() => {
    const before = previous.current;
    previous.current = view;
    if (goingBack.current) {
      goingBack.current = false;
      return;
    }
    if (sameView(before, view)) return;
    // Searching refines the same page rather than stacking one entry per keystroke; a new chat that
    // got its conversation id is that conversation now, not a page to go back to.
    if (before.name === view.name && (view.name === 'search' || (view.name === 'chat' && !before.conversationId)))
      return;
    if (view.name === 'home') stack.current = [];
    // Back to search results lands on the article the user opened from them (the search view focuses it).
    else stack.current.push(before.name === 'search' ? { ...before, articleId: view.articleId } : before);
  }, [view]);

  return () => {
    const target = stack.current.pop() ?? { name: 'home' };
    goingBack.current = true;
    void client.open(target).catch(() => {
      goingBack.current = false;
    });
  };
}
