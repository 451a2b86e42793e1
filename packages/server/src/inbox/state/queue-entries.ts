import type { ConversationItem, Queue, TicketItem } from '../api/schemas.js';
import { type SlaStatus, slaStatus } from '../util/sla.js';

export type ThreadKind = 'conversation' | 'ticket';
export type QueueFilter = 'all' | 'conversations' | 'tickets' | 'breached';

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

function conversationEntry(item: ConversationItem, now: number, fresh: ReadonlySet<string>): QueueEntry {
  const { conversation } = item;
  const key = entryKey('conversation', conversation.id);
  const last = item.lastMessage ?? conversation.lastMessage;
  const unseen =
    last?.author.type === 'user' &&
    (conversation.agentLastReadAt === undefined ||
      Date.parse(last.createdAt) > Date.parse(conversation.agentLastReadAt));
  return {
    kind: 'conversation',
    key,
    id: conversation.id,
    item,
    unread: unseen || fresh.has(key),
    ...(item.slaDueAt ? { sla: slaStatus(item.slaDueAt, item.waitingSince, now) } : {}),
  };
}

function ticketEntry(item: TicketItem, now: number, fresh: ReadonlySet<string>): QueueEntry {
  const { ticket } = item;
  const key = entryKey('ticket', ticket.id);
  return {
    kind: 'ticket',
    key,
    id: ticket.id,
    item,
    unread: ticket.status === 'new' || fresh.has(key),
    ...(ticket.firstRespondedAt ? {} : { sla: slaStatus(item.slaDueAt, ticket.createdAt, now) }),
  };
}

/** Conversations and tickets in one list, most urgent first: overdue, then soonest due, then the rest. */
export function queueEntries(queue: Queue, now: number, fresh: ReadonlySet<string>, filter: QueueFilter): QueueEntry[] {
  const entries = [
    ...(filter === 'tickets' ? [] : queue.conversations.map((item) => conversationEntry(item, now, fresh))),
    ...(filter === 'conversations' ? [] : queue.tickets.map((item) => ticketEntry(item, now, fresh))),
  ];
  const shown = filter === 'breached' ? entries.filter((entry) => entry.sla?.state === 'breached') : entries;
  return shown.sort(
    (a, b) => (a.sla?.remainingMs ?? Number.POSITIVE_INFINITY) - (b.sla?.remainingMs ?? Number.POSITIVE_INFINITY),
  );
}
