import type { ReadonlySignal } from '@preact/signals-core';
import type { Capabilities } from '../adapter/capabilities.js';
import type { SupportAdapter } from '../adapter/contract.js';
import type { HelplineError } from '../errors/helpline-error.js';
import type { HelplineOptions } from '../options/schema.js';
import type { Answer } from '../schemas/answer.js';
import type { Article, ArticleHit } from '../schemas/article.js';
import type { Attachment } from '../schemas/attachment.js';
import type { Availability } from '../schemas/availability.js';
import type { CustomFields } from '../schemas/common.js';
import type { Contact } from '../schemas/contact.js';
import type { ContextSnapshot } from '../schemas/context.js';
import type { Conversation, Csat, Message } from '../schemas/conversation.js';
import type { Verification } from '../schemas/identity.js';
import type { ContextAccount, ContextUser } from '../schemas/people.js';
import type { ConnectionStatus } from '../schemas/realtime.js';
import type { Category, Severity, Ticket, TicketForm, TicketThread } from '../schemas/ticket.js';

export type ViewName = 'home' | 'search' | 'article' | 'chat' | 'conversations' | 'ticket' | 'tickets' | 'ticketThread';

export interface ViewState {
  name: ViewName;
  query?: string;
  articleId?: string;
  /** Absent on the chat view means "new conversation". */
  conversationId?: string;
  ticketId?: string;
}

export interface IdentityState {
  visitorId: string | undefined;
  user: ContextUser | undefined;
  account: ContextAccount | undefined;
  verified: boolean;
}

/** Read-only reactive state; the widget renders from it, hosts may read or subscribe to it. */
export interface HelplineState {
  ready: ReadonlySignal<boolean>;
  isOpen: ReadonlySignal<boolean>;
  view: ReadonlySignal<ViewState>;
  unreadCount: ReadonlySignal<number>;
  status: ReadonlySignal<ConnectionStatus>;
  availability: ReadonlySignal<Availability | undefined>;
  identity: ReadonlySignal<IdentityState>;
  /** Effective capabilities: the adapter's, narrowed by `features`. */
  capabilities: ReadonlySignal<Capabilities>;
  /** Resolved locale tag, e.g. 'en', 'de', 'ar'. */
  locale: ReadonlySignal<string>;
}

export interface Prefill {
  subject?: string;
  text?: string;
  severity?: Severity;
  category?: Category;
  fields?: CustomFields;
}

export interface HelpEntry {
  /** Article ids to suggest on matching routes, most relevant first. */
  articles?: string[];
  /** Short tips shown above suggestions, plain text. */
  tips?: string[];
}

export interface HelplineEvents {
  ready: { capabilities: Capabilities };
  open: { view: ViewState };
  close: Record<string, never>;
  message: { message: Message };
  unread: { count: number };
  'ticket:created': { ticket: Ticket };
  'conversation:started': { conversation: Conversation };
  'article:viewed': { articleId: string };
  'article:rated': { articleId: string; helpful: boolean };
  error: { error: HelplineError; command?: string };
}
export type HelplineEventName = keyof HelplineEvents;
export type HelplineListener<E extends HelplineEventName> = (payload: HelplineEvents[E]) => void;

/** An unsent or failed write kept in the outbox, shown in the UI as pending/failed with retry. */
export interface OutboxItem {
  id: string;
  kind: 'message' | 'conversation' | 'ticket' | 'csat' | 'ticketReply';
  /** The conversation or ticket it belongs to, when known. */
  targetId?: string;
  /** Plain-text body the user typed, for optimistic display. */
  body?: string;
  attachments?: Attachment[];
  createdAt: string;
  state: 'pending' | 'sending' | 'failed';
  attempts: number;
  error?: { code: string; message: string };
}

export interface UploadProgress {
  id: string;
  name: string;
  sent: number;
  total: number;
  state: 'uploading' | 'done' | 'failed';
  attachment?: Attachment;
  error?: string;
}

/** Knowledge base: searches, suggestions for the current route, articles and votes. */
export interface KbApi {
  results: ReadonlySignal<{ query: string; hits: ArticleHit[]; loading: boolean; error?: HelplineError }>;
  suggestions: ReadonlySignal<{ hits: ArticleHit[]; tips: string[]; loading: boolean }>;
  /** Debounce is the caller's job; concurrent searches resolve last-query-wins. */
  search(query: string): Promise<ArticleHit[]>;
  refreshSuggestions(articleIds?: string[]): Promise<ArticleHit[]>;
  getArticle(id: string): Promise<Article>;
  rate(id: string, helpful: boolean): Promise<void>;
  /** Instant answers for a question being typed; records `answer_shown`. */
  answer(question: string): Promise<Answer>;
  /** Records "this solved it" (true) or "I still need help" (false); the latter is attached to the next request. */
  resolveAnswer(answer: Answer, solved: boolean): Promise<void>;
}

export interface ChatApi {
  conversations: ReadonlySignal<Conversation[]>;
  /** Messages of a conversation: server-confirmed ones followed by outbox items still pending or failed. */
  thread(conversationId: string | undefined): ReadonlySignal<{
    messages: Message[];
    pending: OutboxItem[];
    loading: boolean;
    hasMore: boolean;
    error?: HelplineError;
  }>;
  /** Agents typing in a conversation (names), cleared after 6 s without an update. */
  typing(conversationId: string): ReadonlySignal<string[]>;
  loadConversations(): Promise<Conversation[]>;
  loadOlder(conversationId: string): Promise<void>;
  /** Sends through the outbox. Without conversationId starts a new conversation with the context snapshot. */
  send(input: {
    conversationId?: string;
    body: string;
    attachments?: Attachment[];
    includeContext?: boolean;
  }): Promise<OutboxItem>;
  retry(outboxItemId: string): Promise<void>;
  discard(outboxItemId: string): Promise<void>;
  setTyping(conversationId: string, typing: boolean): void;
  markRead(conversationId: string): Promise<void>;
  rate(conversationId: string, csat: Csat): Promise<void>;
  /** Ends (resolves) the conversation for the visitor; resolves with it as the backend has it now. */
  end(conversationId: string): Promise<Conversation>;
  /** Draft text per conversation ('new' for an unstarted one); persisted so nothing typed is lost. */
  draft(key: string): ReadonlySignal<string>;
  setDraft(key: string, text: string): void;
}

export interface TicketsApi {
  list: ReadonlySignal<{ tickets: Ticket[]; loading: boolean; error?: HelplineError }>;
  form(): Promise<TicketForm>;
  /** Validates against the form (required and typed custom fields), then sends through the outbox. */
  create(input: {
    subject: string;
    description: string;
    severity: Severity;
    category: Category;
    fields?: CustomFields;
    attachments?: Attachment[];
    includeContext: boolean;
  }): Promise<Ticket>;
  load(): Promise<Ticket[]>;
  /** Reads a ticket and its replies, into `list` and `thread(id)` too. */
  get(id: string): Promise<TicketThread>;
  /**
   * A ticket's replies, kept current: agent replies arriving live, the user's own, and what the live
   * stream missed while it was (re)opening. Loads on first use; the ticket itself is in `list` then.
   */
  thread(id: string): ReadonlySignal<{ messages: Message[]; loading: boolean; error?: HelplineError }>;
  reply(id: string, body: string, attachments?: Attachment[]): Promise<Message>;
  /** The visitor marks the ticket solved (capability `solveTicket`); a reply opens it again. */
  solve(id: string): Promise<Ticket>;
  /** Agent replies not read yet, over all tickets (capability `ticketRead`). */
  unread: ReadonlySignal<number>;
  /** The ticket on screen is marked read automatically, and its replies while it stays there. */
  markRead(id: string): Promise<void>;
  /** Draft of the ticket form, persisted. */
  draft: ReadonlySignal<Record<string, unknown>>;
  setDraft(values: Record<string, unknown>): void;
}

export interface AttachmentsApi {
  uploads: ReadonlySignal<UploadProgress[]>;
  /** Checks size and type against the form's limits, uploads with progress. */
  upload(file: File | (Blob & { name: string })): Promise<Attachment>;
  remove(id: string): void;
}

/**
 * The email a visitor the host has not named leaves so replies can reach them after they leave
 * (capability `contact`). Unverified: the backend keeps it apart from the email a host vouches for.
 */
export interface ContactApi {
  /** What the visitor gave on this browser, for whom the page names now (remembered like drafts). */
  given: ReadonlySignal<Contact | undefined>;
  /**
   * Whether to ask: the adapter takes a contact, the host gave no `user.email`, and on this browser
   * this visitor has neither given one nor dismissed the question.
   */
  asks: ReadonlySignal<boolean>;
  /** Checks it (a ValidationError names the field), masks the name as typed text, sends it, remembers it. */
  set(contact: Contact): Promise<Contact>;
  /** The visitor does not want to give one: the chat stops asking them on this browser. */
  dismiss(): void;
}

/** The whole client. Every command resolves; a bad call rejects with a HelplineError AND emits `error`. */
export interface HelplineClient {
  readonly state: HelplineState;
  readonly options: HelplineOptions;
  readonly adapter: SupportAdapter;
  readonly kb: KbApi;
  readonly chat: ChatApi;
  readonly tickets: TicketsApi;
  readonly attachments: AttachmentsApi;
  readonly contact: ContactApi;
  /** Redacted snapshot of page and account context, as it would be sent now (for the preview). */
  snapshot(): ContextSnapshot;
  /**
   * Text the user typed as Helpline sends and stores it: card numbers, tokens, credentials in links and
   * `privacy.redactPatterns` masked (emails stay). Chat, tickets, ratings, questions and drafts go through it.
   */
  redact(text: string): string;
  /** Marks the first user interaction: from now on storage may be written and the visitor id made. */
  interacted(): void;

  open(view?: ViewName | ViewState): Promise<void>;
  close(): Promise<void>;
  toggle(): Promise<void>;
  identify(user: ContextUser, verification?: Verification): Promise<void>;
  update(context: {
    user?: ContextUser;
    account?: ContextAccount;
    custom?: CustomFields;
    app?: { version?: string; environment?: string };
  }): Promise<void>;
  logout(): Promise<void>;
  search(query: string): Promise<void>;
  article(id: string): Promise<void>;
  suggest(articleIds?: string[]): Promise<void>;
  newMessage(text?: string): Promise<void>;
  newTicket(prefill?: Prefill): Promise<void>;
  prefill(fields: Prefill): Promise<void>;
  /** Adds a breadcrumb event to the context snapshot; `at` (`Date.now()` style) when it happened earlier. */
  track(name: string, data?: CustomFields, at?: number): Promise<void>;
  readonly help: {
    register(pattern: string, entry: HelpEntry): Promise<void>;
    unregister(pattern: string): Promise<void>;
  };
  /** Current prefill for the chat composer and ticket form (consumed by the widget). */
  readonly prefilled: ReadonlySignal<Prefill>;
  on<E extends HelplineEventName>(event: E, listener: HelplineListener<E>): () => void;
  once<E extends HelplineEventName>(event: E, listener: HelplineListener<E>): () => void;
  off<E extends HelplineEventName>(event: E, listener: HelplineListener<E>): void;
  /** Undoes everything boot did: listeners, patches, timers, subscriptions. Local data is kept (see logout). */
  shutdown(): Promise<void>;
}
