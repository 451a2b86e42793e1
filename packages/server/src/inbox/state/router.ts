import { signal } from '@preact/signals';

export type Route =
  | { view: 'inbox' }
  | { view: 'thread'; kind: 'conversation' | 'ticket'; id: string }
  | { view: 'kb'; articleId?: string }
  | { view: 'analytics' }
  | { view: 'webhooks' };

const BASE = '/inbox';

/** Maps a path under /inbox to a view; unknown paths show the inbox. */
export function parseRoute(pathname: string): Route {
  const path = pathname.startsWith(BASE) ? pathname.slice(BASE.length) : pathname;
  const parts = path.split('/').filter(Boolean).map(decodeURIComponent);
  const [first, second] = parts;
  if ((first === 'conversations' || first === 'tickets') && second)
    return { view: 'thread', kind: first === 'tickets' ? 'ticket' : 'conversation', id: second };
  if (first === 'kb') return second ? { view: 'kb', articleId: second } : { view: 'kb' };
  if (first === 'analytics') return { view: 'analytics' };
  if (first === 'webhooks') return { view: 'webhooks' };
  return { view: 'inbox' };
}

export function routePath(route: Route): string {
  switch (route.view) {
    case 'thread':
      return `${BASE}/${route.kind === 'ticket' ? 'tickets' : 'conversations'}/${encodeURIComponent(route.id)}`;
    case 'kb':
      return route.articleId ? `${BASE}/kb/${encodeURIComponent(route.articleId)}` : `${BASE}/kb`;
    case 'analytics':
      return `${BASE}/analytics`;
    case 'webhooks':
      return `${BASE}/webhooks`;
    default:
      return `${BASE}/`;
  }
}

/** History-API router: `route` follows the address bar, `navigate` pushes a new entry. */
export function createRouter(win: Window = window) {
  const route = signal<Route>(parseRoute(win.location.pathname));
  const onPop = (): void => {
    route.value = parseRoute(win.location.pathname);
  };
  win.addEventListener('popstate', onPop);
  return {
    route,
    navigate(next: Route): void {
      const path = routePath(next);
      if (win.location.pathname !== path) win.history.pushState(null, '', path);
      route.value = next;
    },
    dispose(): void {
      win.removeEventListener('popstate', onPop);
    },
  };
}

export type Router = ReturnType<typeof createRouter>;
