import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { EventFilter, RealtimeHub, StoredEvent } from './hub.js';

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
  /** Registers a closer so server shutdown ends open streams. */
  track: (close: () => void) => () => void;
  /** Called on every heartbeat (agent presence). */
  onHeartbeat?: () => void;
}

/**
 * One SSE stream: subscribe first (buffering), replay what the client missed after its last id,
 * then flush the buffer skipping what replay already sent — no gap, no duplicate. A backlog larger
 * than one replay page is answered with a `resync` event instead.
 */
export function eventStream(c: Context, options: SseOptions, lastEventId: number | undefined): Response {
  return streamSSE(c, async (stream) => {
    let lastSent = lastEventId ?? 0;
    let replaying = true;
    const pending: StoredEvent[] = [];
    const send = async (event: StoredEvent): Promise<void> => {
      if (event.id === null) return stream.writeSSE({ data: dataOf(event) });
      if (event.id <= lastSent) return;
      lastSent = event.id;
      await stream.writeSSE({ id: String(event.id), data: dataOf(event) });
    };
    const unsubscribe = options.hub.subscribe(options.filter, (event) => {
      if (replaying) pending.push(event);
      else void send(event).catch(() => undefined);
    });
    let finish: () => void = () => undefined;
    const finished = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const untrack = options.track(() => {
      finish();
    });
    stream.onAbort(() => finish());
    await stream.write(': connected\n\nretry: 3000\n\n');
    if (lastEventId !== undefined) {
      const missed = await options.hub.replay(options.filter, lastEventId, REPLAY_LIMIT + 1);
      if (missed.length > REPLAY_LIMIT) {
        const newest = missed.at(-1);
        await stream.writeSSE({ id: String(newest?.id ?? lastSent), data: JSON.stringify({ type: 'resync' }) });
        lastSent = newest?.id ?? lastSent;
      } else {
        for (const event of missed) await send(event);
      }
    }
    replaying = false;
    for (const event of pending.splice(0)) await send(event);
    const heartbeat = setInterval(() => {
      options.onHeartbeat?.();
      void stream.write(': heartbeat\n\n').catch(() => finish());
    }, options.heartbeatMs);
    await finished;
    clearInterval(heartbeat);
    unsubscribe();
    untrack();
    await stream.close().catch(() => undefined);
  });
}
