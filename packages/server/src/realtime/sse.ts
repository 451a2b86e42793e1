import type { StreamEnd, StreamEndReason } from '@helpline/core';
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { EventFilter, RealtimeHub, StoredEvent } from './hub.js';
import type { StreamRegistry } from './stream-registry.js';

const REPLAY_LIMIT = 500;

// One event fans out to every matching stream on this instance: serialise it once, not per stream.
const serialised = new WeakMap<StoredEvent, string>();
function dataOf(event: StoredEvent): string {
  let data = serialised.get(event);
  if (data === undefined) {
    data = JSON.stringify(event.payload);
    serialised.set(event, data);
  }
  return data;
}

/** The id to resume after: Last-Event-ID header (EventSource reconnects) or ?lastEventId=. */
export function lastEventIdOf(c: Context): number | undefined {
  const raw = c.req.header('Last-Event-ID') ?? c.req.query('lastEventId');
  if (raw === undefined || !/^\d{1,15}$/.test(raw.trim())) return undefined;
  return Number(raw.trim());
}

export interface SseOptions {
  hub: RealtimeHub;
  filter: EventFilter;
  heartbeatMs: number;
  streams: StreamRegistry;
  /** What the stream was opened with: its keys (stream-end.ts; the first is capped at `cap`) and expiry. */
  credential: { keys: readonly [string, ...string[]]; cap: number; expiresAt: Date };
  maxAgeMs: number;
  /**
   * The route's credential check, once more after the stream is registered: a logout landing
   * between the first check and the registration would end no stream otherwise.
   */
  recheck: () => Promise<StreamEndReason | undefined>;
  /** Called on every heartbeat (agent presence); a reason it returns ends the stream. */
  onHeartbeat?: () => Promise<StreamEndReason | undefined>;
}

/**
 * One SSE stream: subscribe first (buffering), replay what the client missed after its last id,
 * then flush the buffer skipping what replay already sent — no gap, no duplicate. A backlog larger
 * than one replay page is answered with a `resync` event instead. The stream ends, with an `end`
 * event saying why, when its credential ends or expires, when a newer stream replaces it, and
 * at its maximum age.
 */
export function eventStream(c: Context, options: SseOptions, lastEventId: number | undefined): Response {
  return streamSSE(c, async (stream) => {
    let lastSent = lastEventId ?? 0;
    let replaying = true;
    let ended = false;
    const pending: StoredEvent[] = [];
    const expiresAt = options.credential.expiresAt.getTime();
    let finish: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const end = (reason: StreamEndReason): void => {
      if (ended) return;
      ended = true;
      const notice: StreamEnd = { reason };
      // write() queues synchronously (writeSSE would only after a tick, behind the close below), and
      // is not awaited: close() flushes it, and a client that stopped reading keeps nothing subscribed.
      void stream.write(`event: end\ndata: ${JSON.stringify(notice)}\n\n`);
      finish();
    };
    const send = async (event: StoredEvent): Promise<void> => {
      if (ended) return;
      // The expiry timer may run late on a busy loop; nothing is delivered past the expiry anyway.
      if (Date.now() >= expiresAt) return end('expired');
      if (event.id === null) return stream.writeSSE({ data: dataOf(event) });
      if (event.id <= lastSent) return;
      lastSent = event.id;
      await stream.writeSSE({ id: String(event.id), data: dataOf(event) });
    };
    const unsubscribe = options.hub.subscribe(options.filter, (event) => {
      if (replaying) pending.push(event);
      else void send(event).catch(() => undefined);
    });
    const unregister = options.streams.open(options.credential.keys, options.credential.cap, end);
    stream.onAbort(() => finish());
    // Streams opened together (after a deploy) end spread over the last tenth of the maximum age,
    // not all reconnecting at once.
    const age = options.maxAgeMs * (0.9 + 0.1 * Math.random());
    const untilExpiry = expiresAt - Date.now();
    const lifetime = setTimeout(() => end(untilExpiry <= age ? 'expired' : 'max_age'), Math.min(untilExpiry, age));
    const heartbeat = setInterval(() => {
      if (ended) return;
      void stream.write(': heartbeat\n\n');
      options.onHeartbeat?.().then(
        (reason) => reason && end(reason),
        () => undefined,
      );
    }, options.heartbeatMs);
    options.recheck().then(
      (reason) => reason && end(reason),
      // The route's own check passed a moment ago; a database hiccup does not end the stream.
      () => undefined,
    );
    try {
      // A stream opened without a last id starts from its workspace's newest event: sent as an id
      // without data, which sets the client's last event id (EventSource does so too) and
      // dispatches nothing. Events fanned out meanwhile are buffered and still sent.
      const start =
        lastEventId === undefined ? `id: ${await options.hub.newestId(options.filter.workspaceId)}\n\n` : '';
      await stream.write(`: connected\n\nretry: 3000\n\n${start}`);
      if (lastEventId !== undefined) {
        const missed = await options.hub.replay(options.filter, lastEventId, REPLAY_LIMIT + 1);
        if (missed.length > REPLAY_LIMIT) {
          const newest = missed.at(-1);
          if (!ended)
            await stream.writeSSE({ id: String(newest?.id ?? lastSent), data: JSON.stringify({ type: 'resync' }) });
          lastSent = newest?.id ?? lastSent;
        } else {
          for (const event of missed) await send(event);
        }
      }
      replaying = false;
      for (const event of pending.splice(0)) await send(event);
      await finished;
    } finally {
      // Also when a query above fails: the stream then closes, and nothing of it may stay subscribed.
      clearTimeout(lifetime);
      clearInterval(heartbeat);
      unsubscribe();
      unregister();
    }
    await stream.close().catch(() => undefined);
  });
}
