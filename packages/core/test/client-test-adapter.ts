import {
  AdapterError,
  type AnalyticsEvent,
  type Article,
  type ArticleHit,
  type Capabilities,
  type ClientDeps,
  type ConnectionStatus,
  type Conversation,
  createClient,
  createMemoryStore,
  type HelplineClient,
  type HelplineOptionsInput,
  type Identity,
  type KeyValueStore,
  type Message,
  type RealtimeEvent,
  type SuggestContext,
  type SupportAdapter,
  type Ticket,
  type TicketForm,
} from '@helpline/core';

/**
 * A small but real backend living in memory, written for these tests (the adapter-memory package is
 * built in parallel): it stores what it is sent, dedupes by idempotency key like a real server, and
 * can be told to fail the next calls or to be offline.
 */
export interface TestBackend extends SupportAdapter {
  identities: Identity[];
  conversations: Map<string, Conversation>;
  messages: Message[];
  tickets: Ticket[];
  /** Every write call received, including duplicates: [method, idempotencyKey]. */
  writes: Array<[string, string]>;
  analytics: AnalyticsEvent[];
  suggestCalls: SuggestContext[];
  markReadCalls: string[];
  ticketReadCalls: string[];
  disconnects: number;
  offline: boolean;
  /** Errors thrown by the next write calls, in order. */
  failures: Error[];
  /** The next write is stored but its answer is lost on the way back (a timeout after commit). */
  loseNextResponse: boolean;
  /** Search answers are held until released, to test last-query-wins. */
  holdSearches: boolean;
  releaseSearch(query: string): void;
  heldQueries(): string[];
  push(event: RealtimeEvent): void;
  /** The live stream reports its state, as a stream that (re)opens does. */
  streamStatus(status: ConnectionStatus): void;
  /** An agent's message to a conversation or ticket; `live: false` leaves it off the stream (a gap). */
  agentSays(conversationId: string, body: string, live?: boolean): Message;
}

const ARTICLES: Article[] = [
  { id: 'a1', title: 'Exporting invoices', html: '<p>Use the export button.</p>', summary: 'Export', related: [] },
  {
    id: 'a2',
    title: 'Resetting your password',
    html: '<p>Click forgot password.</p>',
    summary: 'Password',
    related: [],
  },
  { id: 'a3', title: 'Inviting teammates', html: '<p>Open settings.</p>', summary: 'Team', related: [] },
];

const hit = (article: Article): ArticleHit => ({
  id: article.id,
  title: article.title,
  snippet: article.summary,
  highlights: [],
});

export const FORM: TicketForm = {
  fields: [
    {
      id: 'plan',
      label: 'Plan',
      type: 'select',
      required: true,
      options: [
        { value: 'free', label: 'Free' },
        { value: 'pro', label: 'Pro' },
      ],
    },
    { id: 'seats', label: 'Seats', type: 'number', required: false, min: 1 },
  ],
  categories: ['outage', 'billing_access', 'how_to', 'bug', 'feature_request'],
  severities: ['P0', 'P1', 'P2', 'P3'],
  attachments: { maxBytes: 1000, types: ['image/*', 'text/plain'] },
};

export function createTestBackend(capabilities: Partial<Capabilities> = {}): TestBackend {
  let clock = Date.parse('2026-11-29T10:00:00.000Z');
  const at = () => new Date((clock += 1000)).toISOString();
  let handler: ((event: RealtimeEvent) => void) | undefined;
  let onStatus: ((status: ConnectionStatus) => void) | undefined;
  let counter = 0;
  const heldSearches = new Map<string, () => void>();

  const write = (method: string, key: string) => {
    backend.writes.push([method, key]);
    if (backend.offline) throw new AdapterError('network', 'Failed to fetch', { retryable: true });
    const failure = backend.failures.shift();
    if (failure) throw failure;
  };
  const answer = <T>(value: T): T => {
    if (!backend.loseNextResponse) return value;
    backend.loseNextResponse = false;
    throw new AdapterError('network', 'The connection dropped before the answer arrived', { retryable: true });
  };
  const message = (conversationId: string, body: string, type: 'user' | 'agent', idempotencyKey?: string): Message => ({
    id: `m${++counter}`,
    conversationId,
    author: type === 'agent' ? { type, name: 'Ada' } : { type },
    body,
    attachments: [],
    createdAt: at(),
    ...(idempotencyKey ? { idempotencyKey } : {}),
  });

  const backend: TestBackend = {
    name: 'test',
    capabilities: {
      kb: true,
      answers: false,
      chat: true,
      realtime: true,
      typing: true,
      readReceipts: true,
      attachments: true,
      csat: true,
      tickets: true,
      ticketList: true,
      formSchema: true,
      availability: true,
      analytics: true,
      livePage: false,
      endChat: true,
      ticketRead: true,
      contact: false,
      solveTicket: true,
      ...capabilities,
    },
    identities: [],
    conversations: new Map(),
    messages: [],
    tickets: [],
    writes: [],
    analytics: [],
    suggestCalls: [],
    markReadCalls: [],
    ticketReadCalls: [],
    disconnects: 0,
    offline: false,
    failures: [],
    loseNextResponse: false,
    holdSearches: false,
    async connect(identity) {
      if (backend.offline) throw new AdapterError('network', 'Failed to fetch', { retryable: true });
      backend.identities.push(identity);
      return { visitorId: identity.visitorId, verified: identity.verification?.userHash !== undefined };
    },
    async disconnect() {
      backend.disconnects++;
    },
    async searchArticles(query) {
      if (backend.holdSearches) await new Promise<void>((resolve) => heldSearches.set(query, resolve));
      return ARTICLES.filter((article) => article.title.toLowerCase().includes(query.toLowerCase())).map(hit);
    },
    async suggestArticles(context) {
      backend.suggestCalls.push(context);
      return ARTICLES.filter((article) => context.articleIds?.includes(article.id)).map(hit);
    },
    async getArticle(id) {
      const article = ARTICLES.find((candidate) => candidate.id === id);
      if (!article) throw new AdapterError('not_found', `No article ${id}`, { status: 404 });
      return article;
    },
    async rateArticle() {},
    async listConversations() {
      return [...backend.conversations.values()];
    },
    async startConversation(input) {
      write('startConversation', input.idempotencyKey);
      const existing = [...backend.conversations.values()].find((c) => c.id === `c-${input.idempotencyKey}`);
      if (existing)
        return {
          conversation: existing,
          message: backend.messages.find((m) => m.idempotencyKey === input.idempotencyKey)!,
        };
      const first = message(`c-${input.idempotencyKey}`, input.body, 'user', input.idempotencyKey);
      const conversation: Conversation = {
        id: first.conversationId,
        status: 'open',
        createdAt: first.createdAt,
        updatedAt: first.createdAt,
        unreadCount: 0,
      };
      backend.conversations.set(conversation.id, conversation);
      backend.messages.push(first);
      lastContext.value = input.context;
      return answer({ conversation, message: first });
    },
    async sendMessage(conversationId, input) {
      write('sendMessage', input.idempotencyKey);
      const existing = backend.messages.find((m) => m.idempotencyKey === input.idempotencyKey);
      if (existing) return existing;
      if (!backend.conversations.has(conversationId))
        throw new AdapterError('not_found', 'No such conversation', { status: 404 });
      const sent = message(conversationId, input.body, 'user', input.idempotencyKey);
      backend.messages.push(sent);
      return answer(sent);
    },
    async listMessages(conversationId) {
      return { messages: backend.messages.filter((m) => m.conversationId === conversationId) };
    },
    async markRead(conversationId) {
      backend.markReadCalls.push(conversationId);
    },
    async endConversation(conversationId) {
      write('endConversation', conversationId);
      const conversation = backend.conversations.get(conversationId);
      if (!conversation) throw new AdapterError('not_found', 'No such conversation', { status: 404 });
      const ended: Conversation = { ...conversation, status: 'resolved', updatedAt: at() };
      backend.conversations.set(conversationId, ended);
      return ended;
    },
    async rateConversation(conversationId, csat) {
      write('rateConversation', csat.idempotencyKey);
      const conversation = backend.conversations.get(conversationId);
      if (conversation) backend.conversations.set(conversationId, { ...conversation, csat: { score: csat.score } });
    },
    subscribe(next, status) {
      handler = next;
      onStatus = status;
      return () => {
        handler = undefined;
        onStatus = undefined;
      };
    },
    async uploadAttachment(file, options) {
      options?.onProgress?.(file.size, file.size);
      return {
        id: `f${++counter}`,
        name: file.name,
        type: file.type,
        size: file.size,
        url: `https://files.test/${file.name}`,
      };
    },
    async getTicketForm() {
      return FORM;
    },
    async createTicket(input) {
      write('createTicket', input.idempotencyKey);
      const existing = backend.tickets.find((t) => t.id === `t-${input.idempotencyKey}`);
      if (existing) return existing;
      const now = at();
      const ticket: Ticket = {
        id: `t-${input.idempotencyKey}`,
        subject: input.subject,
        description: input.description,
        severity: input.severity,
        category: input.category,
        status: 'new',
        fields: input.fields,
        attachments: [],
        createdAt: now,
        updatedAt: now,
      };
      backend.tickets.push(ticket);
      lastContext.value = input.context;
      return ticket;
    },
    async listTickets() {
      return backend.tickets;
    },
    async getTicket(id) {
      const ticket = backend.tickets.find((t) => t.id === id);
      if (!ticket) throw new AdapterError('not_found', `No ticket ${id}`, { status: 404 });
      return { ticket, messages: backend.messages.filter((m) => m.conversationId === id) };
    },
    async solveTicket(id) {
      write('solveTicket', id);
      const index = backend.tickets.findIndex((t) => t.id === id);
      if (index < 0) throw new AdapterError('not_found', `No ticket ${id}`, { status: 404 });
      const solved: Ticket = { ...backend.tickets[index]!, status: 'solved', updatedAt: at() };
      backend.tickets[index] = solved;
      return solved;
    },
    async markTicketRead(id) {
      backend.ticketReadCalls.push(id);
    },
    async replyToTicket(id, input) {
      write('replyToTicket', input.idempotencyKey);
      const existing = backend.messages.find((m) => m.idempotencyKey === input.idempotencyKey);
      if (existing) return existing;
      const sent = message(id, input.body, 'user', input.idempotencyKey);
      backend.messages.push(sent);
      return answer(sent);
    },
    async getAvailability() {
      return { status: 'online', agentsOnline: 2, expectedReplyMinutes: 5 };
    },
    async track(event) {
      backend.analytics.push(event);
    },
    heldQueries: () => [...heldSearches.keys()],
    releaseSearch(query) {
      heldSearches.get(query)?.();
      heldSearches.delete(query);
    },
    push(event) {
      handler?.(event);
    },
    streamStatus(status) {
      onStatus?.(status);
    },
    agentSays(conversationId, body, live = true) {
      const sent = message(conversationId, body, 'agent');
      backend.messages.push(sent);
      if (live) handler?.({ type: 'message', message: sent });
      return sent;
    },
  };
  const lastContext: { value: unknown } = { value: undefined };
  Object.defineProperty(backend, 'lastContext', { get: () => lastContext.value });
  return backend;
}

/** The context snapshot the backend received with the last conversation or ticket. */
export const lastContextOf = (backend: TestBackend): unknown =>
  (backend as unknown as { lastContext: unknown }).lastContext;

/** Timers and clock the test moves by hand: nothing waits on real time. */
export function manualTime(start = Date.parse('2026-11-29T10:00:00.000Z')) {
  let now = start;
  let nextId = 0;
  const pending = new Map<number, { at: number; run: () => void }>();
  return {
    now: () => new Date(now),
    timers: {
      setTimeout(run: () => void, ms: number) {
        const id = ++nextId;
        pending.set(id, { at: now + ms, run });
        return id;
      },
      clearTimeout(handle: unknown) {
        pending.delete(handle as number);
      },
    },
    /** Delays of the timers waiting now, shortest first. */
    delays: () => [...pending.values()].map((timer) => timer.at - now).sort((a, b) => a - b),
    advance(ms: number) {
      now += ms;
      for (const [id, timer] of [...pending].sort((a, b) => a[1].at - b[1].at)) {
        if (timer.at <= now) {
          pending.delete(id);
          timer.run();
        }
      }
    },
  };
}

/** Resolves once every queued promise callback (and fake-indexeddb's) has run. */
export const settle = async (rounds = 20): Promise<void> => {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setTimeout(resolve, 0));
};

/** A console that records instead of printing, so tests can assert on what the host developer sees. */
export function recordingConsole() {
  const errors: string[] = [];
  const warnings: string[] = [];
  const text = (args: unknown[]) => args.map((arg) => (arg instanceof Error ? arg.message : String(arg))).join(' ');
  return {
    errors,
    warnings,
    error: (...args: unknown[]) => void errors.push(text(args)),
    warn: (...args: unknown[]) => void warnings.push(text(args)),
    info: () => {},
  };
}

/** Wraps a store to record every write, so tests can prove nothing was written. */
export function recordingStore(inner: KeyValueStore): KeyValueStore & { writes: string[] } {
  const writes: string[] = [];
  return {
    writes,
    get: (key) => inner.get(key),
    keys: () => inner.keys(),
    set: (key, value) => {
      writes.push(`set ${key}`);
      return inner.set(key, value);
    },
    del: (key) => {
      writes.push(`del ${key}`);
      return inner.del(key);
    },
    clear: () => {
      writes.push('clear');
      return inner.clear();
    },
  };
}

let ids = 0;
/** Deterministic, valid ids (idempotency keys need at least 8 characters). */
export const testIds = () => `id-${String(++ids).padStart(6, '0')}`;

export interface Harness {
  client: HelplineClient;
  backend: TestBackend;
  store: KeyValueStore & { writes: string[] };
  time: ReturnType<typeof manualTime>;
  logs: ReturnType<typeof recordingConsole>;
}

/** A client over the test backend, an in-memory store, a hand-moved clock and a recording console. */
export function startClient(
  options: Partial<HelplineOptionsInput> = {},
  setup: { backend?: TestBackend; store?: KeyValueStore; time?: ReturnType<typeof manualTime>; deps?: ClientDeps } = {},
): Harness {
  const backend = setup.backend ?? createTestBackend();
  const store = recordingStore(setup.store ?? createMemoryStore());
  const time = setup.time ?? manualTime();
  const logs = recordingConsole();
  const client = createClient(
    { adapter: backend, ...options },
    {
      store,
      now: time.now,
      timers: time.timers,
      random: testIds,
      jitter: () => 0.5,
      locks: null,
      channel: () => null,
      console: logs,
      ...setup.deps,
    },
  );
  return { client, backend, store, time, logs };
}

/** Holds the answers of these adapter methods until the returned release() (calls that straddle a logout). */
export function holdAnswers<T extends object>(target: T, names: Array<keyof T>): () => void {
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  for (const name of names) {
    const original = (target[name] as (...args: unknown[]) => Promise<unknown>).bind(target);
    (target as Record<keyof T, unknown>)[name] = async (...args: unknown[]) => {
      await held;
      return original(...args);
    };
  }
  return release;
}

/** Makes a call whose answer is held until the client has logged out, then lets it land. */
export async function answeredAfterLogout<T extends object>(
  client: HelplineClient,
  backend: T,
  method: keyof T,
  call: () => Promise<unknown>,
): Promise<void> {
  const release = holdAnswers(backend, [method]);
  const pending = call();
  await settle();
  await client.logout();
  release();
  await pending;
}

/** A signed-in visitor with one ticket, in the list as My tickets loads it. */
export async function startWithTicket(backend = createTestBackend()): Promise<Harness & { ticketId: string }> {
  const harness = startClient({ user: { id: 'u-tickets' } }, { backend });
  const ticket = await harness.client.tickets.create({
    subject: 'Invoice PDF is blank',
    description: 'Since Monday',
    severity: 'P2',
    category: 'billing_access',
    fields: { plan: 'pro' },
    includeContext: false,
  });
  await harness.client.tickets.load();
  return { ...harness, ticketId: ticket.id };
}
