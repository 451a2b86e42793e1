import { createSseParser } from '@helpline/adapter-http';
import { backoffDelay, parseWith, RealtimeEvent } from '@helpline/core';

export type StreamStatus = 'connecting' | 'connected' | 'reconnecting';

export interface EventStreamOptions {
  open: (lastEventId: string | undefined, signal: AbortSignal) => Promise<Response>;
  onEvent: (event: RealtimeEvent) => void;
  onStatus: (status: StreamStatus) => void;
  /** The session ended (401): stop and let the app show the login form. */
  onUnauthorized: () => void;
  random?: () => number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/**
 * Reads the agent event stream with fetch (EventSource cannot be aborted cleanly nor tested with
 * an injected fetch), resuming with Last-Event-ID and reconnecting with jittered backoff.
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
    try {
      const response = await options.open(lastEventId, controller.signal);
      if (response.status === 401) {
        options.onUnauthorized();
        return;
      }
      if (!response.ok || !response.body) throw new Error(`event stream: HTTP ${response.status}`);
      attempt = 0;
      options.onStatus('connected');
      const parser = createSseParser(
        (message) => {
          if (message.id !== undefined) lastEventId = message.id;
          let event: RealtimeEvent;
          try {
            event = parseWith(RealtimeEvent, JSON.parse(message.data), 'Realtime event');
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
    if (controller.signal.aborted) return;
    attempt += 1;
    options.onStatus('reconnecting');
    timer = setTimer(() => void run(), Math.max(retryFloor, backoffDelay(attempt, random)));
  }

  void run();
  return () => {
    controller.abort();
    if (timer !== undefined) clearTimer(timer);
  };
}
