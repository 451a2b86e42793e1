import { effect, type ReadonlySignal, untracked } from '@preact/signals-core';
import type { Runtime } from '../client/runtime.js';
import type { Conversation } from '../schemas/conversation.js';

/** A route change settles for this long before it is shared: a redirect chain sends one page. */
export const LIVE_PAGE_DELAY_MS = 1_000;

export interface LivePageSharing {
  /** Forgets what was shared (logout): the next visitor's page goes out afresh. */
  reset(): void;
  stop(): void;
}

/**
 * While a conversation the visitor shared their context with is open, tells its agents which page the
 * visitor is on: the redacted path and title, once per page load and after each route change. Nothing
 * is sent when no such conversation is open, when the adapter cannot take it, or when the host keeps
 * navigation out of the context (`privacy.breadcrumbs.navigation: false`). Best effort: a lost update
 * waits for the next change. With several tabs open, the one the visitor looks at speaks: a hidden tab
 * sends nothing, and a tab coming back to the front sends its page again (another may have sent since).
 */
export function shareLivePage(rt: Runtime, conversations: ReadonlySignal<Conversation[]>): LivePageSharing {
  let shared = '';
  let timer: unknown;
  const sharing = () =>
    rt.capabilities.value.livePage &&
    rt.adapter.sendPage !== undefined &&
    conversations.value.some((conversation) => conversation.status === 'open' && conversation.livePage);
  const doc = globalThis.document as Document | undefined;
  const send = () => {
    timer = undefined;
    if (!sharing() || !rt.isConnected() || doc?.visibilityState === 'hidden') return;
    const { path, title } = rt.page();
    const page = { path: path.slice(0, 2000), title: title.slice(0, 300) };
    const key = `${page.path}\n${page.title}`;
    if (key === shared) return;
    shared = key;
    rt.adapter.sendPage?.(page).catch(() => {
      if (shared === key) shared = '';
    });
  };
  const schedule = () => {
    timer ??= rt.timers.setTimeout(send, LIVE_PAGE_DELAY_MS);
  };
  const stopRoutes = rt.onRouteChange(schedule);
  const onVisibility = () => {
    shared = '';
    schedule();
  };
  doc?.addEventListener('visibilitychange', onVisibility);
  // Conversations loaded or changed (one opened, shared, resolved): the page may now be owed.
  const stopWatching = effect(() => {
    if (sharing()) untracked(schedule);
  });
  return {
    reset() {
      shared = '';
    },
    stop() {
      stopRoutes();
      stopWatching();
      doc?.removeEventListener('visibilitychange', onVisibility);
      if (timer !== undefined) rt.timers.clearTimeout(timer);
      timer = undefined;
    },
  };
}
