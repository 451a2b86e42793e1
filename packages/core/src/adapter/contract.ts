import type { AnalyticsEvent } from '../schemas/analytics.js';
import type { Answer } from '../schemas/answer.js';
import type { Article, ArticleHit } from '../schemas/article.js';
import type { Attachment } from '../schemas/attachment.js';
import type { Availability } from '../schemas/availability.js';
import type { Contact } from '../schemas/contact.js';
import type { ContextSnapshot, LivePage } from '../schemas/context.js';
import type {
  Conversation,
  Csat,
  Message,
  MessagePage,
  NewMessage,
  StartedConversation,
} from '../schemas/conversation.js';
import type { Identity, Session } from '../schemas/identity.js';
import type { ConnectionStatus, RealtimeEvent } from '../schemas/realtime.js';
import type { Ticket, TicketForm, TicketInput, TicketThread } from '../schemas/ticket.js';
import type { Capabilities } from './capabilities.js';

export interface SuggestContext {
  path: string;
  url?: string;
  title?: string;
  /** Article ids the host registered for this route with `help.register`. */
  articleIds?: string[];
}

export interface Upload {
  name: string;
  type: string;
  size: number;
  data: Blob;
}

export interface UploadOptions {
  /** Called with bytes sent so far; adapters that cannot report progress call it once at the end. */
  onProgress?: (sent: number, total: number) => void;
  signal?: AbortSignal;
}

export type RealtimeHandler = (event: RealtimeEvent) => void;
export interface DisconnectOptions {
  keepSession?: boolean;
}

export type StatusHandler = (status: ConnectionStatus) => void;
export type Unsubscribe = () => void;

/**
 * The one contract between the widget and any backend. Methods behind a capability are optional:
 * an adapter implements exactly what it declares in `capabilities`, and core refuses calls to the
 * rest with an UnsupportedError. Every method resolves with data parsed by the wire schemas in
 * core (`parseResponse`) and rejects with an AdapterError.
 */
export interface SupportAdapter {
  readonly name: string;
  readonly capabilities: Capabilities;

  connect(identity: Identity): Promise<Session>;
  /**
   * Closes the connection. Unless `keepSession` is set, an adapter whose backend has sessions also
   * ends the session there, so its token stops working (logout, another user signing in); the
   * session is kept when the same visitor may come back with it (shutdown).
   */
  disconnect?(options?: DisconnectOptions): Promise<void>;

  // kb
  searchArticles?(query: string, options?: { limit?: number; locale?: string }): Promise<ArticleHit[]>;
  suggestArticles?(context: SuggestContext): Promise<ArticleHit[]>;
  getArticle?(id: string): Promise<Article>;
  rateArticle?(id: string, helpful: boolean): Promise<void>;

  // answers
  answer?(question: string, context: SuggestContext): Promise<Answer>;

  // chat
  listConversations?(): Promise<Conversation[]>;
  startConversation?(input: NewMessage & { context?: ContextSnapshot }): Promise<StartedConversation>;
  sendMessage?(conversationId: string, input: NewMessage): Promise<Message>;
  listMessages?(conversationId: string, page?: { before?: string; limit?: number }): Promise<MessagePage>;
  sendTyping?(conversationId: string, typing: boolean): Promise<void>;
  markRead?(conversationId: string): Promise<void>;
  rateConversation?(conversationId: string, csat: Csat & { idempotencyKey: string }): Promise<void>;
  /** The page the visitor is on now, for agents of their open conversations (capability `livePage`). */
  sendPage?(page: LivePage): Promise<void>;
  /** The visitor ends the conversation: resolves with it resolved (capability `endChat`). */
  endConversation?(conversationId: string): Promise<Conversation>;

  // contact
  /**
   * How the visitor says they can be reached, for replies once they have left (capability `contact`).
   * Unverified: keep it apart from a host-named email, never link visitors or grant access by it.
   */
  setContact?(contact: Contact): Promise<void>;

  // realtime
  subscribe?(handler: RealtimeHandler, onStatus?: StatusHandler): Unsubscribe;

  // attachments
  uploadAttachment?(file: Upload, options?: UploadOptions): Promise<Attachment>;

  // tickets
  getTicketForm?(): Promise<TicketForm>;
  createTicket?(input: TicketInput & { context?: ContextSnapshot }): Promise<Ticket>;
  listTickets?(): Promise<Ticket[]>;
  getTicket?(id: string): Promise<TicketThread>;
  replyToTicket?(id: string, input: NewMessage): Promise<Message>;
  /** The visitor marks the ticket solved: resolves with it as it is now (capability `solveTicket`). */
  solveTicket?(id: string): Promise<Ticket>;
  /** The visitor has read the ticket's replies (capability `ticketRead`). */
  markTicketRead?(id: string): Promise<void>;

  // availability
  getAvailability?(): Promise<Availability>;

  // analytics
  track?(event: AnalyticsEvent): Promise<void>;
}
