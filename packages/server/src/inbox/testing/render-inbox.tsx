import { render } from '@testing-library/preact';
import { createInboxApi } from '../api/inbox-api.js';
import { App } from '../components/App.js';
import { createInboxStore } from '../state/inbox-store.js';
import { createRouter } from '../state/router.js';
import { fakeFetch, type Handler, type Reply } from './fake-fetch.js';
import { NOW } from './fixtures.js';

/** Renders the whole inbox at `path` against a fake agent API and a fixed clock. */
export function renderInbox(
  routes: Record<string, Handler | Reply>,
  options: { path?: string; now?: () => number; live?: boolean; XMLHttpRequest?: typeof XMLHttpRequest } = {},
) {
  window.history.replaceState(null, '', options.path ?? '/inbox/');
  const server = fakeFetch(routes);
  // Uploads go through `fetch` (and the fake) unless a test brings an XMLHttpRequest to watch progress.
  const api = createInboxApi({ fetch: server.fetch, XMLHttpRequest: options.XMLHttpRequest });
  const store = createInboxStore({ api, now: options.now ?? (() => NOW) });
  const router = createRouter(window);
  const view = render(<App store={store} router={router} live={options.live ?? false} />);
  return { ...view, store, router, requests: server.requests };
}
