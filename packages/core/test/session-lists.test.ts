import { describe, expect, it, vi } from 'vitest';
import { settle, startClient } from './client-test-adapter.js';

const HASH = 'a'.repeat(64);
const ADA = { id: 'u1', name: 'Ada' };
const BOB = { id: 'u2', name: 'Bob' };

/** Ada, signed in, with a conversation (an agent's reply unread) and a ticket, both in the lists. */
async function adaWithHistory() {
  const harness = startClient();
  const { client, backend } = harness;
  await client.identify(ADA, { userHash: HASH });
  await client.chat.send({ body: 'Where is my refund?' });
  await vi.waitFor(() => expect(client.chat.conversations.value).toHaveLength(1));
  const conversationId = client.chat.conversations.value[0]!.id;
  backend.agentSays(conversationId, 'It left on Monday');
  const ticket = await client.tickets.create({
    subject: 'Refund for order 42',
    description: 'Charged twice',
    severity: 'P2',
    category: 'billing_access',
    fields: { plan: 'pro' },
    includeContext: false,
  });
  backend.agentSays(ticket.id, 'Refunded', false);
  await client.tickets.load();
  await vi.waitFor(() => expect(client.state.unreadCount.value).toBe(1));
  await vi.waitFor(() => expect(client.chat.thread(conversationId).value.messages).toHaveLength(2));
  await vi.waitFor(() => expect(client.tickets.thread(ticket.id).value.messages).toHaveLength(1));
  return { ...harness, conversationId, ticketId: ticket.id };
}

describe('what a signed-in user’s session read, while the page names someone else', () => {
  it.each([
    { who: 'nobody', user: undefined },
    { who: 'another user', user: BOB },
  ])(
    'hides her conversations, threads and tickets while the page names $who, and shows them again when it names her',
    async ({ user }) => {
      const { client, conversationId, ticketId } = await adaWithHistory();
      await client.update({ user });
      expect(client.chat.conversations.value).toEqual([]);
      expect(client.state.unreadCount.value).toBe(0);
      expect(client.chat.thread(conversationId).value).toMatchObject({ messages: [], hasMore: false });
      expect(client.tickets.list.value.tickets).toEqual([]);
      expect(client.tickets.thread(ticketId).value.messages).toEqual([]);

      await client.update({ user: ADA });
      expect(client.chat.conversations.value).toHaveLength(1);
      expect(client.state.unreadCount.value).toBe(1);
      expect(client.chat.thread(conversationId).value.messages).toHaveLength(2);
      expect(client.tickets.list.value.tickets).toHaveLength(1);

      // Read again with her session, the lists still go only to her.
      await client.update({ user });
      expect(await client.chat.loadConversations()).toEqual([]);
      expect(await client.tickets.load()).toEqual([]);
    },
  );

  it.each([
    { who: 'nobody', user: undefined },
    { who: 'another user', user: BOB },
  ])('moves off her open thread to home, and refuses tickets.get, while the page names $who', async ({ user }) => {
    const { client, conversationId, ticketId } = await adaWithHistory();
    await client.open({ name: 'chat', conversationId });
    await client.update({ user });
    expect(client.state.view.value).toEqual({ name: 'home' });
    await expect(client.tickets.get(ticketId)).rejects.toMatchObject({ code: 'forbidden' });

    await client.update({ user: ADA });
    await client.open({ name: 'ticketThread', ticketId });
    expect((await client.tickets.get(ticketId)).ticket.id).toBe(ticketId);
    await client.update({ user });
    expect(client.state.view.value).toEqual({ name: 'home' });

    // A new conversation is nobody's yet: whoever is here stays on it (drafts are kept per user).
    await client.open({ name: 'chat' });
    await client.update({ user: ADA });
    await client.update({ user });
    expect(client.state.view.value).toEqual({ name: 'chat' });
  });

  it('says nothing of an agent’s reply to her while the page names nobody, and does not mark it read', async () => {
    const { client, backend, conversationId } = await adaWithHistory();
    await client.open({ name: 'chat', conversationId });
    await client.update({ user: undefined });
    const heard: string[] = [];
    client.on('message', ({ message }) => heard.push(message.body));
    backend.agentSays(conversationId, 'Anything else?');
    await settle();
    expect(heard).toEqual([]);
    expect(backend.markReadCalls.filter((id) => id === conversationId)).toHaveLength(1);

    // Her thread left the screen while she was not named; back, she opens it and reads the reply.
    await client.update({ user: ADA });
    expect(client.state.unreadCount.value).toBe(1);
    await client.open({ name: 'chat', conversationId });
    await vi.waitFor(() => expect(client.state.unreadCount.value).toBe(0));
    expect(backend.markReadCalls.filter((id) => id === conversationId)).toHaveLength(2);
  });

  it.each([
    { who: 'nobody', user: undefined },
    { who: 'another user', user: BOB },
  ])('sends nothing written while the page names $who with her session', async ({ user }) => {
    const { client, backend } = await adaWithHistory();
    const writes = backend.writes.length;
    await client.update({ user });
    await client.chat.send({ body: 'Typed by whoever is here' });
    await settle();
    expect(backend.writes).toHaveLength(writes);
    expect(client.chat.thread(undefined).value.pending.map((item) => [item.body, item.state])).toEqual([
      ['Typed by whoever is here', 'pending'],
    ]);

    // Signing out with logout forgets it, as everything else of this browser's visitor.
    await client.logout();
    await client.open();
    await vi.waitFor(() => expect(client.state.status.value).toBe('connected'));
    await settle();
    expect(backend.writes).toHaveLength(writes);
  });

  it('keeps her own waiting item and sends it once the page names her again', async () => {
    const { client, backend, time } = await adaWithHistory();
    backend.offline = true;
    await client.chat.send({ body: 'Written before she left' });
    await settle();
    await client.update({ user: undefined });
    backend.offline = false;
    time.advance(60_000);
    await settle();
    expect(backend.messages.map((message) => message.body)).not.toContain('Written before she left');

    await client.update({ user: ADA });
    await vi.waitFor(() =>
      expect(backend.messages.map((message) => message.body)).toContain('Written before she left'),
    );
  });
});
