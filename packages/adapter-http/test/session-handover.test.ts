import { createHttpAdapter } from '@helpline/adapter-http';
import type { SupportAdapter } from '@helpline/core';
import { type RunningServer, startServer, userHash } from '@helpline/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The real reference server: which token it refuses, and when, is a server fact (a verified session
// adopts the anonymous visitor it continues and ends that visitor's tokens).
const SECRET = 'handover-test-demo-secret-0123456789';
let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ port: 0, dataDir: ':memory:', demoSecret: SECRET });
});
afterAll(() => server?.close());

interface Exchange {
  call: string;
  token: string | null;
  status: number;
}

/**
 * An adapter on the real server that records every exchange; `hold(call)` runs before the request
 * named `call` ("GET /v1/availability") is sent and may delay it.
 */
function recordedAdapter(hold: (call: string) => Promise<void> = async () => {}) {
  const exchanges: Exchange[] = [];
  const sent: string[] = [];
  const adapter = createHttpAdapter(
    { baseUrl: server.url, workspaceKey: 'demo-public-key' },
    {
      fetch: async (input, init) => {
        const call = `${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`;
        await hold(call);
        sent.push(call);
        const response = await fetch(input, init);
        const token = new Headers(init?.headers).get('Authorization');
        exchanges.push({ call, token, status: response.status });
        return response;
      },
    },
  );
  return { adapter, exchanges, sent };
}

/** The session ends without the adapter knowing (erased, say). */
const endBehindTheAdaptersBack = (token: string | undefined) =>
  fetch(`${server.url}/v1/session`, {
    method: 'DELETE',
    headers: { 'X-Helpline-Key': 'demo-public-key', Authorization: `Bearer ${token}` },
  });
const textFile = (name: string, text: string) => {
  const bytes = new TextEncoder().encode(text);
  return { name, type: 'text/plain', size: bytes.length, data: new Blob([bytes]) };
};
const later = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const visitorId = () => `handover-visitor-${Math.random().toString(36).slice(2, 10)}`;
const signedIn = (id: string) => {
  const user = { id: `handover-user-${Math.random().toString(36).slice(2, 10)}` };
  return { visitorId: id, user, verification: { userHash: userHash(user.id, SECRET) } };
};

describe('http adapter between two sessions (identify after boot)', () => {
  it('signs the visitor in only once the anonymous session’s calls are back, so none of them is refused', async () => {
    // Boot's availability is still travelling when the host identifies its user. Sent first, the
    // verified session would adopt the anonymous visitor and the server refuse the call with a 401.
    let signInAnswered = () => {};
    const signedInNow = new Promise<void>((resolve) => {
      signInAnswered = resolve;
    });
    const { adapter, exchanges } = recordedAdapter(async (call) => {
      // Held until the sign-in is answered, or 300 ms if the sign-in waits for it.
      if (call === 'GET /v1/availability') await Promise.race([signedInNow, later(300)]);
    });
    const id = visitorId();
    await adapter.connect({ visitorId: id });
    const availability = adapter.getAvailability?.();
    await adapter.disconnect?.();
    const session = adapter.connect(signedIn(id)).finally(signInAnswered);
    await expect(session).resolves.toMatchObject({ verified: true });
    await expect(availability).resolves.toMatchObject({ status: expect.any(String) });
    expect(exchanges.filter((exchange) => exchange.status === 401)).toEqual([]);
    const answered = exchanges.map((exchange) => exchange.call).filter((call) => call !== 'DELETE /v1/session');
    expect(answered).toEqual(['POST /v1/session', 'GET /v1/availability', 'POST /v1/session']);
  });

  it.each([
    {
      what: 'a list call (boot’s, late from the lazily loaded messaging calls)',
      call: 'GET /v1/conversations',
      make: (adapter: SupportAdapter) => adapter.listConversations?.(),
      answer: [],
    },
    {
      what: 'an upload',
      call: 'POST /v1/attachments',
      make: (adapter: SupportAdapter) => adapter.uploadAttachment?.(textFile('export.log', 'the failed export')),
      answer: expect.objectContaining({ name: 'export.log' }),
    },
  ])(
    'sends $what made while the next session is being made with that session’s token',
    async ({ call, make, answer }) => {
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let sessions = 0;
      const { adapter, exchanges, sent } = recordedAdapter(async (name) => {
        if (name === 'POST /v1/session' && ++sessions === 2) await held;
      });
      const id = visitorId();
      await adapter.connect({ visitorId: id });
      await adapter.disconnect?.();
      const session = adapter.connect(signedIn(id));
      const made = make(adapter);
      await later(100);
      expect(sent.filter((name) => name === call)).toEqual([]);
      release();
      const { token } = await session;
      await expect(made).resolves.toEqual(answer);
      expect(exchanges.filter((exchange) => exchange.status === 401)).toEqual([]);
      expect(exchanges.find((exchange) => exchange.call === call)?.token).toBe(`Bearer ${token}`);
      expect(exchanges.filter((exchange) => exchange.call === 'POST /v1/session')).toHaveLength(2);
    },
  );

  it('sends an upload again with a new session when its session ended behind the adapter’s back', async () => {
    const { adapter, exchanges } = recordedAdapter();
    const { token } = await adapter.connect({ visitorId: visitorId() });
    await endBehindTheAdaptersBack(token);
    const upload = adapter.uploadAttachment?.(textFile('notes.txt', 'notes'));
    await expect(upload).resolves.toMatchObject({ name: 'notes.txt' });
    expect(exchanges.filter((exchange) => exchange.call === 'POST /v1/attachments').map((e) => e.status)).toEqual([
      401, 201,
    ]);
  });

  it('after a connect that failed, sends a call made without a session with a new one — or, logged out meanwhile, fails it with its own error, not the old connect’s', async () => {
    let refused = 0;
    const { adapter, exchanges } = recordedAdapter(async (call) => {
      // The first sign-in of each adapter never reaches the server (offline, say).
      if (call === 'POST /v1/session' && ++refused === 1) throw new TypeError('fetch failed');
    });
    await expect(adapter.connect({ visitorId: visitorId() })).rejects.toMatchObject({ code: 'network' });
    await expect(adapter.getAvailability?.()).resolves.toMatchObject({ status: expect.any(String) });
    expect(exchanges.map((exchange) => `${exchange.call} ${exchange.status}`)).toEqual([
      'GET /v1/availability 401',
      'POST /v1/session 200',
      'GET /v1/availability 200',
    ]);

    const loggedOut = recordedAdapter(async (call) => {
      if (call === 'POST /v1/session') throw new TypeError('fetch failed');
    });
    await expect(loggedOut.adapter.connect({ visitorId: visitorId() })).rejects.toThrow(/^Connecting failed/);
    await loggedOut.adapter.disconnect?.();
    const error = await loggedOut.adapter.getAvailability?.().then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toMatchObject({ code: 'unauthorized', status: 401 });
    expect((error as Error).message).toMatch(/^Loading availability failed/);
  });

  it('gets one new session for calls refused together, and sends them again with it', async () => {
    const { adapter, exchanges } = recordedAdapter();
    const { token } = await adapter.connect({ visitorId: visitorId() });
    await endBehindTheAdaptersBack(token);
    const [conversations, availability] = await Promise.all([
      adapter.listConversations?.(),
      adapter.getAvailability?.(),
    ]);
    expect(conversations).toEqual([]);
    expect(availability).toMatchObject({ status: expect.any(String) });
    expect(exchanges.filter((exchange) => exchange.call === 'POST /v1/session')).toHaveLength(2);
  });
});
