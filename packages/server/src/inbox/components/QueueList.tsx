import type { InboxStore } from '../state/inbox-store.js';
import type { QueueFilter } from '../state/queue-entries.js';
import type { Router } from '../state/router.js';
import { strings } from '../strings.js';
import { QueueRow } from './QueueRow.js';

const FILTERS: ReadonlyArray<[QueueFilter, string]> = [
  ['all', strings.queue.filterAll],
  ['conversations', strings.queue.filterConversations],
  ['tickets', strings.queue.filterTickets],
  ['breached', strings.queue.filterBreached],
  ['resolved', strings.queue.filterResolved],
];

interface QueueListProps {
  store: InboxStore;
  router: Router;
  selectedKey: string | undefined;
}

/** The queue column: filters and the SLA-sorted list; Up/Down/Home/End move between items. */
export function QueueList({ store, router, selectedKey }: QueueListProps) {
  const entries = store.entries.value;

  function onKeyDown(event: KeyboardEvent): void {
    const keys = ['ArrowDown', 'ArrowUp', 'Home', 'End'];
    if (!keys.includes(event.key)) return;
    const list = event.currentTarget as HTMLElement;
    const links = [...list.querySelectorAll<HTMLAnchorElement>('a.queue-item')];
    if (links.length === 0) return;
    event.preventDefault();
    const index = links.indexOf(document.activeElement as HTMLAnchorElement);
    const next =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? links.length - 1
          : event.key === 'ArrowDown'
            ? Math.min(links.length - 1, index + 1)
            : Math.max(0, index === -1 ? 0 : index - 1);
    links[next]?.focus();
  }

  return (
    <section class="queue" aria-labelledby="queue-title">
      <h2 id="queue-title" class="column-title" tabIndex={-1}>
        {strings.queue.label}
      </h2>
      <fieldset class="filters">
        <legend class="visually-hidden">{strings.queue.filters}</legend>
        {FILTERS.map(([value, label]) => (
          <button
            key={value}
            type="button"
            class="chip"
            aria-pressed={store.filter.value === value}
            onClick={() => store.setFilter(value)}
          >
            {label}
          </button>
        ))}
      </fieldset>
      {store.queueError.value ? (
        <p class="form-error" role="alert">
          {store.queueError.value}{' '}
          <button type="button" class="button subtle" onClick={() => void store.loadQueue()}>
            {strings.errors.retry}
          </button>
        </p>
      ) : null}
      {store.shownQueue.value === null && !store.queueError.value ? <p class="muted">{strings.loading}</p> : null}
      {store.shownQueue.value !== null && entries.length === 0 ? (
        <p class="muted">{store.filter.value === 'resolved' ? strings.queue.emptyResolved : strings.queue.empty}</p>
      ) : null}
      <ul class="queue-list" aria-labelledby="queue-title" onKeyDown={onKeyDown}>
        {entries.map((entry) => (
          <li key={entry.key}>
            <QueueRow
              entry={entry}
              selected={entry.key === selectedKey}
              onOpen={() => router.navigate({ view: 'thread', kind: entry.kind, id: entry.id })}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
