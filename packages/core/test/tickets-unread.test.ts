import { describe, expect, it, vi } from 'vitest';
import { createTestBackend, settle, startWithTicket } from './client-test-adapter.js';

describe('agent replies to tickets the visitor has not read', () => {
  it('count on the ticket, in tickets.unread and in the unread badge, once each, until the visitor reads them', async () => {
    const { client, backend, ticketId } = await startWithTicket();
    const counts: number[] = [];
    client.on('unread', ({ count }) => counts.push(count));
    const reply = backend.agentSays(ticketId, 'Fixed, please check');
    backend.push({ type: 'message', message: reply }); // a resumed stream brings it again
    backend.agentSays(ticketId, 'Anything else?');
    expect(client.tickets.list.value.tickets[0]?.unreadCount).toBe(2);
    expect(client.tickets.unread.value).toBe(2);
    expect(client.state.unreadCount.value).toBe(2);

    // A change of status comes without a count: the count stands.
    backend.push({
      type: 'ticket',
      ticket: { ...client.tickets.list.value.tickets[0]!, status: 'pending', unreadCount: undefined },
    });
    expect(client.tickets.list.value.tickets[0]).toMatchObject({ status: 'pending', unreadCount: 2 });

    await client.tickets.markRead(ticketId);
    expect(backend.ticketReadCalls).toEqual([ticketId]);
    expect(client.state.unreadCount.value).toBe(0);
    expect(counts).toEqual([1, 2, 0]);
  });

  it('are the tickets module’s alone: said once to the host, without chat reading its list again', async () => {
    const { client, backend, ticketId } = await startWithTicket();
    let listed = 0;
    const listConversations = backend.listConversations?.bind(backend);
    backend.listConversations = async () => {
      listed += 1;
      return (await listConversations?.()) ?? [];
    };
    const heard: string[] = [];
    client.on('message', ({ message }) => heard.push(message.body));
    const reply = backend.agentSays(ticketId, 'Fixed, please check');
    backend.push({ type: 'message', message: reply });
    await settle();
    expect(heard).toEqual(['Fixed, please check']);
    expect(listed).toBe(0);
    expect(client.chat.conversations.value).toEqual([]);
  });

  it('are read at once while the ticket is on screen', async () => {
    const { client, backend, ticketId } = await startWithTicket();
    await client.open({ name: 'ticketThread', ticketId });
    backend.agentSays(ticketId, 'On it');
    await vi.waitFor(() => expect(backend.ticketReadCalls).toEqual([ticketId]));
    expect(client.tickets.unread.value).toBe(0);
    await client.close();
    backend.agentSays(ticketId, 'Done');
    expect(client.tickets.unread.value).toBe(1);
  });

  it('take the count the backend gives with the list, and are not counted where the adapter cannot', async () => {
    const backend = createTestBackend();
    const { client } = await startWithTicket(backend);
    backend.tickets = backend.tickets.map((ticket) => ({ ...ticket, unreadCount: 3 }));
    await client.tickets.load();
    expect(client.state.unreadCount.value).toBe(3);

    const unable = await startWithTicket(createTestBackend({ ticketRead: false }));
    unable.backend.agentSays(unable.ticketId, 'Hello');
    expect(unable.client.tickets.unread.value).toBe(0);
    await expect(unable.client.tickets.markRead(unable.ticketId)).rejects.toMatchObject({ field: 'ticketRead' });
  });
});
