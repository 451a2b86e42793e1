import { describe, expect, it, vi } from 'vitest';
import { startClient } from './client-test-adapter.js';

const TICKET = {
  subject: 'Export fails',
  description: 'The CSV export spins forever',
  severity: 'P2',
  category: 'bug',
  fields: { plan: 'pro' },
  includeContext: false,
} as const;

async function openTicketThread() {
  const harness = startClient();
  const ticket = await harness.client.tickets.create(TICKET);
  const thread = harness.client.tickets.thread(ticket.id);
  await vi.waitFor(() => expect(thread.value.loading).toBe(false));
  const bodies = () => thread.value.messages.map((message) => message.body);
  return { ...harness, ticket, thread, bodies };
}

describe('a ticket thread', () => {
  it('shows the ticket and its replies, the user’s own reply and an agent’s reply arriving live', async () => {
    const { client, backend, ticket, thread, bodies } = await openTicketThread();
    expect(thread.value.messages).toEqual([]);
    await client.tickets.reply(ticket.id, 'It happens on Firefox too');
    backend.agentSays(ticket.id, 'Fixed in 2.4');
    expect(bodies()).toEqual(['It happens on Firefox too', 'Fixed in 2.4']);
  });

  it('reads its replies again when the live stream opens: an agent reply made before it opened shows', async () => {
    const { backend, ticket, bodies } = await openTicketThread();
    backend.agentSays(ticket.id, 'Replied while the stream was reconnecting', false);
    backend.streamStatus('reconnecting');
    expect(bodies()).toEqual([]);
    backend.streamStatus('connected');
    await vi.waitFor(() => expect(bodies()).toEqual(['Replied while the stream was reconnecting']));
  });

  it('reads its replies again when the stream opens while they are being read: that answer may predate a reply', async () => {
    const { client, backend } = startClient();
    const ticket = await client.tickets.create(TICKET);
    const read = backend.getTicket!.bind(backend);
    let answer = () => {};
    const answered = new Promise<void>((resolve) => {
      answer = resolve;
    });
    const asked: string[] = [];
    backend.getTicket = async (id) => {
      const thread = await read(id);
      asked.push(id);
      await answered;
      return thread;
    };
    const thread = client.tickets.thread(ticket.id);
    expect(thread.value.loading).toBe(true);
    await vi.waitFor(() => expect(asked).toHaveLength(1));
    backend.agentSays(ticket.id, 'Replied after the first read was answered', false);
    backend.streamStatus('connected');
    answer();
    await vi.waitFor(() =>
      expect(thread.value.messages.map((message) => message.body)).toEqual([
        'Replied after the first read was answered',
      ]),
    );
  });
});
