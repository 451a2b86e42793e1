import { describe, expect, it } from 'vitest';
import { connectEventStream, type StreamStatus } from './event-stream.js';
import type { AgentEvent } from './schemas.js';

function streamOf(text: string): Response {
  return new Response(text, { status: 200, headers: { 'Content-Type': 'text/event-stream' } });
}

/** Timers the test fires by hand: no waiting on the clock. */
function manualTimers() {
  const pending: Array<{ run: () => void; ms: number }> = [];
  return {
    pending,
    setTimer: (run: () => void, ms: number) => {
      pending.push({ run, ms });
      return pending.length;
    },
    clearTimer: () => undefined,
    fire(): void {
      pending.shift()?.run();
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) await settle();
  expect(check()).toBe(true);
}

describe('event stream', () => {
  it("delivers parsed events, the agents' own among them, skips malformed ones and resumes from the last id after a drop", async () => {
    const opened: Array<string | undefined> = [];
    const events: AgentEvent[] = [];
    const statuses: StreamStatus[] = [];
    const timers = manualTimers();
    const assigned = {
      type: 'assignee',
      kind: 'ticket',
      id: 't1',
      assignee: { type: 'agent', id: 'ag_2', name: 'Sam' },
      by: { type: 'agent', id: 'ag_3', name: 'Noor' },
    };
    const bodies = [
      'retry: 500\n\nid: 41\ndata: {"type":"resync"}\n\ndata: {"type":"nonsense"}\n\nid: 42\ndata: not json\n\n',
      'id: 43\ndata: {"type":"status","conversationId":"c1","status":"pending"}\n\n',
      `id: 44\ndata: ${JSON.stringify(assigned)}\n\n`,
    ];
    const stop = connectEventStream({
      open: async (lastEventId) => {
        opened.push(lastEventId);
        return streamOf(bodies.shift() ?? '');
      },
      onEvent: (event) => events.push(event),
      onStatus: (status) => statuses.push(status),
      onUnauthorized: () => undefined,
      random: () => 0,
      setTimer: timers.setTimer,
      clearTimer: timers.clearTimer,
    });
    await until(() => timers.pending.length === 1);
    // The server's retry: is the floor under the (here zero) jittered backoff.
    expect(timers.pending[0]?.ms).toBe(500);
    expect(events).toEqual([{ type: 'resync' }]);
    timers.fire();
    await until(() => events.length === 2);
    expect(opened).toEqual([undefined, '42']);
    expect(events[1]).toEqual({ type: 'status', conversationId: 'c1', status: 'pending' });
    timers.fire();
    await until(() => events.length === 3);
    expect(events[2]).toEqual(assigned);
    expect(statuses.slice(0, 3)).toEqual(['connecting', 'connected', 'reconnecting']);
    stop();
  });

  it('backs off after failures and stops on 401', async () => {
    const timers = manualTimers();
    let calls = 0;
    let unauthorized = false;
    connectEventStream({
      open: async () => {
        calls += 1;
        if (calls === 1) throw new TypeError('network down');
        if (calls === 2) return new Response('', { status: 503 });
        return new Response('', { status: 401 });
      },
      onEvent: () => undefined,
      onStatus: () => undefined,
      onUnauthorized: () => {
        unauthorized = true;
      },
      random: () => 0.999,
      setTimer: timers.setTimer,
      clearTimer: timers.clearTimer,
    });
    await until(() => timers.pending.length === 1);
    expect(timers.pending[0]?.ms).toBe(999);
    timers.fire();
    await until(() => timers.pending.length === 1 && calls === 2);
    expect(timers.pending[0]?.ms).toBe(1998);
    timers.fire();
    await until(() => unauthorized);
    expect(timers.pending).toHaveLength(0);
  });

  it('resumes from the id the server opened the stream with, though no event came before the drop', async () => {
    const opened: Array<string | undefined> = [];
    const timers = manualTimers();
    const stop = connectEventStream({
      open: async (lastEventId) => {
        opened.push(lastEventId);
        return streamOf(opened.length === 1 ? ': connected\n\nretry: 3000\n\nid: 77\n\n' : '');
      },
      onEvent: () => undefined,
      onStatus: () => undefined,
      onUnauthorized: () => undefined,
      random: () => 0,
      setTimer: timers.setTimer,
      clearTimer: timers.clearTimer,
    });
    await until(() => timers.pending.length === 1);
    timers.fire();
    await until(() => opened.length === 2);
    expect(opened).toEqual([undefined, '77']);
    stop();
  });

  it('shows the login form when the server ends the stream because the sign-in is over, without knocking again', async () => {
    for (const reason of ['logged_out', 'expired']) {
      const timers = manualTimers();
      let calls = 0;
      let unauthorized = false;
      connectEventStream({
        open: async () => {
          calls += 1;
          return streamOf(`: connected\n\nevent: end\ndata: {"reason":"${reason}"}\n\n`);
        },
        onEvent: () => undefined,
        onStatus: () => undefined,
        onUnauthorized: () => {
          unauthorized = true;
        },
        setTimer: timers.setTimer,
        clearTimer: timers.clearTimer,
      });
      await until(() => unauthorized);
      expect(timers.pending).toHaveLength(0);
      expect(calls).toBe(1);
    }
  });

  it('waits up to the longest backoff before coming back when a newer tab replaced its stream, and right away after max age', async () => {
    const delays: number[] = [];
    for (const reason of ['replaced', 'max_age']) {
      const timers = manualTimers();
      const events: AgentEvent[] = [];
      const stop = connectEventStream({
        open: async () => streamOf(`event: end\ndata: {"reason":"${reason}"}\n\n`),
        onEvent: (event) => events.push(event),
        onStatus: () => undefined,
        onUnauthorized: () => undefined,
        random: () => 0.5,
        setTimer: timers.setTimer,
        clearTimer: timers.clearTimer,
      });
      await until(() => timers.pending.length === 1);
      delays.push(timers.pending[0]?.ms ?? -1);
      // The end notice is no realtime event of the inbox.
      expect(events).toEqual([]);
      stop();
    }
    expect(delays).toEqual([15_000, 500]);
  });

  it('sends nothing more once stopped', async () => {
    const timers = manualTimers();
    let calls = 0;
    const stop = connectEventStream({
      open: async (_id, signal) => {
        calls += 1;
        return new Promise<Response>((_resolve, reject) =>
          signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
        );
      },
      onEvent: () => undefined,
      onStatus: () => undefined,
      onUnauthorized: () => undefined,
      setTimer: timers.setTimer,
      clearTimer: timers.clearTimer,
    });
    await until(() => calls === 1);
    stop();
    await settle();
    expect(timers.pending).toHaveLength(0);
    expect(calls).toBe(1);
  });
});
