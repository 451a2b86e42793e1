import { AdapterError, createMemoryStore, type KeyValueStore, type OutboxItem, SIGNED_OUT } from '@helpline/core';
import { describe, expect, it, vi } from 'vitest';
import { createTestBackend, holdAnswers, settle, startClient, type TestBackend } from './client-test-adapter.js';

const HASH = 'a'.repeat(64);
const ADA = { id: 'u1', name: 'Ada' };
const BOB = { id: 'u2', name: 'Bob' };

const outboxRecords = async (store: KeyValueStore) => {
  const keys = (await store.keys()).filter((key) => key.startsWith('outbox:'));
  return Promise.all(keys.map((key) => store.get(key) as Promise<Record<string, unknown>>));
};

/**
 * Like the reference server: a conversation is its starter's, and the same idempotency key from anyone
 * else's session is refused (409), as is a message to it (404), which the outbox would keep as failed.
 * Records which user's session each conversation and message went with.
 */
function keysBelongToTheirWriter(backend: TestBackend): Array<string | undefined> {
  const sentAs: Array<string | undefined> = [];
  const owners = new Map<string, string | undefined>();
  const sessionUser = () => {
    const user = backend.identities.at(-1)?.user?.id;
    sentAs.push(user);
    return user;
  };
  const start = backend.startConversation!.bind(backend);
  backend.startConversation = async (input) => {
    const user = sessionUser();
    const conversationId = `c-${input.idempotencyKey}`;
    if (owners.has(conversationId) && owners.get(conversationId) !== user)
      throw new AdapterError('invalid_input', 'idempotencyKey: already used for another conversation', { status: 409 });
    owners.set(conversationId, user);
    return start(input);
  };
  const send = backend.sendMessage!.bind(backend);
  backend.sendMessage = async (conversationId, input) => {
    if (owners.get(conversationId) !== sessionUser())
      throw new AdapterError('not_found', 'No such conversation', { status: 404 });
    return send(conversationId, input);
  };
  return sentAs;
}

/**
 * The previous page: Ada, signed in, starts a chat; the backend stores it but the answer is lost, and
 * the page unloads before the retry. Her outbox item stays behind, already delivered (`storedByOlderVersion`:
 * without its owner, as versions before owners stored it). Then the next page's client boots over the
 * same store, unnamed, its items' states recorded from the start.
 */
async function nextPageAfterAdasLostAnswer(storedByOlderVersion = false) {
  const store = createMemoryStore();
  const backend = createTestBackend();
  const sentAs = keysBelongToTheirWriter(backend);
  const previous = startClient({}, { backend, store });
  await previous.client.identify(ADA, { userHash: HASH });
  backend.loseNextResponse = true;
  await previous.client.chat.send({ body: 'Delivered, but the answer was lost' });
  await vi.waitFor(() => expect(previous.client.chat.thread(undefined).value.pending[0]?.error?.code).toBe('network'));
  await previous.client.shutdown();
  expect(backend.messages.map((message) => message.body)).toEqual(['Delivered, but the answer was lost']);
  if (storedByOlderVersion)
    for (const { owner: _, ...older } of await outboxRecords(store))
      await store.set(`outbox:${String(older.id)}`, older);
  const next = startClient({}, { backend, store });
  return { store, backend, sentAs, next, states: statesOf(next.client) };
}

/**
 * Every state the new chat's pending items went through, to prove none was ever shown as failed ('signed
 * out': shown as not sent while the page names nobody, see below).
 */
function statesOf(client: ReturnType<typeof startClient>['client']): string[] {
  const states: string[] = [];
  client.chat
    .thread(undefined)
    .subscribe(({ pending }) =>
      states.push(...pending.map((item: OutboxItem) => (item.error?.code === SIGNED_OUT ? 'signed out' : item.state))),
    );
  return states;
}

/** What the page shows of Ada's item while it names nobody: that it was not sent, and nothing of hers. */
const SHOWN_SIGNED_OUT = {
  state: 'failed',
  error: { code: SIGNED_OUT, message: 'Written while signed in: sign in again to send it' },
};

describe('outbox items and whose session carries them', () => {
  it('stamps what a signed-in user writes with their id, and leaves an anonymous visitor’s unstamped', async () => {
    const backend = createTestBackend();
    const { client, store } = startClient({}, { backend });
    const release = holdAnswers(backend, ['startConversation']);
    await client.chat.send({ body: 'Asked before signing in' });
    await client.identify(ADA, { userHash: HASH });
    await client.chat.send({ body: 'Asked as Ada' });
    const records = await outboxRecords(store);
    release();
    expect(records.map((record) => [record.body, record.owner])).toEqual(
      expect.arrayContaining([
        ['Asked before signing in', undefined],
        ['Asked as Ada', 'u1'],
      ]),
    );
  });

  it.each([
    {
      when: 'the visitor opens the panel before the host names them',
      anonymousSession: (harness: ReturnType<typeof startClient>) => harness.client.open(),
    },
    {
      when: 'the host names them only after boot stopped waiting',
      anonymousSession: async ({ time }: ReturnType<typeof startClient>) => {
        await vi.waitFor(() => expect(time.delays()).toContain(2000));
        time.advance(2000);
      },
    },
  ])(
    "keeps a signed-in user's item waiting under an anonymous session, shown as not sent without its text, and sends it once their session comes ($when)",
    async ({ anonymousSession }) => {
      // The next page: the returning visitor boots unnamed and gets an anonymous session first.
      const { backend, sentAs, next, states } = await nextPageAfterAdasLostAnswer();
      await anonymousSession(next);
      await vi.waitFor(() => expect(next.client.state.status.value).toBe('connected'));
      await settle();
      expect(backend.identities.at(-1)?.user).toBeUndefined();
      expect(sentAs).toEqual(['u1']);
      const [shown] = next.client.chat.thread(undefined).value.pending;
      expect(shown).toMatchObject(SHOWN_SIGNED_OUT);
      expect(Object.keys(shown ?? {})).not.toContain('body');
      expect(await outboxRecords(next.store)).toMatchObject([{ state: 'pending', owner: 'u1' }]);

      // The host's own sign-in answers: Ada's session takes the item, which the backend already had.
      await next.client.identify(ADA, { userHash: HASH });
      await vi.waitFor(() => expect(next.client.chat.thread(undefined).value.pending).toEqual([]));
      expect(sentAs).toEqual(['u1', 'u1']);
      expect(backend.messages.map((message) => message.body)).toEqual(['Delivered, but the answer was lost']);
      expect(backend.conversations.size).toBe(1);
      expect(states).not.toContain('failed');
      expect(await outboxRecords(next.store)).toEqual([]);
      await vi.waitFor(() => expect(next.client.chat.conversations.value).toHaveLength(1));
    },
  );

  it('keeps the item waiting when the host names its user but the session is still an earlier one', async () => {
    const { backend, sentAs, next, states } = await nextPageAfterAdasLostAnswer();
    await next.client.open();
    await vi.waitFor(() => expect(next.client.state.status.value).toBe('connected'));

    // The page says Ada now, but no session was made for her: what she writes waits with the rest.
    await next.client.update({ user: ADA });
    await next.client.chat.send({ body: 'Written while the session is still anonymous' });
    await settle();
    expect(sentAs).toEqual(['u1']);
    expect(next.client.chat.thread(undefined).value.pending.map((item) => [item.state, item.attempts])).toEqual([
      ['pending', 1],
      ['pending', 0],
    ]);

    await next.client.identify(ADA, { userHash: HASH });
    await vi.waitFor(() => expect(next.client.chat.thread(undefined).value.pending).toEqual([]));
    expect(sentAs).toEqual(['u1', 'u1', 'u1']);
    expect(backend.messages.map((message) => message.body)).toEqual([
      'Delivered, but the answer was lost',
      'Written while the session is still anonymous',
    ]);
    expect(states).not.toContain('failed');
  });

  it('on Retry checks again and keeps the item while the page still names nobody', async () => {
    const { sentAs, next } = await nextPageAfterAdasLostAnswer();
    await next.client.open();
    await vi.waitFor(() => expect(next.client.chat.thread(undefined).value.pending).toMatchObject([SHOWN_SIGNED_OUT]));
    await next.client.chat.retry(next.client.chat.thread(undefined).value.pending[0]?.id ?? '');
    await settle();
    expect(sentAs).toEqual(['u1']);
    expect(next.client.chat.thread(undefined).value.pending).toMatchObject([SHOWN_SIGNED_OUT]);
  });

  it('shows nothing of a signed-in user’s waiting item while the page names someone else', async () => {
    const { store, sentAs, next } = await nextPageAfterAdasLostAnswer();
    await next.client.open();
    await vi.waitFor(() => expect(next.client.state.status.value).toBe('connected'));
    await next.client.update({ user: BOB });
    expect(next.client.chat.thread(undefined).value.pending).toEqual([]);

    // Bob's first message starts a conversation of his own instead of waiting to follow Ada's into hers.
    await next.client.chat.send({ body: 'Asked by Bob' });
    expect(next.client.chat.thread(undefined).value.pending.map((item) => item.body)).toEqual(['Asked by Bob']);
    const records = await outboxRecords(store);
    expect(records.find((record) => record.body === 'Asked by Bob')).toMatchObject({
      kind: 'conversation',
      owner: 'u2',
    });
    await settle();
    expect(sentAs).toEqual(['u1']);
  });

  it('an item stored before items had owners that the backend already has from the signed-in user waits for their session instead of failing', async () => {
    const { store, backend, sentAs, next, states } = await nextPageAfterAdasLostAnswer(true);

    // An anonymous session takes it (it has no owner) and the backend refuses the key as someone else's.
    await next.client.open();
    await vi.waitFor(() => expect(sentAs).toEqual(['u1', undefined]));
    await vi.waitFor(() => expect(next.client.chat.thread(undefined).value.pending).toMatchObject([SHOWN_SIGNED_OUT]));
    expect(await outboxRecords(store)).toMatchObject([{ state: 'pending', owner: 'u1' }]);

    await next.client.identify(ADA, { userHash: HASH });
    await vi.waitFor(() => expect(next.client.chat.thread(undefined).value.pending).toEqual([]));
    expect(sentAs).toEqual(['u1', undefined, 'u1']);
    expect(backend.conversations.size).toBe(1);
    expect(states).not.toContain('failed');
  });

  it('still sends an item stored before items had owners, with whatever session boot makes', async () => {
    const store = createMemoryStore();
    const backend = createTestBackend();
    const previous = startClient({}, { backend, store });
    await previous.client.identify(ADA, { userHash: HASH });
    backend.offline = true;
    await previous.client.chat.send({ body: 'Stored by an older version' });
    await vi.waitFor(() =>
      expect(previous.client.chat.thread(undefined).value.pending[0]?.error?.code).toBe('network'),
    );
    await previous.client.shutdown();
    const [record] = await outboxRecords(store);
    const { owner: _, ...older } = record!;
    await store.set(`outbox:${String(older.id)}`, older);
    backend.offline = false;

    const next = startClient({}, { backend, store });
    await vi.waitFor(() =>
      expect(backend.messages.map((message) => message.body)).toEqual(['Stored by an older version']),
    );
    expect(backend.identities.at(-1)?.user).toBeUndefined();
    await vi.waitFor(async () => expect(await outboxRecords(next.store)).toEqual([]));
  });

  it("logout drops a signed-in user's waiting item: the next visitor's session never carries it", async () => {
    const { store, sentAs, next } = await nextPageAfterAdasLostAnswer();
    await next.client.open();
    await vi.waitFor(() => expect(next.client.chat.thread(undefined).value.pending).toHaveLength(1));
    await next.client.logout();
    expect(await outboxRecords(store)).toEqual([]);
    await next.client.open();
    await vi.waitFor(() => expect(next.client.state.status.value).toBe('connected'));
    await settle();
    expect(sentAs).toEqual(['u1']);
    expect(next.client.chat.thread(undefined).value.pending).toEqual([]);
  });

  it('does not send what a visitor wrote with the next visitor’s session when they log out while it connects', async () => {
    const backend = createTestBackend();
    const { client } = startClient({}, { backend });
    const release = holdAnswers(backend, ['connect']);
    await client.chat.send({ body: 'Written by the visitor who logs out' });
    await settle();
    await client.logout();
    release();
    await client.open();
    await vi.waitFor(() => expect(client.state.status.value).toBe('connected'));
    await settle();
    expect(backend.writes).toEqual([]);
    expect(backend.messages).toEqual([]);
  });
});

/** Ada signed in on an earlier page of this browser; this page's client boots without naming her. */
async function returningSignedInUser() {
  const store = createMemoryStore();
  const backend = createTestBackend();
  const previous = startClient({}, { backend, store });
  await previous.client.identify(ADA, { userHash: HASH });
  await previous.client.shutdown();
  const before = backend.identities.length;
  const next = startClient({}, { backend, store });
  await new Promise((resolve) => next.client.once('ready', resolve));
  return { backend, before, next };
}

describe('boot of a returning signed-in user whose host names them late', () => {
  it('waits for identify: one session, made for the user, and no anonymous visitor for nothing', async () => {
    const { backend, before, next } = await returningSignedInUser();
    await settle();
    expect(backend.identities).toHaveLength(before);
    next.time.advance(1000);
    await next.client.identify(ADA, { userHash: HASH });
    expect(backend.identities.slice(before).map((identity) => identity.user?.id)).toEqual(['u1']);
    next.time.advance(2000);
    await settle();
    expect(backend.identities).toHaveLength(before + 1);
  });

  it('connects without the user once the wait is over when the host never names them', async () => {
    const { backend, before, next } = await returningSignedInUser();
    next.time.advance(1999);
    await settle();
    expect(backend.identities).toHaveLength(before);
    next.time.advance(1);
    await vi.waitFor(() => expect(next.client.state.status.value).toBe('connected'));
    expect(backend.identities.slice(before).map((identity) => identity.user)).toEqual([undefined]);
  });

  it('does not wait for an anonymous returning visitor, nor for a user the host names at boot', async () => {
    const store = createMemoryStore();
    const backend = createTestBackend();
    const previous = startClient({}, { backend, store });
    await previous.client.open();
    await vi.waitFor(() => expect(previous.client.state.status.value).toBe('connected'));
    await previous.client.shutdown();
    const anonymous = startClient({}, { backend, store });
    await vi.waitFor(() => expect(anonymous.client.state.status.value).toBe('connected'));
    expect(anonymous.time.delays()).toEqual([]);
    await anonymous.client.identify(ADA, { userHash: HASH });
    await anonymous.client.shutdown();

    const named = startClient({ user: ADA, verification: { userHash: HASH } }, { backend, store });
    await vi.waitFor(() => expect(named.client.state.status.value).toBe('connected'));
    expect(backend.identities.at(-1)?.user?.id).toBe('u1');
  });
});
