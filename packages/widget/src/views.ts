import type { ViewName, ViewState } from '@helpline/core';
import type { ComponentType } from 'preact';

export interface ViewProps {
  view: ViewState;
}
export type ViewComponent = ComponentType<ViewProps>;

/** Every view is its own lazily loaded chunk, so the launcher costs none of their bytes. */
export const views: Record<ViewName, () => Promise<ViewComponent>> = {
  home: () => import('./home/HomeView.js').then((m) => m.HomeView),
  search: () => import('./search/SearchView.js').then((m) => m.SearchView),
  article: () => import('./article/ArticleView.js').then((m) => m.ArticleView),
  chat: () => import('./chat/ChatView.js').then((m) => m.ChatView),
  conversations: () => import('./conversations/ConversationsView.js').then((m) => m.ConversationsView),
  ticket: () => import('./ticket/TicketView.js').then((m) => m.TicketView),
  tickets: () => import('./tickets/TicketsView.js').then((m) => m.TicketsView),
  ticketThread: () => import('./tickets/TicketThreadView.js').then((m) => m.TicketThreadView),
};
