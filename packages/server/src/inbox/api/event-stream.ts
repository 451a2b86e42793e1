import { createSseParser } from '@helpline/adapter-http';
import { BACKOFF_MAX_MS, backoffDelay, parseWith, StreamEnd, type StreamEndReason } from '@helpline/core';
import { AgentEvent } from './schemas.js';

export type StreamStatus = 'connecting' | 'connected' | 'reconnecting';

export interface EventStreamOptions {
  open: (lastEventId: string | undefined, signal: AbortSignal) => Promise<Response>;
  onEvent: (event: AgentEvent) => void;
  onStatus: (status: StreamStatus) => void;
  /** The session ended (401): stop and let the app show the login form. */
  onUnauthorized: () => void;
  random?: () => number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

const endReason = (data: string): StreamEndReason | undefined => {
  try {
    return parseWith(StreamEnd, JSON.parse(data), 'Stream end').reason;
  } catch {
    return undefined;
  }
};

/**
 * Reads the agent event stream with fetch (EventSource cannot be aborted cleanly nor tested with
 * an injected fetch), resuming with Last-Event-ID and reconnecting with jittered backoff. A stream
 * the server ends because the sign-in is over (logout in another tab, expiry) is a 401 too.
 * Returns a stop function.
 */
export function connectEventStream(options: EventStreamOptions): () => void {
  const random = options.random ?? Math.random;
  const setTimer = options.setTimer ?? ((run, ms) => setTimeout(run, ms));
  const clearTimer = options.clearTimer ?? ((timer) => clearTimeout(timer as ReturnType<typeof setTimeout>));
  const controller = new AbortController();
  let lastEventId: string | undefined;
  let attempt = 0;
  let retryFloor = 0;
  let timer: unknown;

  async function run(): Promise<void> {
    options.onStatus(attempt === 0 ? 'connecting' : 'reconnecting');
    let parser: ReturnType<typeof createSseParser> | undefined;
    let ended: StreamEndReason | undefined;
    try {
      const response = await options.open(lastEventId, controller.signal);
      if (response.status === 401) {
        options.onUnauthorized();
        return;
      }
      if (!response.ok || !response.body) throw new Error(`event stream: HTTP ${response.status}`);
      attempt = 0;
      options.onStatus('connected');
      parser = createSseParser(
        (message) => {
          if (message.event === 'end') {
            ended = endReason(message.data);
            return;
          }
          let event: AgentEvent;
          try {
            event = parseWith(AgentEvent, JSON.parse(message.data), 'Realtime event');
          } catch {
            return; // an event this inbox does not understand is skipped, not fatal
          }
          options.onEvent(event);
        },
        (ms) => {
          retryFloor = ms;
        },
      );
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        parser.push(value);
      }
    } catch {
      if (controller.signal.aborted) return;
    }
    // The parser's, not the last event's: the server starts each stream with an id of its own.
    lastEventId = parser?.lastEventId() ?? lastEventId;
    if (controller.signal.aborted) return;
    if (ended === 'logged_out' || ended === 'expired') {
      options.onUnauthorized();
      return;
    }
    attempt += 1;
    options.onStatus('reconnecting');
    // `replaced`: more inbox tabs than the sign-in may stream to; coming straight back would end
    // another tab's stream, so they take turns at the slowest pace instead.
    const delay = ended === 'replaced' ? random() * BACKOFF_MAX_MS : backoffDelay(attempt, random);
    timer = setTimer(() => void run(), Math.max(retryFloor, delay));
  }

  void run();
  return () => {
    controller.abort();
    if (timer !== undefined) clearTimer(timer);
  };
}
