import * as z from 'zod/mini';

export const ChatwootAdapterOptions = z.object({
  /** Origin of the Chatwoot installation, e.g. `https://app.chatwoot.com`. */
  baseUrl: z.url(),
  /** The API-channel inbox's identifier (Settings → Inboxes → Configuration). */
  inboxIdentifier: z.string().check(z.minLength(1), z.maxLength(200), z.regex(/^[A-Za-z0-9_-]+$/)),
  /** Upload limits checked before sending. @default 10 MB; images, PDF and plain text */
  attachments: z._default(z.object({ maxBytes: z.number().check(z.int(), z.positive()), types: z.array(z.string()) }), {
    maxBytes: 10 * 1024 * 1024,
    types: ['image/*', 'application/pdf', 'text/plain'],
  }),
  /** Per-request timeout in milliseconds. @default 10000 */
  timeoutMs: z._default(z.number().check(z.int(), z.positive()), 10_000),
  /** Realtime reconnect backoff bounds in milliseconds. @default { baseMs: 1000, maxMs: 30000 } */
  reconnect: z._default(z.object({ baseMs: z.number().check(z.positive()), maxMs: z.number().check(z.positive()) }), {
    baseMs: 1000,
    maxMs: 30_000,
  }),
  /** A socket with no ping for this long is treated as dead (ActionCable pings every 3 s). @default 10000 */
  staleAfterMs: z._default(z.number().check(z.int(), z.positive()), 10_000),
});
export type ChatwootAdapterOptions = z.infer<typeof ChatwootAdapterOptions>;
export type ChatwootAdapterOptionsInput = z.input<typeof ChatwootAdapterOptions>;

/** The part of the WebSocket API the adapter uses: the browser's WebSocket and `ws` both fit. */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
}
export type WebSocketConstructor = new (url: string) => WebSocketLike;

export interface ChatwootAdapterDeps {
  fetch?: typeof fetch;
  /** Browsers default to the global WebSocket; Node callers pass `ws`. */
  WebSocket?: WebSocketConstructor;
  random?: () => number;
}
