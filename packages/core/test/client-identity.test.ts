import { AdapterError, createMemoryStore } from '@helpline/core';
import { describe, expect, it, vi } from 'vitest';
import { createTestBackend, holdAnswers, settle, startClient } from './client-test-adapter.js';

const HASH = 'a'.repeat(64);

/** Ada, signed in, who started a chat with "Hello". */
async function adaChatting() {
  const backend = createTestBackend();
  const harness = startClient({}, { backend });
  await harness.client.identify({ id: 'u1', name: 'Ada' });
  await harness.client.chat.send({ body: 'Hello' });
  await vi.waitFor(() => expect(harness.client.chat.conversations.value).toHaveLength(1));
  return harness;
}

describe('identity and storage', () => {
  it('writes nothing and makes no visitor id before the first interaction', async () => {
    window.history.replaceState(null, '', '/dashboard');
    const { client, store, backend } = startClient({ user: { id: 'u1', email: 'ada@example.com' } });
    await new Promise((resolve) => client.once('ready', resolve));
    await client.track('viewed dashboard');
    await client.help.register('/dashboard', { articles: ['a1'] });
    await client.prefill({ subject: 'Hello' });
    await settle();
    expect(store.writes).toEqual([]);
    expect(client.state.identity.value.visitorId).toBeUndefined();
    expect(backend.identities).toEqual([]);
    expect(client.state.status.value).toBe('idle');
  });

  it('makes the visitor and connects on the first interaction', async () => {
    const { client, store, backend } = startClient();
    await client.open();
    await vi.waitFor(() => expect(client.state.status.value).toBe('connected'));
    expect(client.state.identity.value.visitorId).toMatch(/^id-/);
    expect(backend.identities[0]?.visitorId).toBe(client.state.identity.value.visitorId);
    expect(store.writes).toContain('set identity');
  });

  it('connects a returning visitor at boot (read-only) so the unread badge works while closed', async () => {
    const inner = createMemoryStore();
    const backend = createTestBackend();
    const first = startClient({}, { backend, store: inner });
    await first.client.chat.send({ body: 'Question' });
    await vi.waitFor(() => expect(backend.conversations.size).toBe(1));
    await first.client.shutdown();

    const second = startClient({}, { backend, store: inner });
    await vi.waitFor(() => expect(second.client.state.status.value).toBe('connected'));
    expect(second.client.state.isOpen.value).toBe(false);
    expect(backend.identities.at(-1)?.visitorId).toBe(backend.identities[0]?.visitorId);
    const conversationId = [...backend.conversations.keys()][0]!;
    await vi.waitFor(() => expect(second.client.chat.conversations.value).toHaveLength(1));
    const unread: number[] = [];
    second.client.on('unread', ({ count }) => unread.push(count));
    backend.agentSays(conversationId, 'Hi, Ada here');
    expect(second.client.state.unreadCount.value).toBe(1);
    expect(unread).toEqual([1]);
    expect(second.store.writes).toEqual([]);
  });

  it('opens for a first-time anonymous visitor without listing history; a signed-in user gets theirs', async () => {
    const backend = createTestBackend();
    const lists = vi.spyOn(backend, 'listConversations');
    const tickets = vi.spyOn(backend, 'listTickets');
    const anonymous = startClient({}, { backend });
    await anonymous.client.open();
    await vi.waitFor(() => expect(anonymous.client.state.status.value).toBe('connected'));
    await settle();
    expect(lists).not.toHaveBeenCalled();
    expect(tickets).not.toHaveBeenCalled();
    // Starting a conversation loads the rest on demand.
    await anonymous.client.chat.send({ body: 'Hello there' });
    await vi.waitFor(() => expect(anonymous.client.chat.conversations.value).toHaveLength(1));

    const signedIn = startClient({ user: { id: 'u7', email: 'grace@example.com' } }, { backend });
    await signedIn.client.open();
    await vi.waitFor(() => expect(lists).toHaveBeenCalled());
    expect(tickets).toHaveBeenCalled();
  });

  it('writes storage right away when the host turns noStorageBeforeInteraction off', async () => {
    const { client, store } = startClient({ privacy: { noStorageBeforeInteraction: false } });
    await vi.waitFor(() => expect(client.state.status.value).toBe('connected'));
    expect(store.writes).toContain('set identity');
  });

  it('identify reconnects with the verified identity', async () => {
    const { client, backend } = startClient();
    await client.open();
    await vi.waitFor(() => expect(client.state.status.value).toBe('connected'));
    await client.identify({ id: 'u1', email: 'ada@example.com' }, { userHash: HASH });
    const last = backend.identities.at(-1)!;
    expect(last.user).toMatchObject({ id: 'u1', email: 'ada@example.com' });
    expect(last.verification).toEqual({ userHash: HASH });
    expect(last.visitorId).toBe(backend.identities[0]!.visitorId);
    expect(client.state.identity.value).toMatchObject({ verified: true, user: { id: 'u1' } });
    expect(backend.disconnects).toBe(1);
  });

  it("identifying as a different user wipes the previous user's local data first", async () => {
    const store = createMemoryStore();
    const backend = createTestBackend();
    const { client } = startClient({}, { backend, store });
    await client.identify({ id: 'u1' });
    await client.chat.send({ body: 'private to u1' });
    await vi.waitFor(() => expect(client.chat.conversations.value).toHaveLength(1));
    client.chat.setDraft('new', 'half typed by u1');
    const firstVisitor = client.state.identity.value.visitorId;

    backend.conversations.clear(); // the backend scopes conversations per user
    await client.identify({ id: 'u2' });
    expect(client.chat.conversations.value).toEqual([]);
    expect(client.chat.draft('new').value).toBe('');
    expect(client.state.identity.value.visitorId).not.toBe(firstVisitor);
    expect(backend.identities.at(-1)).toMatchObject({ user: { id: 'u2' } });
  });

  it("drops lists that were asked for before a logout and answer after it: they are the previous visitor's", async () => {
    const { client, backend } = await adaChatting();
    await client.tickets.create({
      subject: 'Exports fail',
      description: '',
      severity: 'P2',
      category: 'bug',
      fields: { plan: 'pro' },
      includeContext: false,
    });
    await vi.waitFor(async () => expect(await client.tickets.load()).toHaveLength(1));
    const release = holdAnswers(backend, ['listConversations', 'listTickets']);
    const conversations = client.chat.loadConversations();
    const tickets = client.tickets.load();
    await settle();
    await client.logout();
    release();
    await conversations;
    await tickets;
    expect(client.chat.conversations.value).toEqual([]);
    expect(client.tickets.list.value).toEqual({ tickets: [], loading: false });
  });

  it('says nothing of lists asked for before a logout and refused after it, when its session has ended', async () => {
    const { client, backend, logs } = await adaChatting();
    await client.tickets.load();
    // The server ended the session at logout: the answers to what was asked before are refusals.
    const refused = async () => {
      throw new AdapterError('unauthorized', 'Session ended', { status: 401 });
    };
    backend.listConversations = refused;
    backend.listTickets = refused;
    const release = holdAnswers(backend, ['listConversations', 'listTickets']);
    const conversations = client.chat.loadConversations();
    const tickets = client.tickets.load();
    await settle();
    await client.logout();
    release();
    expect(await conversations).toEqual([]);
    expect(await tickets).toEqual([]);
    expect(client.tickets.list.value.error).toBeUndefined();
    expect(logs.errors).toEqual([]);
  });

  it('update replaces the company context instead of merging it', async () => {
    const { client } = startClient({ account: { id: 'acme', name: 'Acme', plan: 'enterprise', seats: 50 } });
    await client.update({ account: { id: 'globex', name: 'Globex' } });
    expect(client.state.identity.value.account).toEqual({ id: 'globex', name: 'Globex' });
    expect(client.snapshot().account).toEqual({ id: 'globex', name: 'Globex' });
    await client.update({ custom: { tier: 'gold' } });
    expect(client.snapshot().custom).toEqual({ tier: 'gold' });
  });

  it('logout disconnects, clears the store and every signal, and starts anonymous on the next interaction', async () => {
    const { client, backend, store } = await adaChatting();
    await client.kb.search('invoice');
    await client.open('chat');
    const oldVisitor = client.state.identity.value.visitorId;

    await client.logout();
    expect(await store.keys()).toEqual([]);
    expect(backend.disconnects).toBeGreaterThan(0);
    expect(client.state.identity.value).toEqual({
      visitorId: undefined,
      user: undefined,
      account: undefined,
      verified: false,
    });
    expect(client.state.isOpen.value).toBe(false);
    expect(client.state.unreadCount.value).toBe(0);
    expect(client.state.status.value).toBe('idle');
    expect(client.chat.conversations.value).toEqual([]);
    expect(client.kb.results.value.hits).toEqual([]);
    expect(client.snapshot().selfService).toEqual([]);

    const writesAfterLogout = store.writes.length;
    await settle();
    expect(store.writes.length).toBe(writesAfterLogout);
    await client.open();
    await vi.waitFor(() => expect(client.state.identity.value.visitorId).toBeDefined());
    expect(client.state.identity.value.visitorId).not.toBe(oldVisitor);
  });

  it('logout closes the panel when it is called: a command after it acts on the anonymous visitor that follows', async () => {
    const { client } = startClient();
    await client.identify({ id: 'u1', name: 'Ada' });
    await client.open('chat');
    // As the script tag replays a queue: logout, then the visitor's click on the launcher, unawaited.
    const logout = client.logout();
    expect(client.state.isOpen.value).toBe(false);
    await client.open();
    await logout;
    expect(client.state.isOpen.value).toBe(true);
    expect(client.state.view.value).toEqual({ name: 'home' });
    expect(client.state.identity.value.user).toBeUndefined();
  });

  it('logout forgets the user in this browser at once, without waiting for the server to end the session', async () => {
    const { client, backend, store } = await adaChatting();
    client.chat.setDraft(client.chat.conversations.value[0]?.id ?? '', 'unsent words');
    await settle();
    expect(await store.keys()).not.toEqual([]);
    // The host navigates right after logout: the server's answer may never be awaited.
    const release = holdAnswers(backend, ['disconnect']);

    const logout = client.logout();
    await vi.waitFor(async () => expect(await store.keys()).toEqual([]));
    expect(client.state.identity.value.user).toBeUndefined();
    release();
    await logout;
    expect(await store.keys()).toEqual([]);
  });
});
