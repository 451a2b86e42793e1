import {
  Answer,
  Article,
  ArticleHits,
  Attachment,
  Availability,
  Capabilities,
  type ConnectionStatus,
  Conversations,
  type Identity,
  Message,
  MessagePage,
  parseResponse,
  parseWith,
  type RealtimeEvent,
  Session,
  StartedConversation,
  type SupportAdapter,
  Ticket,
  TicketForm,
  Tickets,
  TicketThread,
} from '@helpline/core';
import { createHttpClient } from './http-client.js';
import { type HttpAdapterDeps, HttpAdapterOptions, type HttpAdapterOptionsInput } from './options.js';

const enc = encodeURIComponent;

/**
 * Adapter for the Helpline reference server (docs/protocol.md): JSON over HTTP under /v1 with ky
 * (timeouts, retries of GETs), realtime over SSE with Last-Event-ID resume.
 */
export function createHttpAdapter(input: HttpAdapterOptionsInput, deps: HttpAdapterDeps = {}): SupportAdapter {
  const options = parseWith(HttpAdapterOptions, input, 'Helpline http adapter options', 'invalid_option');
  const fetchImpl = deps.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));
  const random = deps.random ?? Math.random;
  const client = createHttpClient(options, { fetch: fetchImpl });
  let identity: Identity | undefined;

  const connect = async (next: Identity) => {
    identity = next;
    client.setToken(undefined);
    const session = parseResponse(Session, await client.request('POST', '/session', 'Connecting', next), 'session');
    client.setToken(session.token);
    return session;
  };
  client.onUnauthorized(async () => {
    if (identity) await connect(identity);
  });

  const get = async (path: string, what: string, params?: Record<string, string>) =>
    client.request('GET', path, what, undefined, params);
  const post = async (path: string, what: string, body: unknown) => client.request('POST', path, what, body);

  return {
    name: 'http',
    capabilities: Capabilities.parse({
      kb: true,
      answers: true,
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
    }),
    connect,
    async disconnect() {
      identity = undefined;
      client.setToken(undefined);
    },

    async searchArticles(query, opts = {}) {
      const params: Record<string, string> = { q: query };
      if (opts.limit) params.limit = String(opts.limit);
      if (opts.locale) params.locale = opts.locale;
      return parseResponse(ArticleHits, await get('/kb/search', 'Search', params), 'search results');
    },
    async suggestArticles(context) {
      const params: Record<string, string> = { path: context.path };
      if (context.articleIds?.length) params.ids = context.articleIds.join(',');
      return parseResponse(ArticleHits, await get('/kb/suggest', 'Suggestions', params), 'suggestions');
    },
    async getArticle(id) {
      return parseResponse(Article, await get(`/kb/articles/${enc(id)}`, 'Loading the article'), 'article');
    },
    async rateArticle(id, helpful) {
      await post(`/kb/articles/${enc(id)}/vote`, 'Voting', { helpful });
    },
    async answer(question, context) {
      return parseResponse(
        Answer,
        await post('/answers', 'Finding answers', { question, path: context.path }),
        'answer',
      );
    },

    async listConversations() {
      return parseResponse(Conversations, await get('/conversations', 'Loading conversations'), 'conversations');
    },
    async startConversation(message) {
      return parseResponse(
        StartedConversation,
        await post('/conversations', 'Starting the conversation', message),
        'conversation',
      );
    },
    async sendMessage(conversationId, message) {
      return parseResponse(
        Message,
        await post(`/conversations/${enc(conversationId)}/messages`, 'Sending', message),
        'message',
      );
    },
    async listMessages(conversationId, page = {}) {
      const params: Record<string, string> = {};
      if (page.before) params.before = page.before;
      if (page.limit) params.limit = String(page.limit);
      return parseResponse(
        MessagePage,
        await get(`/conversations/${enc(conversationId)}/messages`, 'Loading messages', params),
        'messages',
      );
    },
    async sendTyping(conversationId, typing) {
      await post(`/conversations/${enc(conversationId)}/typing`, 'Typing', { typing });
    },
    async markRead(conversationId) {
      await post(`/conversations/${enc(conversationId)}/read`, 'Marking read', {});
    },
    async rateConversation(conversationId, csat) {
      await post(`/conversations/${enc(conversationId)}/csat`, 'Rating', csat);
    },

    subscribe(handler: (event: RealtimeEvent) => void, onStatus?: (status: ConnectionStatus) => void) {
      const status = onStatus ?? (() => {});
      let stopped = false;
      let stop: (() => void) | undefined;
      // The SSE reader loads with the first subscription, after the panel's first paint.
      import('./realtime.js')
        .then(({ openRealtime }) => {
          if (stopped) return;
          stop = openRealtime(client, options, {
            fetch: fetchImpl,
            random,
            onEvent: handler,
            onStatus: status,
            onInvalid: (error) => console.error('Helpline: ignored a malformed realtime event', error),
          });
        })
        .catch((error: unknown) => {
          console.error('Helpline: realtime updates are unavailable', error);
          if (!stopped) status('offline');
        });
      return () => {
        stopped = true;
        stop?.();
      };
    },

    async uploadAttachment(file, uploadOptions = {}) {
      const xhr = deps.XMLHttpRequest ?? (typeof XMLHttpRequest === 'function' ? XMLHttpRequest : undefined);
      const { uploadBytes } = await import('./upload.js');
      return parseResponse(
        Attachment,
        await uploadBytes(client, file, uploadOptions, { fetch: fetchImpl, XMLHttpRequest: xhr }),
        'attachment',
      );
    },

    async getTicketForm() {
      return parseResponse(TicketForm, await get('/tickets/form', 'Loading the ticket form'), 'ticket form');
    },
    async createTicket(ticket) {
      return parseResponse(Ticket, await post('/tickets', 'Submitting the ticket', ticket), 'ticket');
    },
    async listTickets() {
      return parseResponse(Tickets, await get('/tickets', 'Loading tickets'), 'tickets');
    },
    async getTicket(id) {
      return parseResponse(TicketThread, await get(`/tickets/${enc(id)}`, 'Loading the ticket'), 'ticket');
    },
    async replyToTicket(id, message) {
      return parseResponse(Message, await post(`/tickets/${enc(id)}/replies`, 'Replying', message), 'message');
    },

    async getAvailability() {
      return parseResponse(Availability, await get('/availability', 'Loading availability'), 'availability');
    },
    async track(event) {
      await post('/analytics', 'Analytics', event);
    },
  };
}
