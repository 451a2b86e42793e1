import {
  Answer,
  Article,
  ArticleHits,
  Attachment,
  Availability,
  Capabilities,
  type ConnectionStatus,
  type Identity,
  parseResponse,
  parseWith,
  type RealtimeEvent,
  Session,
  type SupportAdapter,
} from '@helpline/core';
import { createHttpClient } from './http-client.js';
import type { MessagingCalls } from './messaging-calls.js';
import { type HttpAdapterDeps, HttpAdapterOptions, type HttpAdapterOptionsInput } from './options.js';

const enc = encodeURIComponent;

/**
 * Adapter for the Helpline reference server (docs/protocol.md): JSON over HTTP under /v1 (timeouts,
 * retries of GETs), realtime over SSE with Last-Event-ID resume.
 */
export function createHttpAdapter(input: HttpAdapterOptionsInput, deps: HttpAdapterDeps = {}): SupportAdapter {
  const options = parseWith(HttpAdapterOptions, input, 'Helpline http adapter options', 'invalid_option');
  const fetchImpl = deps.fetch ?? ((...args: Parameters<typeof fetch>) => globalThis.fetch(...args));
  const random = deps.random ?? Math.random;
  const client = createHttpClient(options, { fetch: fetchImpl });
  let identity: Identity | undefined;
  /** DELETE /v1/session with that token: revokes it. */
  const endSession = (token: string) =>
    client.request('DELETE', '/session', 'Logging out', undefined, undefined, token);
  /** Bumped by every connect and disconnect: only the newest session's token is used. */
  let generation = 0;
  /** The calls still on the wire with the last ended session's token, given one request timeout. */
  let ending: Promise<unknown> | undefined;
  const connect = (next: Identity) => {
    const mine = ++generation;
    identity = next;
    client.setToken(undefined);
    return client.making(
      (async () => {
        // A verified session adopts the anonymous visitor it continues, whose tokens the server then
        // refuses: the calls that visitor's session still has on the wire go first.
        await ending;
        const session = parseResponse(Session, await client.request('POST', '/session', 'Connecting', next), 'session');
        if (mine === generation) client.setToken(session.token);
        // Superseded while on the wire (identify or logout meanwhile): a session for an identity that no
        // longer applies must neither carry the calls that follow nor stay valid.
        else if (session.token) void endSession(session.token).catch(() => undefined);
        return session;
      })(),
    );
  };
  client.onUnauthorized(async () => {
    if (identity) await connect(identity);
  });

  const get = async (path: string, what: string, params?: Record<string, string>) =>
    client.request('GET', path, what, undefined, params);
  const post = async (path: string, what: string, body: unknown) => client.request('POST', path, what, body);
  let calls: Promise<MessagingCalls> | undefined;
  const later =
    <K extends keyof MessagingCalls>(name: K) =>
    async (...args: Parameters<MessagingCalls[K]>): Promise<Awaited<ReturnType<MessagingCalls[K]>>> => {
      calls ??= import('./messaging-calls.js').then(({ messagingCalls }) => messagingCalls(client));
      const call = (await calls)[name] as unknown as (
        ...a: typeof args
      ) => Promise<Awaited<ReturnType<MessagingCalls[K]>>>;
      return call(...args);
    };

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
      livePage: true,
      endChat: true,
      ticketRead: true,
      contact: true,
      solveTicket: true,
    }),
    connect,
    async disconnect(opts = {}) {
      generation++;
      identity = undefined;
      // A call made from here until the next connect goes without a session rather than wait for
      // the previous identity's, and fails with its own error, not that session's (a failed sign-in).
      client.making(undefined);
      const ended = client.token();
      client.setToken(undefined);
      if (!ended) return;
      ending = Promise.race([client.settled(ended), new Promise((resolve) => setTimeout(resolve, options.timeoutMs))]);
      if (opts.keepSession) return;
      // DELETE /v1/session revokes the token captured above (a session started meanwhile keeps its
      // own), once the calls already on the wire with it are back: revoked under them, they would
      // fail with a 401 that no new session can mend (an identify is between sessions). Not awaited:
      // the next connect need not wait for it. Best effort: offline, the token simply expires.
      void ending.then(() => endSession(ended)).catch(() => undefined);
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

    listConversations: later('listConversations'),
    startConversation: later('startConversation'),
    sendMessage: later('sendMessage'),
    listMessages: later('listMessages'),
    sendTyping: later('sendTyping'),
    markRead: later('markRead'),
    rateConversation: later('rateConversation'),
    sendPage: later('sendPage'),
    endConversation: later('endConversation'),
    setContact: later('setContact'),

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

    getTicketForm: later('getTicketForm'),
    createTicket: later('createTicket'),
    listTickets: later('listTickets'),
    getTicket: later('getTicket'),
    replyToTicket: later('replyToTicket'),
    markTicketRead: later('markTicketRead'),
    solveTicket: later('solveTicket'),

    async getAvailability() {
      return parseResponse(Availability, await get('/availability', 'Loading availability'), 'availability');
    },
    async track(event) {
      await post('/analytics', 'Analytics', event);
    },
  };
}
