import type { ViewName, ViewState } from '@helpline/core';
import type { ComponentType } from 'preact';

export interface ViewProps {
  view: ViewState;
}
export type ViewComponent = ComponentType<ViewProps>;

/** Views load as lazy chunks (home; search and article; conversations and tickets), so the launcher costs none of their bytes. */
const views: Record<ViewName, () => Promise<ViewComponent>> = {
  home: () => import('./home/HomeView.js').then((m) => m.HomeView),
  search: () => import('./kb-views.js').then((m) => m.SearchView),
  article: () => import('./kb-views.js').then((m) => m.ArticleView),
  chat: () => import('./talk-views.js').then((m) => m.ChatView),
  conversations: () => import('./talk-views.js').then((m) => m.ConversationsView),
  ticket: () => import('./talk-views.js').then((m) => m.TicketView),
  tickets: () => import('./talk-views.js').then((m) => m.TicketsView),
  ticketThread: () => import('./talk-views.js').then((m) => m.TicketThreadView),
};

const loaded = new Map<ViewName, ViewComponent>();

/** The view's component if its chunk is already here, so the panel renders it without a loading frame. */
export const loadedView = (name: ViewName): ViewComponent | undefined => loaded.get(name);

/** Puts a view's component in place ahead of its chunk, for a build that bundles it (see home/index.ts). */
export const provideView = (name: ViewName, component: ViewComponent): void => {
  loaded.set(name, component);
};

/** Loads a view's chunk once; later calls share the download. */
export const loadView = (name: ViewName): Promise<ViewComponent> =>
  Promise.resolve(name)
    .then((key) => loaded.get(key) ?? views[key]())
    .then((component) => {
      loaded.set(name, component);
      return component;
    });

/** Starts downloading a view the user is about to see (launcher hover or focus, a widget that just loaded). */
export const preloadView = (name: ViewName): void => {
  loadView(name).catch(() => {
    // The panel retries when it opens, and shows the failure there.
  });
};
