import { createMemoryStore } from '@helpline/core';
import { describe, expect, it, vi } from 'vitest';
import { createTestBackend, holdAnswers, startClient } from './client-test-adapter.js';

async function withConversation() {
  const harness = startClient();
  await harness.client.chat.send({ body: 'Help with exports' });
  await vi.waitFor(() => expect(harness.client.chat.conversations.value).toHaveLength(1));
  return { ...harness, conversationId: harness.client.chat.conversations.value[0]!.id };
}

describe('chat in real time', () => {
  it('counts agent messages as unread while closed, emits message and unread, and clears on viewing the thread', async () => {
    const { client, backend, conversationId } = await withConversation();
    const messages: string[] = [];
    const unread: number[] = [];
    client.on('message', ({ message }) => messages.push(message.body));
    client.on('unread', ({ count }) => unread.push(count));

    backend.agentSays(conversationId, 'Which browser?');
    backend.agentSays(conversationId, 'Also, which invoice?');
    expect(client.state.unreadCount.value).toBe(2);
    expect(messages).toEqual(['Which browser?', 'Also, which invoice?']);

    await client.open({ name: 'chat', conversationId });
    expect(client.state.unreadCount.value).toBe(0);
    expect(unread).toEqual([1, 2, 0]);
    expect(backend.markReadCalls).toEqual([conversationId]);

    backend.agentSays(conversationId, 'Thanks!');
    expect(client.state.unreadCount.value).toBe(0);
    expect(backend.markReadCalls).toEqual([conversationId, conversationId]);
  });

  it('counts messages in another view as unread even while open', async () => {
    const { client, backend, conversationId } = await withConversation();
    await client.open('home');
    backend.agentSays(conversationId, 'Ping');
    expect(client.state.unreadCount.value).toBe(1);
  });

  it('shows agents typing and clears them 6 s after the last update', async () => {
    const { client, backend, time, conversationId } = await withConversation();
    const typing = client.chat.typing(conversationId);
    backend.push({ type: 'typing', conversationId, author: { type: 'agent', name: 'Ada' }, typing: true });
    expect(typing.value).toEqual(['Ada']);
    time.advance(5000);
    backend.push({ type: 'typing', conversationId, author: { type: 'agent', name: 'Ada' }, typing: true });
    time.advance(5999);
    expect(typing.value).toEqual(['Ada']);
    time.advance(1);
    expect(typing.value).toEqual([]);
  });

  it('stops showing typing when the agent’s message arrives', async () => {
    const { client, backend, conversationId } = await withConversation();
    backend.push({ type: 'typing', conversationId, author: { type: 'agent', name: 'Ada' }, typing: true });
    backend.agentSays(conversationId, 'Done');
    expect(client.chat.typing(conversationId).value).toEqual([]);
  });

  it('applies status and presence events, and reloads lists on resync', async () => {
    const { client, backend, conversationId } = await withConversation();
    backend.push({ type: 'status', conversationId, status: 'resolved' });
    expect(client.chat.conversations.value[0]!.status).toBe('resolved');
    backend.push({ type: 'presence', availability: { status: 'away', agentsOnline: 0 } });
    expect(client.state.availability.value?.status).toBe('away');
    backend.conversations.set('c-other', {
      id: 'c-other',
      status: 'open',
      createdAt: '2026-11-29T11:00:00.000Z',
      updatedAt: '2026-11-29T11:00:00.000Z',
      unreadCount: 3,
    });
    backend.push({ type: 'resync' });
    await vi.waitFor(() => expect(client.chat.conversations.value.map((c) => c.id)).toContain('c-other'));
    expect(client.state.unreadCount.value).toBe(3);
  });

  it('ignores a malformed realtime event instead of crashing', async () => {
    const { client, backend } = await withConversation();
    expect(() => backend.push({ type: 'message', message: { id: 1 } } as never)).not.toThrow();
    expect(client.state.unreadCount.value).toBe(0);
  });

  it('loads the thread with confirmed messages and rates the conversation through the outbox', async () => {
    const { client, backend, conversationId } = await withConversation();
    const thread = client.chat.thread(conversationId);
    await vi.waitFor(() => expect(thread.value.messages.map((m) => m.body)).toEqual(['Help with exports']));
    await client.chat.rate(conversationId, { score: 5, comment: 'Quick!' });
    expect(backend.conversations.get(conversationId)?.csat).toEqual({ score: 5 });
    expect(client.chat.conversations.value[0]!.csat).toEqual({ score: 5, comment: 'Quick!' });
  });

  it('takes the availability from business hours when the adapter does not report it', async () => {
    const backend = createTestBackend({ availability: false });
    const { client } = startClient(
      { businessHours: { timezone: 'UTC', days: { '0': [['09:00', '17:00']] } } },
      { backend },
    );
    // 2026-11-29 is a Sunday; the manual clock starts at 10:00 UTC.
    await vi.waitFor(() => expect(client.state.availability.value?.status).toBe('online'));
  });
});

describe('drafts', () => {
  it('persists drafts per conversation and restores them after a reload', async () => {
    const store = createMemoryStore();
    const first = startClient({}, { store });
    first.client.interacted();
    first.client.chat.setDraft('new', 'I was typing this');
    first.client.tickets.setDraft({ subject: 'Half a ticket' });
    // Drafts are written after a debounce, counted from when the messaging module has loaded.
    await vi.waitFor(async () => {
      first.time.advance(1000);
      expect(await store.get('draft:chat:new')).toBe('I was typing this');
    });
    await first.client.shutdown();

    const second = startClient({}, { store });
    await vi.waitFor(() => expect(second.client.chat.draft('new').value).toBe('I was typing this'));
    expect(second.client.tickets.draft.value).toEqual({ subject: 'Half a ticket' });
  });

  it('clears the draft once the message is in the outbox', async () => {
    const { client } = startClient();
    client.chat.setDraft('new', 'Hello');
    await client.chat.send({ body: 'Hello' });
    expect(client.chat.draft('new').value).toBe('');
  });

  it('keeps what was typed while the message went into the outbox', async () => {
    const { client } = startClient();
    client.chat.setDraft('new', 'Hello');
    const sending = client.chat.send({ body: 'Hello' });
    client.chat.setDraft('new', 'Hello, and also');
    await sending;
    expect(client.chat.draft('new').value).toBe('Hello, and also');
  });

  it('hands what was typed in a new chat while it started to the thread that replaces it', async () => {
    const { client, backend } = startClient();
    await client.open({ name: 'chat' });
    const release = holdAnswers(backend, ['startConversation']);
    await client.chat.send({ body: 'First question' });
    client.chat.setDraft('new', 'A follow-up being typed');
    release();
    await vi.waitFor(() => expect(client.chat.conversations.value).toHaveLength(1));
    const id = client.chat.conversations.value[0]!.id;
    expect(client.state.view.value).toEqual({ name: 'chat', conversationId: id });
    expect(client.chat.draft(id).value).toBe('A follow-up being typed');
    expect(client.chat.draft('new').value).toBe('');
  });
});

describe('a new chat', () => {
  it('moves the view to its thread when the backend confirms it, even with the panel closed meanwhile', async () => {
    const { client } = startClient();
    await client.open({ name: 'chat' });
    const sending = client.chat.send({ body: 'Closing right after sending' });
    await client.close();
    await sending;
    await vi.waitFor(() => expect(client.chat.conversations.value).toHaveLength(1));
    const id = client.chat.conversations.value[0]!.id;
    expect(client.state.view.value).toEqual({ name: 'chat', conversationId: id });
    expect(client.state.isOpen.value).toBe(false);
  });

  it('leaves the view alone when the user went elsewhere before the confirmation', async () => {
    const { client } = startClient();
    await client.open({ name: 'chat' });
    const sending = client.chat.send({ body: 'Then reading articles' });
    await client.open('home');
    await sending;
    await vi.waitFor(() => expect(client.chat.conversations.value).toHaveLength(1));
    expect(client.state.view.value).toEqual({ name: 'home' });
  });
});
