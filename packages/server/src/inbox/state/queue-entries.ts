import type { ConversationItem, Queue, ThreadKind, TicketItem } from '../api/schemas.js';
import { type SlaStatus, slaStatus } from '../util/sla.js';

export type { ThreadKind };
export type QueueFilter = 'all' | 'conversations' | 'tickets' | 'breached' | 'resolved';

interface EntryBase {
  key: string;
  id: string;
  /** Absent when nothing is due from us (waiting on the visitor, first reply sent). */
  sla?: SlaStatus;
  unread: boolean;
}
export type QueueEntry =
  | (EntryBase & { kind: 'conversation'; item: ConversationItem })
  | (EntryBase & { kind: 'ticket'; item: TicketItem });

export const entryKey = (kind: ThreadKind, id: string): string => `${kind}:${id}`;

/** What this agent did since the queue loaded: what they opened (when), what changed unseen. */
export interface ReadMarks {
  opened: ReadonlyMap<string, number>;
  fresh: ReadonlySet<string>;
}

function conversationEntry(item: ConversationItem, now: number, marks: ReadMarks): QueueEntry {
  const { conversation } = item;
  const key = entryKey('conversation', conversation.id);
  const last = item.lastMessage ?? conversation.lastMessage;
  const readAt = Math.max(
    conversation.agentLastReadAt === undefined ? 0 : Date.parse(conversation.agentLastReadAt),
    marks.opened.get(key) ?? 0,
  );
  const unseen = last?.author.type === 'user' && Date.parse(last.createdAt) > readAt;
  return {
    kind: 'conversation',
    key,
    id: conversation.id,
    item,
    unread: unseen || marks.fresh.has(key),
    ...(item.slaDueAt ? { sla: slaStatus(item.slaDueAt, item.waitingSince, now) } : {}),
  };
}

function ticketEntry(item: TicketItem, now: number, marks: ReadMarks): QueueEntry {
  const { ticket } = item;
  const key = entryKey('ticket', ticket.id);
  return {
    kind: 'ticket',
    key,
    id: ticket.id,
    item,
    unread: (ticket.status === 'new' && !marks.opened.has(key)) || marks.fresh.has(key),
    ...(ticket.firstRespondedAt ? {} : { sla: slaStatus(item.slaDueAt, ticket.createdAt, now) }),
  };
}

/** Resolved conversations and solved or closed tickets, most recently changed first; nothing is due. */
function closedEntries(queue: Queue): QueueEntry[] {
  const entries: QueueEntry[] = [
    ...queue.conversations.map((item): QueueEntry => {
      const key = entryKey('conversation', item.conversation.id);
      return { kind: 'conversation', key, id: item.conversation.id, item, unread: false };
    }),
    ...queue.tickets.map((item): QueueEntry => {
      const key = entryKey('ticket', item.ticket.id);
      return { kind: 'ticket', key, id: item.ticket.id, item, unread: false };
    }),
  ];
  const updated = (entry: QueueEntry) =>
    entry.kind === 'ticket' ? entry.item.ticket.updatedAt : entry.item.conversation.updatedAt;
  return entries.sort((a, b) => updated(b).localeCompare(updated(a)));
}

/** Conversations and tickets in one list, most urgent first: overdue, then soonest due, then the rest. */
export function queueEntries(queue: Queue, now: number, marks: ReadMarks, filter: QueueFilter): QueueEntry[] {
  if (filter === 'resolved') return closedEntries(queue);
  const entries = [
    ...(filter === 'tickets' ? [] : queue.conversations.map((item) => conversationEntry(item, now, marks))),
    ...(filter === 'conversations' ? [] : queue.tickets.map((item) => ticketEntry(item, now, marks))),
  ];
  const shown = filter === 'breached' ? entries.filter((entry) => entry.sla?.state === 'breached') : entries;
  return shown.sort(
    (a, b) => (a.sla?.remainingMs ?? Number.POSITIVE_INFINITY) - (b.sla?.remainingMs ?? Number.POSITIVE_INFINITY),
  );
}
