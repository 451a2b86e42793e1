import { useEffect, useRef } from 'preact/hooks';
import { connectEventStream } from '../api/event-stream.js';
import type { InboxStore } from '../state/inbox-store.js';
import { type Route, type Router, routePath } from '../state/router.js';
import { strings } from '../strings.js';
import { InboxView } from './InboxView.js';
import { LazyView } from './LazyView.js';

const loadKb = () => import('./KbView.js').then((module) => module.KbView);
const loadAnalytics = () => import('./AnalyticsView.js').then((module) => module.AnalyticsView);
const loadWebhooks = () => import('./WebhookLogView.js').then((module) => module.WebhookLogView);

const TICK_MS = 15_000;

interface ShellProps {
  store: InboxStore;
  router: Router;
  live: boolean;
}

/** Header, navigation and the current view; owns the event stream, clock and presence while signed in. */
export function Shell({ store, router, live }: ShellProps) {
  const route = router.route.value;
  const main = useRef<HTMLElement>(null);
  const firstView = useRef(true);

  useEffect(() => {
    void store.loadQueue();
    void store.loadAgents();
    if (!live) return;
    let streamed = false;
    const stop = connectEventStream({
      open: store.api.openEvents,
      onEvent: store.handleEvent,
      onStatus: (status) => {
        store.connection.value = status;
        // The first stream has no cursor to resume from: what changed between the queue load above and
        // the stream opening would be missed, so the queue loads again once it is open. Later
        // reconnects resume with Last-Event-ID (or get a resync).
        if (status === 'connected' && !streamed) {
          streamed = true;
          void store.loadQueue();
        }
      },
      onUnauthorized: () => {
        store.session.value = null;
      },
    });
    const clock = setInterval(store.tick, TICK_MS);
    void store.api.setPresence(true).catch(() => undefined);
    const offline = (): void => void store.api.setPresence(false).catch(() => undefined);
    window.addEventListener('pagehide', offline);
    return () => {
      stop();
      clearInterval(clock);
      window.removeEventListener('pagehide', offline);
      store.dispose();
    };
  }, [store, live]);

  // The tab title counts unread items, so an agent working in another tab or window sees new work.
  const unread = store.unreadCount.value;
  useEffect(() => {
    document.title = unread > 0 ? `(${unread}) ${strings.appName}` : strings.appName;
  }, [unread]);
  useEffect(
    () => () => {
      document.title = strings.appName;
    },
    [],
  );

  // Back to the inbox from another view: focus the queue heading so screen readers announce it.
  // The lazily loaded views focus their own heading once they have rendered.
  useEffect(() => {
    if (firstView.current) {
      firstView.current = false;
      return;
    }
    if (route.view === 'inbox') main.current?.querySelector<HTMLElement>('#queue-title')?.focus();
  }, [route.view]);

  const link = (target: Route, label: string, current: boolean) => (
    <a
      href={routePath(target)}
      aria-current={current ? 'page' : undefined}
      onClick={(event) => {
        event.preventDefault();
        router.navigate(target);
      }}
    >
      {label}
    </a>
  );

  const connection = store.connection.value;
  return (
    <div class="shell">
      <a class="skip-link" href="#main">
        {strings.skipToContent}
      </a>
      <header class="topbar">
        <span class="brand">{strings.appName}</span>
        <nav aria-label={strings.nav.label}>
          {link({ view: 'inbox' }, strings.nav.inbox, route.view === 'inbox' || route.view === 'thread')}
          {link({ view: 'kb' }, strings.nav.kb, route.view === 'kb')}
          {link({ view: 'analytics' }, strings.nav.analytics, route.view === 'analytics')}
          {link({ view: 'webhooks' }, strings.nav.webhooks, route.view === 'webhooks')}
        </nav>
        <span class={`connection connection-${connection}`} role="status">
          {strings.connection[connection]}
        </span>
        <span class="agent-name">{store.session.value?.agent.name}</span>
        <button type="button" class="button subtle" onClick={() => void store.logout()}>
          {strings.nav.signOut}
        </button>
      </header>
      <main id="main" ref={main} class="main">
        {route.view === 'kb' ? (
          <LazyView
            load={loadKb}
            props={{ api: store.api, router, articleId: route.articleId, drafts: store.articleDrafts }}
          />
        ) : route.view === 'analytics' ? (
          <LazyView load={loadAnalytics} props={{ api: store.api }} />
        ) : route.view === 'webhooks' ? (
          <LazyView load={loadWebhooks} props={{ api: store.api }} />
        ) : (
          <InboxView store={store} router={router} route={route} />
        )}
      </main>
    </div>
  );
}
