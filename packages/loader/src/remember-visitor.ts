import type { HelplineClient } from '@helpline/core';
import { RETURNING_KEY } from './returning.js';

/**
 * Keeps the returning-visitor mark in step with the widget: set once it has a visitor (which needs an
 * interaction while the privacy gate is on), removed when that visitor is forgotten (logout). Where
 * storage is unavailable, later pages load the widget on interaction, as for a new visitor.
 */
export function rememberVisitor(widget: HelplineClient, storage: () => Storage): () => void {
  let known = false;
  return widget.state.identity.subscribe(({ visitorId }) => {
    try {
      if (visitorId !== undefined) {
        known = true;
        storage().setItem(RETURNING_KEY, '1');
      } else if (known) {
        known = false;
        storage().removeItem(RETURNING_KEY);
      }
    } catch {
      // Storage disabled or full: nothing to remember with.
    }
  });
}
