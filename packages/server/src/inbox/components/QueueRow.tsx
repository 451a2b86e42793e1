import type { QueueEntry } from '../state/queue-entries.js';
import { routePath } from '../state/router.js';
import { strings } from '../strings.js';
import { SlaBadge } from './SlaBadge.js';

interface QueueRowProps {
  entry: QueueEntry;
  selected: boolean;
  onOpen: () => void;
}

/**
 * Read from its content, a link's name runs side-by-side parts together ("TicketP1Export broken"):
 * this pause between them is heard, not seen.
 */
const Pause = () => <span class="visually-hidden">{strings.queue.pause}</span>;

/** One queue item: who, what, how urgent. A link, so it opens in a new tab too. */
export function QueueRow({ entry, selected, onOpen }: QueueRowProps) {
  const visitor = entry.item.visitor;
  const who = visitor.name ?? visitor.email ?? strings.queue.anonymous;
  const account = entry.item.account?.name;
  const assignee = entry.kind === 'ticket' ? entry.item.assignee : entry.item.conversation.assignee;
  let title: string;
  let preview: string;
  if (entry.kind === 'ticket') {
    title = entry.item.ticket.subject;
    preview = `${entry.item.ticket.reference ?? entry.item.ticket.id} · ${who}`;
  } else {
    const last = entry.item.lastMessage ?? entry.item.conversation.lastMessage;
    title = entry.item.conversation.subject ?? who;
    preview = last?.body ?? strings.queue.noMessages;
  }
  return (
    <a
      class={`queue-item ${selected ? 'selected' : ''} ${entry.unread ? 'unread' : ''}`}
      href={routePath({ view: 'thread', kind: entry.kind, id: entry.id })}
      aria-current={selected ? 'true' : undefined}
      onClick={(event) => {
        if (event.metaKey || event.ctrlKey || event.shiftKey) return;
        event.preventDefault();
        onOpen();
      }}
    >
      <span class="queue-item-top">
        {entry.unread ? (
          <>
            <span class="unread-dot" role="img" aria-label={strings.queue.unread} />
            <Pause />
          </>
        ) : (
          <span class="unread-dot-space" />
        )}
        <span class="kind">{entry.kind === 'ticket' ? strings.queue.ticket : strings.queue.conversation}</span>
        <Pause />
        {entry.kind === 'ticket' ? (
          <>
            <span class={`severity severity-${entry.item.ticket.severity}`}>{entry.item.ticket.severity}</span>
            <Pause />
          </>
        ) : null}
        <span class="queue-title" dir="auto">
          {title}
        </span>
      </span>
      <Pause />
      <span class="queue-preview" dir="auto">
        {preview}
      </span>
      <span class="queue-meta">
        {entry.kind === 'ticket' && entry.item.queue ? (
          <span class="queue-name">
            <Pause />
            {strings.ticket.queue}: {entry.item.queue}
          </span>
        ) : null}
        {account ? (
          <span class="account">
            <Pause />
            {account}
          </span>
        ) : null}
        {assignee ? (
          <span class="queue-name">
            <Pause />
            {strings.thread.assignee}: {assignee.name ?? assignee.id}
          </span>
        ) : null}
        {entry.sla ? (
          <>
            <Pause />
            <SlaBadge sla={entry.sla} />
          </>
        ) : entry.kind === 'conversation' ? (
          <span class="muted">
            <Pause />
            {entry.item.conversation.status === 'resolved'
              ? strings.thread.statuses.resolved
              : strings.queue.waitingOnVisitor}
          </span>
        ) : null}
      </span>
    </a>
  );
}
