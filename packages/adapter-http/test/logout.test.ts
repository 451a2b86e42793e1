import { createHttpAdapter } from '@helpline/adapter-http';
import { isAdapterError, type SupportAdapter } from '@helpline/core';
import { type RunningServer, startServer } from '@helpline/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The real reference server: revocation is a server fact, checked with the token the adapter used.
let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ port: 0, dataDir: ':memory:', demoSecret: 'logout-test-demo-secret-0123456789' });
});
afterAll(() => server?.close());

/** Records the bearer token of every request, to replay it afterwards. */
function recordingAdapter(): { adapter: SupportAdapter; tokens: string[]; methods: string[] } {
  const tokens: string[] = [];
  const methods: string[] = [];
  const adapter = createHttpAdapter(
    { baseUrl: server.url, workspaceKey: 'demo-public-key' },
    {
      fetch: (input, init) => {
        const auth = new Headers(init?.headers).get('Authorization');
        if (auth) tokens.push(auth);
        methods.push(`${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`);
        return fetch(input, init);
      },
    },
  );
  return { adapter, tokens, methods };
}

const replay = (token: string) =>
  fetch(`${server.url}/v1/conversations`, { headers: { 'X-Helpline-Key': 'demo-public-key', Authorization: token } });

const visitorId = () => `logout-visitor-${Math.random().toString(36).slice(2, 10)}`;

/**
 * An adapter whose first POST /v1/session answer reaches it only after `release()`. Records the
 * token of every session the server issued, and the bearer of every call other than /v1/session.
 */
function firstSessionHeld() {
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  const issued: string[] = [];
  const used: string[] = [];
  const adapter = createHttpAdapter(
    { baseUrl: server.url, workspaceKey: 'demo-public-key' },
    {
      fetch: async (input, init) => {
        const auth = new Headers(init?.headers).get('Authorization');
        const sessionCall = new URL(String(input)).pathname === '/v1/session';
        if (!sessionCall && auth) used.push(auth);
        if (!sessionCall || init?.method !== 'POST') return fetch(input, init);
        const first = issued.length === 0;
        const response = await fetch(input, init);
        issued.push(`Bearer ${((await response.clone().json()) as { token: string }).token}`);
        if (first) await held;
        return response;
      },
    },
  );
  return { adapter, issued, used, release: () => release() };
}

describe('http adapter disconnect', () => {
  it('ends the server session: the token it used is refused afterwards', async () => {
    const { adapter, tokens, methods } = recordingAdapter();
    await adapter.connect({ visitorId: visitorId() });
    await adapter.listConversations?.();
    const token = tokens.at(-1) ?? '';
    expect((await replay(token)).status).toBe(200);
    await adapter.disconnect?.();
    await expect.poll(() => methods.at(-1)).toBe('DELETE /v1/session');
    await expect.poll(() => replay(token).then((response) => response.status)).toBe(401);
  });

  it('revokes the token only once the calls already on the wire with it are back', async () => {
    // An identify disconnects while boot's calls are still travelling: had the DELETE reached the
    // server first, they would fail with a 401 that no session can mend, the adapter being between
    // identities. Here the call reaches the server only after disconnect() has been called.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const methods: string[] = [];
    const adapter = createHttpAdapter(
      { baseUrl: server.url, workspaceKey: 'demo-public-key' },
      {
        fetch: async (input, init) => {
          const call = `${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`;
          if (call === 'GET /v1/availability') await held;
          methods.push(call);
          return fetch(input, init);
        },
      },
    );
    await adapter.connect({ visitorId: visitorId() });
    const availability = adapter.getAvailability?.();
    await adapter.disconnect?.();
    // Give a DELETE sent at once the time to arrive first.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(methods).not.toContain('DELETE /v1/session');
    release();
    await expect(availability).resolves.toMatchObject({ status: expect.any(String) });
    await expect.poll(() => methods.at(-1)).toBe('DELETE /v1/session');
    expect(methods).toEqual(['POST /v1/session', 'GET /v1/availability', 'DELETE /v1/session']);
  });

  it('keeps the session with keepSession (shutdown), and sends nothing', async () => {
    const { adapter, tokens, methods } = recordingAdapter();
    await adapter.connect({ visitorId: visitorId() });
    await adapter.listConversations?.();
    const token = tokens.at(-1) ?? '';
    const sent = methods.length;
    await adapter.disconnect?.({ keepSession: true });
    expect(methods.length).toBe(sent);
    expect((await replay(token)).status).toBe(200);
  });

  it('sends nothing when it never connected, and a reconnect after logout gets a working session', async () => {
    const { adapter, methods } = recordingAdapter();
    await adapter.disconnect?.();
    expect(methods).toEqual([]);
    const identity = { visitorId: visitorId() };
    await adapter.connect(identity);
    await adapter.disconnect?.();
    await adapter.connect(identity);
    await expect(adapter.listConversations?.()).resolves.toEqual([]);
  });

  it('still forgets the token when the server cannot be reached, without rejecting', async () => {
    let online = true;
    const adapter = createHttpAdapter(
      { baseUrl: server.url, workspaceKey: 'demo-public-key' },
      {
        fetch: (input, init) => (online ? fetch(input, init) : Promise.reject(new TypeError('fetch failed'))),
      },
    );
    await adapter.connect({ visitorId: visitorId() });
    online = false;
    await expect(adapter.disconnect?.()).resolves.toBeUndefined();
    // The token is gone locally: a call without a session is refused, not sent with the old token.
    online = true;
    const refused = await adapter.listConversations?.().then(
      () => undefined,
      (rejection: unknown) => rejection,
    );
    expect(isAdapterError(refused) && refused.status).toBe(401);
  });

  it('uses only the newest of two overlapping connects, and revokes the one it superseded', async () => {
    // The first connect's answer is held back until the second has landed: the order an identify
    // racing boot's connect can produce on a real network.
    const { adapter, issued, used, release } = firstSessionHeld();
    const stale = adapter.connect({ visitorId: visitorId() });
    await expect.poll(() => issued.length).toBe(1);
    await adapter.connect({ visitorId: visitorId(), user: { id: 'user-newest' } });
    release();
    await stale;
    const [superseded, newest] = issued as [string, string];

    await adapter.listConversations?.();
    expect(used).toEqual([newest]);
    expect((await replay(newest)).status).toBe(200);
    await expect.poll(() => replay(superseded).then((response) => response.status)).toBe(401);
  });

  it('drops a session that lands after a logout, and revokes it', async () => {
    const { adapter, issued, release } = firstSessionHeld();
    const connecting = adapter.connect({ visitorId: visitorId() });
    await expect.poll(() => issued.length).toBe(1);
    await adapter.disconnect?.();
    release();
    await connecting;
    const refused = await adapter.listConversations?.().then(
      () => undefined,
      (rejection: unknown) => rejection,
    );
    expect(isAdapterError(refused) && refused.status).toBe(401);
    await expect.poll(() => replay(issued[0] ?? '').then((response) => response.status)).toBe(401);
  });
});
