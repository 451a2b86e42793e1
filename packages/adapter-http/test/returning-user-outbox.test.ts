import { createHttpAdapter } from '@helpline/adapter-http';
import { createClient, createMemoryStore, type HelplineClient, type KeyValueStore, SIGNED_OUT } from '@helpline/core';
import { type RunningServer, startServer, userHash } from '@helpline/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// The real reference server: a verified session adopts the anonymous visitor it continues, so the
// next anonymous session of that browser is a new visitor, to whom the signed-in user's idempotency
// keys do not belong (409).
const SECRET = 'returning-user-test-secret-0123456789';
let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ port: 0, dataDir: ':memory:', demoSecret: SECRET });
});
afterAll(() => server?.close());

const BODY = 'Our March invoices fail to export';
const quiet = { error: () => {}, warn: () => {}, info: () => {} };

interface Exchange {
  call: string;
  status: number;
  user?: string;
}

/**
 * One page load: a client on the real server over the browser's store, recording every exchange.
 * `loseAnswer` makes the server store a new conversation but the page never hear back.
 */
function page(store: KeyValueStore, loseAnswer = false) {
  const exchanges: Exchange[] = [];
  const adapter = createHttpAdapter(
    { baseUrl: server.url, workspaceKey: 'demo-public-key' },
    {
      fetch: async (input, init) => {
        const call = `${init?.method ?? 'GET'} ${new URL(String(input)).pathname}`;
        const response = await fetch(input, init);
        const user =
          call === 'POST /v1/session'
            ? (JSON.parse(String(init?.body)) as { user?: { id: string } }).user?.id
            : undefined;
        exchanges.push({ call, status: response.status, ...(user ? { user } : {}) });
        if (loseAnswer && call === 'POST /v1/conversations') throw new TypeError('fetch failed');
        return response;
      },
    },
  );
  const client = createClient(
    { adapter, features: { kb: false } },
    { store, locks: null, channel: () => null, console: quiet },
  );
  return { client, exchanges };
}

/**
 * Every state the new chat's outbox items went through; 'signed out' while the page named nobody (not
 * sent, shown without its text, waiting for its writer).
 */
function statesOf(client: HelplineClient): string[] {
  const states: string[] = [];
  client.chat
    .thread(undefined)
    .subscribe(({ pending }) =>
      states.push(...pending.map((item) => (item.error?.code === SIGNED_OUT ? 'signed out' : item.state))),
    );
  return states;
}

const pendingOf = (client: HelplineClient) => client.chat.thread(undefined).value.pending;

async function held(key: string) {
  const [row] = await server.db.query<{ conversations: number; messages: number }>(
    `select (select count(*)::int from conversations where idempotency_key = $1) as conversations,
            (select count(*)::int from messages where idempotency_key = $1) as messages`,
    [key],
  );
  return row;
}

/**
 * The previous page: the user, signed in, starts a chat; the server stores it but the answer never
 * reaches the page, which unloads before the retry. The item stays in the outbox, already delivered.
 */
async function previousPageLosesTheAnswer(store: KeyValueStore, user: { id: string; name: string }) {
  const previous = page(store, true);
  await previous.client.identify(user, { userHash: userHash(user.id, SECRET) });
  await previous.client.chat.send({ body: BODY, includeContext: false });
  await vi.waitFor(() => expect(pendingOf(previous.client)[0]?.error?.code).toBe('network'));
  const key = pendingOf(previous.client)[0]!.id;
  await previous.client.shutdown();
  expect(await held(key)).toEqual({ conversations: 1, messages: 1 });
  return key;
}

const newUser = () => ({ id: `returning-${Math.random().toString(36).slice(2, 10)}`, name: 'Ada' });

describe('a returning signed-in user whose host identifies them after boot', () => {
  it('gets the message the previous page left unacknowledged delivered once, never failed (shown as waiting for sign-in meanwhile), when they open the panel before identify', async () => {
    const store = createMemoryStore();
    const user = newUser();
    const key = await previousPageLosesTheAnswer(store, user);

    // The next page load: the visitor opens the panel before the host's own sign-in has answered, so
    // an anonymous session is made; the user's message must not go with it.
    const next = page(store);
    const states = statesOf(next.client);
    await next.client.open();
    await vi.waitFor(() => expect(next.client.state.status.value).toBe('connected'));
    await vi.waitFor(() => expect(pendingOf(next.client)).toHaveLength(1));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(next.exchanges.filter((exchange) => exchange.call === 'POST /v1/conversations')).toEqual([]);
    expect(pendingOf(next.client)[0]).toMatchObject({ id: key, state: 'failed', error: { code: SIGNED_OUT } });
    expect(pendingOf(next.client)[0]?.body).toBeUndefined();

    await next.client.identify(user, { userHash: userHash(user.id, SECRET) });
    await vi.waitFor(() => expect(pendingOf(next.client)).toEqual([]));
    expect(next.exchanges.filter((exchange) => exchange.call === 'POST /v1/conversations')).toEqual([
      { call: 'POST /v1/conversations', status: 200 },
    ]);
    expect(next.exchanges.filter((exchange) => exchange.status >= 400)).toEqual([]);
    expect(states).not.toContain('failed');
    expect(await held(key)).toEqual({ conversations: 1, messages: 1 });
    await vi.waitFor(() =>
      expect(next.client.chat.conversations.value.map((conversation) => conversation.lastMessage?.body)).toEqual([
        BODY,
      ]),
    );
    await next.client.shutdown();
  });

  it('keeps a message stored without owner by an older version waiting for the user instead of failing on a 409', async () => {
    const store = createMemoryStore();
    const user = newUser();
    const key = await previousPageLosesTheAnswer(store, user);
    const { owner: _, ...older } = (await store.get(`outbox:${key}`)) as Record<string, unknown>;
    await store.set(`outbox:${key}`, older);

    // No owner: the anonymous session made by opening the panel takes it, and the server refuses its key.
    const next = page(store);
    const states = statesOf(next.client);
    await next.client.open();
    await vi.waitFor(() =>
      expect(next.exchanges.filter((exchange) => exchange.call === 'POST /v1/conversations')).toEqual([
        { call: 'POST /v1/conversations', status: 409 },
      ]),
    );
    await vi.waitFor(() => expect(pendingOf(next.client)[0]).toMatchObject({ id: key, error: { code: SIGNED_OUT } }));

    await next.client.identify(user, { userHash: userHash(user.id, SECRET) });
    await vi.waitFor(() => expect(pendingOf(next.client)).toEqual([]));
    expect(states).not.toContain('failed');
    expect(await held(key)).toEqual({ conversations: 1, messages: 1 });
    await next.client.shutdown();
  });

  it('waits for identify at boot: one session, the user’s, and no anonymous visitor made for nothing', async () => {
    const store = createMemoryStore();
    const user = newUser();
    const key = await previousPageLosesTheAnswer(store, user);
    const { visitorId } = (await store.get('identity')) as { visitorId: string };

    const next = page(store);
    const states = statesOf(next.client);
    await new Promise((resolve) => next.client.once('ready', resolve));
    await new Promise((resolve) => setTimeout(resolve, 300)); // the host's own sign-in request
    await next.client.identify(user, { userHash: userHash(user.id, SECRET) });
    await vi.waitFor(() => expect(pendingOf(next.client)).toEqual([]));
    expect(next.exchanges.filter((exchange) => exchange.call === 'POST /v1/session')).toEqual([
      { call: 'POST /v1/session', status: 200, user: user.id },
    ]);
    expect(next.exchanges.filter((exchange) => exchange.status >= 400)).toEqual([]);
    expect(states).not.toContain('failed');
    expect(await held(key)).toEqual({ conversations: 1, messages: 1 });
    const anonymous = await server.db.query(
      "select id from visitors where identity_key = 'visitor:' || $1 and not verified",
      [visitorId],
    );
    expect(anonymous).toEqual([]);
    await next.client.shutdown();
  });
});
