import { useEffect } from 'preact/hooks';
import type { InboxStore } from '../state/inbox-store.js';
import type { Route, Router } from '../state/router.js';
import { strings } from '../strings.js';
import { ContextPanel } from './ContextPanel.js';
import { QueueList } from './QueueList.js';
import { ThreadView } from './ThreadView.js';

interface InboxViewProps {
  store: InboxStore;
  router: Router;
  route: Route;
}

/** Three columns: the queue, the open thread, its context. */
export function InboxView({ store, router, route }: InboxViewProps) {
  const selected = route.view === 'thread' ? route : undefined;
  useEffect(() => {
    if (selected) void store.openThread(selected.kind, selected.id);
    else store.closeThread();
  }, [store, selected?.kind, selected?.id]);

  const thread = store.thread.value;
  return (
    <div class={`inbox ${selected ? 'has-thread' : ''}`}>
      <h1 class="visually-hidden">{strings.nav.inbox}</h1>
      <QueueList store={store} router={router} selectedKey={selected ? `${selected.kind}:${selected.id}` : undefined} />
      {selected ? (
        <>
          <ThreadView store={store} router={router} />
          <ContextPanel
            context={thread?.context}
            visitor={thread?.visitor ?? null}
            visitorPage={thread?.visitorPage}
            open={thread?.conversation?.status === 'open'}
          />
        </>
      ) : (
        <section class="thread thread-empty" aria-label={strings.thread.messages}>
          <p>{strings.thread.empty}</p>
        </section>
      )}
    </div>
  );
}
