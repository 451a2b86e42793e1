import { Conversation, Message, parseResponse, Ticket } from '@helpline/core';
import type * as z from 'zod/mini';
import { strings } from '../strings.js';
import { errorOf, InboxApiError } from './inbox-api-error.js';
import {
  AgentList,
  Analytics,
  type ArticleEdit,
  ArticleSource,
  ArticleSummaries,
  AssignedTicket,
  ConversationThread,
  Escalated,
  Preview,
  Queue,
  Session,
  TicketDetail,
  type TicketPatch,
  WebhookLog,
} from './schemas.js';
import { type UploadProgress, uploadFile } from './upload-file.js';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface InboxApiOptions {
  /** Defaults to the page's `fetch`; tests pass a fake. */
  fetch?: FetchLike;
  /** Where the agent API lives; defaults to the same origin's /agent/api. */
  baseUrl?: string;
  /**
   * Uploads go through it to report their progress (fetch cannot); defaults to the page's. Without
   * one, uploads use `fetch` and report once, when done.
   */
  XMLHttpRequest?: typeof XMLHttpRequest | undefined;
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * The inbox's only door to the server. Every answer is parsed with the core schemas; failures
 * become an InboxApiError carrying the server's message. The CSRF token from login/me is kept here
 * and sent on every mutating request.
 */
export function createInboxApi(options: InboxApiOptions = {}) {
  const fetchFn: FetchLike = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const base = options.baseUrl ?? '/agent/api';
  const Xhr = 'XMLHttpRequest' in options ? options.XMLHttpRequest : globalThis.XMLHttpRequest;
  let csrfToken: string | undefined;

  async function send(method: string, path: string, body?: unknown, keepalive = false): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (MUTATING.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
    let response: Response;
    try {
      response = await fetchFn(`${base}${path}`, {
        method,
        headers,
        credentials: 'same-origin',
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        ...(keepalive ? { keepalive } : {}),
      });
    } catch {
      throw new InboxApiError(0, 'network', strings.errors.network);
    }
    if (!response.ok) throw await errorOf(response);
    return response;
  }

  async function json<S extends z.ZodMiniType>(schema: S, what: string, method: string, path: string, body?: unknown) {
    const response = await send(method, path, body);
    return parseResponse(schema, await response.json(), what);
  }

  async function setSession(session: Session): Promise<Session> {
    csrfToken = session.csrfToken;
    return session;
  }

  return {
    async login(email: string, password: string): Promise<Session> {
      return setSession(await json(Session, 'login', 'POST', '/login', { email, password }));
    },
    async logout(): Promise<void> {
      await send('POST', '/logout');
      csrfToken = undefined;
    },
    /** The signed-in agent, or null when there is no session. */
    async me(): Promise<Session | null> {
      try {
        return await setSession(await json(Session, 'session', 'GET', '/me'));
      } catch (error) {
        if (error instanceof InboxApiError && error.status === 401) return null;
        throw error;
      }
    },
    /** What is open (most urgent first), or `closed`: recently resolved conversations and solved tickets. */
    queue: (view: 'open' | 'closed' = 'open') =>
      json(Queue, 'queue', 'GET', view === 'closed' ? '/queue?view=closed' : '/queue'),
    conversation: (id: string) => json(ConversationThread, 'conversation', 'GET', `/conversations/${enc(id)}`),
    replyToConversation: (id: string, body: string, attachmentIds: readonly string[] = []) =>
      json(Message, 'message', 'POST', `/conversations/${enc(id)}/messages`, { body, attachmentIds }),
    /** A file for the next reply; the server sniffs its type and applies the caps of visitor uploads. */
    uploadAttachment: (file: File, progress: UploadProgress = {}) =>
      uploadFile(
        {
          url: `${base}/attachments`,
          headers: { Accept: 'application/json', ...(csrfToken ? { 'X-CSRF-Token': csrfToken } : {}) },
          fetch: fetchFn,
          XMLHttpRequest: Xhr,
        },
        file,
        progress,
      ),
    async sendTyping(id: string, typing: boolean): Promise<void> {
      await send('POST', `/conversations/${enc(id)}/typing`, { typing });
    },
    async setConversationStatus(id: string, status: 'open' | 'pending' | 'resolved'): Promise<void> {
      await send('POST', `/conversations/${enc(id)}/status`, { status });
    },
    agents: () => json(AgentList, 'agents', 'GET', '/agents'),
    /** Gives the conversation to an agent of the workspace, or to nobody (null). */
    assignConversation: (id: string, agentId: string | null) =>
      json(Conversation, 'conversation', 'PUT', `/conversations/${enc(id)}/assignee`, { agentId }),
    ticket: (id: string) => json(TicketDetail, 'ticket', 'GET', `/tickets/${enc(id)}`),
    updateTicket: (id: string, patch: TicketPatch) => json(Ticket, 'ticket', 'PATCH', `/tickets/${enc(id)}`, patch),
    replyToTicket: (id: string, body: string, attachmentIds: readonly string[] = []) =>
      json(Message, 'message', 'POST', `/tickets/${enc(id)}/replies`, { body, attachmentIds }),
    /** Gives the ticket to an agent of the workspace, or to nobody (null). */
    assignTicket: (id: string, agentId: string | null) =>
      json(AssignedTicket, 'ticket', 'PUT', `/tickets/${enc(id)}/assignee`, { agentId }),
    articles: () => json(ArticleSummaries, 'article list', 'GET', '/kb/articles'),
    article: (id: string) => json(ArticleSource, 'article', 'GET', `/kb/articles/${enc(id)}`),
    createArticle: (article: ArticleEdit) => json(ArticleSource, 'article', 'POST', '/kb/articles', article),
    updateArticle: (id: string, article: ArticleEdit) =>
      json(ArticleSource, 'article', 'PUT', `/kb/articles/${enc(id)}`, article),
    async deleteArticle(id: string): Promise<void> {
      await send('DELETE', `/kb/articles/${enc(id)}`);
    },
    async preview(markdown: string): Promise<string> {
      return (await json(Preview, 'preview', 'POST', '/kb/preview', { markdown })).html;
    },
    /** Hands the thread to engineering; the server delivers the webhooks in the background. */
    escalate: (kind: 'conversation' | 'ticket', id: string, note: string) =>
      json(
        Escalated,
        'escalation',
        'POST',
        `/${kind === 'ticket' ? 'tickets' : 'conversations'}/${enc(id)}/escalate`,
        note.trim() ? { note: note.trim() } : {},
      ),
    webhookLog: () => json(WebhookLog, 'webhook deliveries', 'GET', '/webhooks/deliveries'),
    analytics: (days = 30) => json(Analytics, 'analytics', 'GET', `/analytics?days=${days}`),
    /** Going offline happens as the page unloads: keepalive lets that request outlive it. */
    async setPresence(online: boolean): Promise<void> {
      await send('POST', '/presence', { online }, !online);
    },
    /** Opens the workspace event stream (the caller reads the body as SSE). */
    openEvents(lastEventId: string | undefined, signal: AbortSignal): Promise<Response> {
      return fetchFn(`${base}/events`, {
        method: 'GET',
        credentials: 'same-origin',
        headers: { Accept: 'text/event-stream', ...(lastEventId ? { 'Last-Event-ID': lastEventId } : {}) },
        signal,
      });
    },
  };
}

export type InboxApi = ReturnType<typeof createInboxApi>;

const enc = encodeURIComponent;
