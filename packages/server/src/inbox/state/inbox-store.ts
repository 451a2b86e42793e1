import { type Author, ContextSnapshot, type Conversation, type Message, type Ticket } from '@helpline/core';
import { batch, computed, signal } from '@preact/signals';
import type { StreamStatus } from '../api/event-stream.js';
import type { InboxApi } from '../api/inbox-api.js';
import { isInboxApiError } from '../api/inbox-api-error.js';
import type { Agent, AgentEvent, HistoryEntry, Queue, Session, VisitorPage, VisitorSummary } from '../api/schemas.js';
import type { ArticleDraft } from '../components/KbEditor.js';
import { strings } from '../strings.js';
import { assigneeChange, conversationStatusChange, ticketChanges } from './colleague-notice.js';
import { entryKey, type QueueFilter, queueEntries, type ThreadKind } from './queue-entries.js';
import { cancelUploads, createThreadFiles, type ThreadFiles } from './reply-files.js';

export type ContextState = { kind: 'none' } | { kind: 'ok'; snapshot: ContextSnapshot } | { kind: 'unreadable' };

export interface ThreadData {
  kind: ThreadKind;
  id: string;
  messages: Message[];
  context: ContextState;
  visitor: VisitorSummary | null;
  conversation?: Conversation;
  ticket?: Ticket;
  /** The routing queue of a ticket. */
  queue?: string;
  /** Who works the ticket (a conversation's is in `conversation`). */
  ticketAssignee?: Author;
  /** When the visitor last read the conversation: agent messages sent before it are seen. */
  visitorReadAt?: string;
  /** Where the visitor is, while the conversation shares it (`page` events keep it current). */
  visitorPage?: VisitorPage;
  history: HistoryEntry[];
}

export interface InboxStoreDeps {
  api: InboxApi;
  now?: () => number;
}

const TYPING_EXPIRES_MS = 8_000;

interface Typing {
  conversationId: string;
  name: string;
  until: number;
}

function withAssignee(current: ThreadData, assignee: Author | undefined): ThreadData {
  return current.conversation
    ? { ...current, conversation: { ...current.conversation, assignee } }
    : { ...current, ticketAssignee: assignee };
}

export const errorMessage = (error: unknown): string =>
  isInboxApiError(error) ? error.message : error instanceof Error ? error.message : strings.errors.generic;

function readContext(raw: unknown): ContextState {
  if (raw === null || raw === undefined) return { kind: 'none' };
  const parsed = ContextSnapshot.safeParse(raw);
  return parsed.success ? { kind: 'ok', snapshot: parsed.data } : { kind: 'unreadable' };
}

/** All inbox state as signals, plus the actions that change it. One per page. */
export function createInboxStore(deps: InboxStoreDeps) {
  const { api } = deps;
  const clock = deps.now ?? Date.now;
  const session = signal<Session | null | undefined>(undefined);
  const now = signal(clock());
  const queue = signal<Queue | null>(null);
  const queueError = signal<string | null>(null);
  /** Recently resolved conversations and solved tickets, loaded when the agent looks at them. */
  const closedQueue = signal<Queue | null>(null);
  const filter = signal<QueueFilter>('all');
  const fresh = signal<ReadonlySet<string>>(new Set());
  const opened = signal<ReadonlyMap<string, number>>(new Map());
  const thread = signal<ThreadData | null>(null);
  const threadError = signal<string | null>(null);
  const visitorTyping = signal<Typing | null>(null);
  /** Another agent writing a reply (the server tells every agent), so two do not answer at once. */
  const colleagueTyping = signal<Typing | null>(null);
  /** What someone else last changed in the open thread, for the thread view to say politely. */
  const notice = signal('');
  const connection = signal<StreamStatus>('connecting');
  /** The workspace's agents, to assign conversations to; empty until loaded. */
  const agents = signal<Agent[]>([]);
  const shownQueue = computed(() => (filter.value === 'resolved' ? closedQueue.value : queue.value));
  const entries = computed(() =>
    shownQueue.value
      ? queueEntries(shownQueue.value, now.value, { opened: opened.value, fresh: fresh.value }, filter.value)
      : [],
  );
  /** Items waiting unread in the open queue, whatever the filter: the tab title counts them. */
  const unreadCount = computed(() => {
    const all =
      filter.value === 'all'
        ? entries.value
        : queue.value
          ? queueEntries(queue.value, now.value, { opened: opened.value, fresh: fresh.value }, 'all')
          : [];
    return all.filter((entry) => entry.unread).length;
  });
  /** Unsent replies per thread, so moving around the queue never loses what the agent typed. */
  const drafts = new Map<string, string>();
  /** Unsaved knowledge-base edits per article, for the same reason. */
  const articleDrafts = new Map<string, ArticleDraft>();
  /** Files picked for unsent replies, per thread like the drafts; their uploads go on meanwhile. */
  const threadFiles = new Map<string, ThreadFiles>();

  function filesFor(key: string): ThreadFiles {
    const known = threadFiles.get(key);
    if (known) return known;
    const created = createThreadFiles();
    threadFiles.set(key, created);
    return created;
  }
  let threadRequest = 0;
  let historyRequest = 0;
  /** This agent's own changes in flight: the stream echoes them, and that echo is no news. */
  let writing = 0;

  function markSeen(key: string): void {
    batch(() => {
      opened.value = new Map([...opened.value, [key, clock()]]);
      if (!fresh.value.has(key)) return;
      const next = new Set(fresh.value);
      next.delete(key);
      fresh.value = next;
    });
  }

  function markFresh(key: string): void {
    if (fresh.value.has(key)) return;
    fresh.value = new Set([...fresh.value, key]);
  }

  async function loadQueue(): Promise<void> {
    try {
      const [data, closed] = await Promise.all([
        api.queue(),
        filter.value === 'resolved' ? api.queue('closed') : Promise.resolve(null),
      ]);
      batch(() => {
        queue.value = data;
        if (closed) closedQueue.value = closed;
        queueError.value = null;
      });
    } catch (error) {
      if (isInboxApiError(error) && error.status === 401) session.value = null;
      else queueError.value = errorMessage(error);
    }
  }

  function setFilter(next: QueueFilter): void {
    filter.value = next;
    if (next === 'resolved') void loadQueue();
  }

  async function openThread(kind: ThreadKind, id: string): Promise<void> {
    const request = ++threadRequest;
    markSeen(entryKey(kind, id));
    if (thread.value && (thread.value.kind !== kind || thread.value.id !== id)) {
      thread.value = null;
      notice.value = '';
    }
    threadError.value = null;
    try {
      const data: ThreadData =
        kind === 'conversation'
          ? await api.conversation(id).then((r) => ({
              kind,
              id,
              messages: r.messages,
              context: readContext(r.context),
              visitor: r.visitor ?? null,
              conversation: r.conversation,
              ...(r.visitorLastReadAt ? { visitorReadAt: r.visitorLastReadAt } : {}),
              ...(r.visitorPage ? { visitorPage: r.visitorPage } : {}),
              history: [],
            }))
          : await api.ticket(id).then((r) => ({
              kind,
              id,
              messages: r.messages,
              context: readContext(r.context),
              visitor: r.visitor ?? null,
              ticket: r.ticket,
              ...(r.queue ? { queue: r.queue } : {}),
              ...(r.assignee ? { ticketAssignee: r.assignee } : {}),
              history: r.history,
            }));
      if (request === threadRequest) thread.value = data;
    } catch (error) {
      if (request !== threadRequest) return;
      if (isInboxApiError(error) && error.status === 401) session.value = null;
      threadError.value =
        isInboxApiError(error) && error.status === 404 ? strings.thread.notFound : errorMessage(error);
    }
  }

  function closeThread(): void {
    threadRequest += 1;
    thread.value = null;
    threadError.value = null;
  }

  function appendMessage(message: Message): void {
    const current = thread.value;
    if (!current || current.id !== message.conversationId) return;
    if (current.messages.some((known) => known.id === message.id)) return;
    thread.value = { ...current, messages: [...current.messages, message] };
  }

  /**
   * A change refused because the sign-in is over (expired, signed out elsewhere) shows the sign-in
   * form at once, rather than an error under a reply box that cannot send: the draft stays in
   * `drafts` and the route is kept, so signing in again brings the agent back to it.
   */
  async function signedIn<T>(write: Promise<T>): Promise<T> {
    try {
      return await write;
    } catch (error) {
      if (isInboxApiError(error) && error.status === 401) session.value = null;
      throw error;
    }
  }

  async function own(change: () => Promise<void>): Promise<void> {
    writing += 1;
    try {
      await change();
    } finally {
      writing -= 1;
    }
  }

  /** Said only when it is news: someone else's change, not the echo of this agent's own. */
  function say(text: string): void {
    if (text && writing === 0) notice.value = text;
  }

  /** The server writes a ticket's history rows: after a change, the open ticket reads them again. */
  async function rereadHistory(id: string): Promise<void> {
    const request = ++historyRequest;
    try {
      const { history } = await api.ticket(id);
      const current = thread.value;
      if (request === historyRequest && current?.kind === 'ticket' && current.id === id)
        thread.value = { ...current, history };
    } catch {
      // The next change, or opening the ticket again, reads it.
    }
  }

  const reply = (body: string, attachmentIds: readonly string[] = []): Promise<void> =>
    own(async () => {
      const current = thread.value;
      if (!current) return;
      const message = await signedIn(
        current.kind === 'conversation'
          ? api.replyToConversation(current.id, body, attachmentIds)
          : api.replyToTicket(current.id, body, attachmentIds),
      );
      appendMessage(message);
      // A first reply moves a new ticket to open, in its history too: read both, so the stream's echo is no news.
      if (current.kind === 'ticket') await openThread('ticket', current.id);
      void loadQueue();
    });

  const setConversationStatus = (status: Conversation['status']): Promise<void> =>
    own(async () => {
      const current = thread.value;
      if (!current?.conversation) return;
      await signedIn(api.setConversationStatus(current.id, status));
      if (thread.value?.id === current.id && thread.value.conversation)
        thread.value = { ...thread.value, conversation: { ...thread.value.conversation, status } };
      void loadQueue();
    });

  async function loadAgents(): Promise<void> {
    try {
      agents.value = await api.agents();
    } catch {
      // Without the list the control still offers "me" and "nobody"; the next sign-in tries again.
    }
  }

  const assignConversation = (agentId: string | null): Promise<void> =>
    own(async () => {
      const current = thread.value;
      if (!current?.conversation) return;
      const conversation = await signedIn(api.assignConversation(current.id, agentId));
      if (thread.value?.id === current.id && thread.value.conversation)
        thread.value = { ...thread.value, conversation };
      void loadQueue();
    });

  const assignTicket = (agentId: string | null): Promise<void> =>
    own(async () => {
      const current = thread.value;
      if (!current?.ticket) return;
      await signedIn(api.assignTicket(current.id, agentId));
      // The history row is written by the server: reload to show it with the new owner.
      await openThread('ticket', current.id);
      void loadQueue();
    });

  const updateTicket = (patch: Parameters<InboxApi['updateTicket']>[1]): Promise<void> =>
    own(async () => {
      const current = thread.value;
      if (!current?.ticket) return;
      await signedIn(api.updateTicket(current.id, patch));
      // The history rows are written by the server: reload to show them.
      await openThread('ticket', current.id);
      void loadQueue();
    });

  let queueTimer: ReturnType<typeof setTimeout> | undefined;
  /** Many events arrive in bursts: one queue reload for the lot. */
  function refreshQueueSoon(): void {
    if (queueTimer !== undefined) return;
    queueTimer = setTimeout(() => {
      queueTimer = undefined;
      void loadQueue();
    }, 250);
  }

  const typingFrom = (event: Extract<AgentEvent, { type: 'typing' }>, name: string): Typing | null =>
    event.typing ? { conversationId: event.conversationId, name, until: clock() + TYPING_EXPIRES_MS } : null;

  function handleEvent(event: AgentEvent): void {
    const current = thread.value;
    switch (event.type) {
      case 'message': {
        const { message } = event;
        appendMessage(message);
        if (message.author.type === 'agent' && colleagueTyping.value?.conversationId === message.conversationId)
          colleagueTyping.value = null;
        if (message.author.type === 'user') {
          if (visitorTyping.value?.conversationId === message.conversationId) visitorTyping.value = null;
          if (current?.id !== message.conversationId) {
            const isTicket = queue.value?.tickets.some((item) => item.ticket.id === message.conversationId);
            markFresh(entryKey(isTicket ? 'ticket' : 'conversation', message.conversationId));
          }
        }
        refreshQueueSoon();
        return;
      }
      case 'typing':
        if (event.author.type === 'agent') {
          if (event.author.id !== session.value?.agent.id)
            colleagueTyping.value = typingFrom(event, event.author.name ?? strings.thread.colleague);
        } else if (event.author.type === 'user')
          visitorTyping.value = typingFrom(
            event,
            event.author.name ?? current?.visitor?.name ?? strings.thread.visitor,
          );
        return;
      case 'status':
        if (current?.conversation && current.id === event.conversationId) {
          if (current.conversation.status !== event.status) say(conversationStatusChange(event.status, event.by));
          thread.value = { ...current, conversation: { ...current.conversation, status: event.status } };
        }
        refreshQueueSoon();
        return;
      case 'ticket':
        if (current?.ticket && current.id === event.ticket.id) {
          // Unchanged since it was read (the echo of this agent's own change, which read it again): its
          // history is already here.
          const news = current.ticket.updatedAt !== event.ticket.updatedAt;
          say(ticketChanges(current.ticket, event.ticket));
          thread.value = { ...current, ticket: event.ticket };
          if (news) void rereadHistory(current.id);
        } else markFresh(entryKey('ticket', event.ticket.id));
        refreshQueueSoon();
        return;
      case 'assignee': {
        const me = session.value?.agent.id;
        if (current?.kind === event.kind && current.id === event.id) {
          if (event.by.id !== me) say(assigneeChange(event, me));
          thread.value = withAssignee(current, event.assignee);
        }
        refreshQueueSoon();
        return;
      }
      case 'contact':
        if (current?.visitor?.id === event.visitorId)
          thread.value = { ...current, visitor: { ...current.visitor, contact: event.contact } };
        return;
      case 'page':
        // Only where the visitor shared it: another conversation of theirs may have been started without.
        if (current?.conversation?.livePage && current.visitor?.id === event.visitorId)
          thread.value = { ...current, visitorPage: event.page };
        return;
      case 'read':
        if (event.reader === 'user' && current?.kind === 'conversation' && current.id === event.conversationId)
          thread.value = { ...current, visitorReadAt: event.at };
        return;
      case 'resync':
        void loadQueue();
        if (current) void openThread(current.kind, current.id);
        return;
      default:
        return;
    }
  }

  /** Moves the clock signal: SLA labels and typing expiry follow it. */
  function tick(): void {
    now.value = clock();
    for (const typing of [visitorTyping, colleagueTyping])
      if (typing.value && typing.value.until <= now.value) typing.value = null;
  }

  async function restoreSession(): Promise<void> {
    try {
      session.value = await api.me();
    } catch {
      session.value = null;
    }
  }

  async function login(email: string, password: string): Promise<void> {
    session.value = await api.login(email, password);
  }

  async function logout(): Promise<void> {
    try {
      await api.setPresence(false).catch(() => undefined);
      await api.logout();
    } finally {
      batch(() => {
        session.value = null;
        queue.value = null;
        thread.value = null;
        fresh.value = new Set();
        opened.value = new Map();
        visitorTyping.value = null;
        colleagueTyping.value = null;
        notice.value = '';
      });
      drafts.clear();
      articleDrafts.clear();
      for (const box of threadFiles.values()) cancelUploads(box);
      threadFiles.clear();
    }
  }

  return {
    api,
    session,
    now,
    queue,
    queueError,
    filter,
    setFilter,
    shownQueue,
    entries,
    unreadCount,
    thread,
    threadError,
    visitorTyping,
    colleagueTyping,
    notice,
    connection,
    agents,
    drafts,
    articleDrafts,
    filesFor,
    loadQueue,
    openThread,
    closeThread,
    reply,
    setConversationStatus,
    loadAgents,
    assignConversation,
    assignTicket,
    updateTicket,
    handleEvent,
    tick,
    restoreSession,
    login,
    logout,
    dispose(): void {
      if (queueTimer !== undefined) clearTimeout(queueTimer);
    },
  };
}

export type InboxStore = ReturnType<typeof createInboxStore>;
