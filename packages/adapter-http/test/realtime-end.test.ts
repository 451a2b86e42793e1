import { createHttpAdapter } from '@helpline/adapter-http';
import type { ConnectionStatus, RealtimeEvent } from '@helpline/core';
import { type RunningServer, startServer } from '@helpline/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// The real reference server ends the streams: tokens live 3 s on one, streams 1 s on the other.
const PASSWORD = 'realtime-end agent password';
let expiring: RunningServer;
let aging: RunningServer;
beforeAll(async () => {
  const config = { port: 0, dataDir: ':memory:', agentPassword: PASSWORD, heartbeatSeconds: 60 };
  [expiring, aging] = await Promise.all([
    startServer({ ...config, sessionTtlSeconds: 3 }),
    startServer({ ...config, streams: { maxAgeSeconds: 1 } }),
  ]);
});
afterAll(async () => {
  await expiring?.close();
  await aging?.close();
});

async function agentReply(server: RunningServer, conversationId: string, body: string): Promise<void> {
  const login = await fetch(`${server.url}/agent/api/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'agent@demo.helpline.dev', password: PASSWORD }),
  });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const reply = await fetch(`${server.url}/agent/api/conversations/${conversationId}/messages`, {
    method: 'POST',
    headers: {
      Cookie: login.headers.get('set-cookie')?.split(';')[0] ?? '',
      'X-CSRF-Token': csrfToken,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ body }),
  });
  expect(reply.status).toBe(201);
}

/** A subscribed adapter, with what it sent and received, and a way to wait for either. */
async function subscribed(server: RunningServer) {
  const calls: { path: string; method: string; status: number; lastEventId: string | null }[] = [];
  const events: RealtimeEvent[] = [];
  const statuses: ConnectionStatus[] = [];
  const invalid: unknown[] = [];
  let changed = () => {};
  const until = async (check: () => boolean): Promise<void> => {
    while (!check()) await new Promise<void>((resolve) => (changed = resolve));
  };
  const adapter = createHttpAdapter(
    // Reconnects half a second after a stream ends: time for a reply to fall into the gap.
    { baseUrl: server.url, workspaceKey: 'demo-public-key', reconnect: { baseMs: 500, maxMs: 5000 } },
    {
      random: () => 1,
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        calls.push({
          path: new URL(String(input)).pathname,
          method: init?.method ?? 'GET',
          status: response.status,
          lastEventId: new Headers(init?.headers).get('Last-Event-ID'),
        });
        changed();
        return response;
      },
    },
  );
  await adapter.connect({ visitorId: `realtime-end-${Math.random().toString(36).slice(2, 10)}` });
  const started = await adapter.startConversation?.({
    body: 'hello',
    attachmentIds: [],
    idempotencyKey: `k-${Date.now()}`,
  });
  const unsubscribe = adapter.subscribe?.(
    (event) => {
      events.push(event);
      changed();
    },
    (status) => {
      statuses.push(status);
      changed();
    },
  );
  const originalError = console.error;
  console.error = (...args: unknown[]) => {
    invalid.push(args);
    originalError(...args);
  };
  return {
    conversationId: started?.conversation.id ?? '',
    calls,
    events,
    statuses,
    invalid,
    until,
    stop: () => {
      unsubscribe?.();
      console.error = originalError;
    },
  };
}

const replyArrived = (events: RealtimeEvent[], body: string) =>
  events.filter((event) => event.type === 'message' && event.message.body === body).length;

describe('http adapter realtime, when the server ends the stream', () => {
  it('gets a new session when its token expires, instead of knocking with the dead one, and keeps receiving replies', async () => {
    const widget = await subscribed(expiring);
    await widget.until(() => widget.statuses.includes('connected'));
    const sessions = () => widget.calls.filter((call) => call.path === '/v1/session' && call.method === 'POST');
    // The server ends the stream when the token expires; the adapter signs in again and reconnects.
    await widget.until(() => sessions().length === 2 && widget.statuses.at(-1) === 'connected');
    await agentReply(expiring, widget.conversationId, 'after the token expired');
    await widget.until(() => replyArrived(widget.events, 'after the token expired') === 1);
    const refused = widget.calls.filter((call) => call.path === '/v1/events' && call.status === 401);
    expect(refused).toEqual([]);
    expect(widget.invalid).toEqual([]);
    widget.stop();
  }, 20_000);

  it('resumes from its last event id after the stream reached its maximum age, losing nothing', async () => {
    const widget = await subscribed(aging);
    await widget.until(() => widget.statuses.includes('connected'));
    await widget.until(() => widget.statuses.at(-1) === 'reconnecting');
    await agentReply(aging, widget.conversationId, 'while the stream was reconnecting');
    await widget.until(() => replyArrived(widget.events, 'while the stream was reconnecting') === 1);
    const streams = widget.calls.filter((call) => call.path === '/v1/events');
    expect(streams.length).toBeGreaterThanOrEqual(2);
    expect(streams[1]?.lastEventId).toMatch(/^\d+$/);
    // An aged-out stream is no credential problem: no new session, and nothing logged as malformed.
    expect(widget.calls.filter((call) => call.path === '/v1/session')).toHaveLength(1);
    expect(widget.invalid).toEqual([]);
    widget.stop();
  }, 20_000);
});

describe('http adapter realtime, when a newer reader of its token replaced its stream', () => {
  it('waits the longest backoff before reconnecting, instead of ending the other reader’s stream at once', async () => {
    vi.useFakeTimers();
    try {
      const opened: string[] = [];
      const adapter = createHttpAdapter(
        { baseUrl: 'https://support.test', workspaceKey: 'k', reconnect: { baseMs: 100, maxMs: 60_000 } },
        {
          random: () => 1,
          fetch: async (input) => {
            const path = new URL(String(input)).pathname;
            opened.push(path);
            if (path === '/v1/session')
              return Response.json({
                visitorId: 'v-12345678',
                verified: false,
                token: 't',
                expiresAt: '2030-01-01T00:00:00Z',
              });
            return new Response('event: end\ndata: {"reason":"replaced"}\n\n', {
              headers: { 'Content-Type': 'text/event-stream' },
            });
          },
        },
      );
      await adapter.connect({ visitorId: 'v-12345678' });
      const stop = adapter.subscribe?.(() => undefined);
      const streams = () => opened.filter((path) => path === '/v1/events').length;
      await vi.waitFor(() => expect(streams()).toBe(1));
      await vi.advanceTimersByTimeAsync(59_000);
      expect(streams()).toBe(1);
      await vi.advanceTimersByTimeAsync(1_000);
      expect(streams()).toBe(2);
      stop?.();
    } finally {
      vi.useRealTimers();
    }
  });
});
