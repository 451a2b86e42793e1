import {
  type ConnectionStatus,
  parseResponse,
  type RealtimeEvent,
  RealtimeEvent as RealtimeEventSchema,
  StreamEnd,
  type StreamEndReason,
} from '@helpline/core';
import type { HttpClient } from './http-client.js';
import type { HttpAdapterOptions } from './options.js';
import { createSseParser } from './sse.js';

interface RealtimeDeps {
  fetch: typeof fetch;
  random: () => number;
  onEvent: (event: RealtimeEvent) => void;
  onStatus: (status: ConnectionStatus) => void;
  onInvalid: (error: unknown) => void;
}

/** Ends after which the token is no use: reconnecting needs a new session first. */
const CREDENTIAL_ENDS: ReadonlySet<StreamEndReason> = new Set(['logged_out', 'expired', 'visitor_gone']);

/**
 * Keeps one SSE stream open over fetch (so the bearer token travels in a header, not the URL).
 * Reconnects with exponential backoff and full jitter, resuming from the last event id so the
 * server replays what was missed; `resync` from the server (gap too old to replay) is passed on.
 * A stream refused (401) or ended by the server with its credential gets a new session before it
 * reconnects, as any call does on a 401, rather than knocking again with a dead token.
 */
export function openRealtime(client: HttpClient, options: HttpAdapterOptions, deps: RealtimeDeps): () => void {
  let stopped = false;
  let attempt = 0;
  let lastEventId: string | undefined;
  let controller: AbortController | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const connect = async () => {
    if (stopped) return;
    deps.onStatus(attempt === 0 ? 'connecting' : 'reconnecting');
    controller = new AbortController();
    const used = client.token();
    let refused = false;
    let ended: StreamEndReason | undefined;
    let parser: ReturnType<typeof createSseParser> | undefined;
    try {
      const response = await deps.fetch(client.url('/events'), {
        headers: {
          ...client.headers(),
          Accept: 'text/event-stream',
          ...(lastEventId ? { 'Last-Event-ID': lastEventId } : {}),
        },
        signal: controller.signal,
        cache: 'no-store',
      });
      refused = response.status === 401;
      if (!response.ok || !response.body) throw new Error(`events stream answered ${response.status}`);
      attempt = 0;
      deps.onStatus('connected');
      parser = createSseParser((message) => {
        // A malformed one throws out of the read loop below: the stream is over either way.
        if (message.event === 'end') {
          ended = StreamEnd.parse(JSON.parse(message.data)).reason;
          return;
        }
        try {
          deps.onEvent(parseResponse(RealtimeEventSchema, JSON.parse(message.data), 'realtime event'));
        } catch (error) {
          deps.onInvalid(error);
        }
      });
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        parser.push(value);
      }
    } catch {
      // A dropped or refused stream is the normal case here: fall through to the reconnect below.
    }
    // The parser's, not the last event's: the server starts each stream with an id of its own.
    lastEventId = parser?.lastEventId() ?? lastEventId;
    if (stopped) return;
    if (refused || (ended && CREDENTIAL_ENDS.has(ended))) await client.reauthorize(used).catch(() => undefined);
    if (stopped) return;
    attempt += 1;
    // `replaced`: another reader of this token took the stream's place; coming straight back would
    // end theirs, and so on.
    const ceiling =
      ended === 'replaced'
        ? options.reconnect.maxMs
        : Math.min(options.reconnect.maxMs, options.reconnect.baseMs * 2 ** Math.min(attempt - 1, 10));
    deps.onStatus(typeof navigator !== 'undefined' && navigator.onLine === false ? 'offline' : 'reconnecting');
    timer = setTimeout(connect, Math.round(deps.random() * ceiling));
  };

  void connect();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    controller?.abort();
    deps.onStatus('idle');
  };
}
