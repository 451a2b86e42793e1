import { describe, expect, it } from 'vitest';
import { createTestBackend, startClient } from './client-test-adapter.js';

async function withTicket(backend = createTestBackend()) {
  const harness = startClient({ user: { id: 'u-solve' } }, { backend });
  const ticket = await harness.client.tickets.create({
    subject: 'Cannot invite a teammate',
    description: 'The invite button does nothing',
    severity: 'P3',
    category: 'how_to',
    fields: { plan: 'pro' },
    includeContext: false,
  });
  return { ...harness, ticketId: ticket.id };
}

describe('the visitor marking a ticket solved', () => {
  it('solves it at the backend and in the list', async () => {
    const { client, backend, ticketId } = await withTicket();
    const solved = await client.tickets.solve(ticketId);
    expect(solved).toMatchObject({ id: ticketId, status: 'solved' });
    expect(backend.tickets.find((ticket) => ticket.id === ticketId)?.status).toBe('solved');
    expect(client.tickets.list.value.tickets.find((ticket) => ticket.id === ticketId)?.status).toBe('solved');
  });

  it('is refused, naming the capability, where the adapter cannot; a bad id is named', async () => {
    const { client, ticketId } = await withTicket(createTestBackend({ solveTicket: false }));
    expect(client.state.capabilities.value.solveTicket).toBe(false);
    await expect(client.tickets.solve(ticketId)).rejects.toMatchObject({ code: 'unsupported', field: 'solveTicket' });
    const other = await withTicket();
    await expect(other.client.tickets.solve('')).rejects.toMatchObject({ code: 'invalid_command', field: 'id' });
  });

  it('leaves the ticket as it was when the backend cannot be reached', async () => {
    const { client, backend, ticketId } = await withTicket();
    backend.offline = true;
    await expect(client.tickets.solve(ticketId)).rejects.toMatchObject({ code: 'network' });
    expect(client.tickets.list.value.tickets.find((ticket) => ticket.id === ticketId)?.status).toBe('new');
  });
});
