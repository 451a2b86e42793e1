import type { HelplineClient } from '@helpline/core';
import { RETURNING_KEY } from './returning.js';

/**
 * Keeps the returning-visitor mark in step with the widget: set once it has a visitor (which needs an
 * interaction while the privacy gate is on), removed by `logout`, which forgets the visitor, whether or
 * not this page got as far as connecting. Where storage is unavailable, later pages load the widget
 * on interaction, as for a new visitor.
 */
export function rememberVisitor<Widget extends HelplineClient>(widget: Widget, storage: () => Storage): Widget {
  const write = (mark: boolean) => {
    try {
      if (mark) storage().setItem(RETURNING_KEY, '1');
      else storage().removeItem(RETURNING_KEY);
    } catch {
      // Storage disabled or full: nothing to remember with.
    }
  };
  widget.state.identity.subscribe(({ visitorId }) => {
    if (visitorId !== undefined) write(true);
  });
  return {
    ...widget,
    async logout() {
      write(false);
      await widget.logout();
    },
  };
}
