import { describe, expect, it } from 'vitest';
import { createTestBackend, startWithTicket } from './client-test-adapter.js';

describe('the visitor marking a ticket solved', () => {
  it('solves it at the backend and in the list', async () => {
    const { client, backend, ticketId } = await startWithTicket();
    const solved = await client.tickets.solve(ticketId);
    expect(solved).toMatchObject({ id: ticketId, status: 'solved' });
    expect(backend.tickets.find((ticket) => ticket.id === ticketId)?.status).toBe('solved');
    expect(client.tickets.list.value.tickets.find((ticket) => ticket.id === ticketId)?.status).toBe('solved');
  });

  it('is refused, naming the capability, where the adapter cannot; a bad id is named', async () => {
    const { client, ticketId } = await startWithTicket(createTestBackend({ solveTicket: false }));
    expect(client.state.capabilities.value.solveTicket).toBe(false);
    await expect(client.tickets.solve(ticketId)).rejects.toMatchObject({ code: 'unsupported', field: 'solveTicket' });
    const other = await startWithTicket();
    await expect(other.client.tickets.solve('')).rejects.toMatchObject({ code: 'invalid_command', field: 'id' });
  });

  it('leaves the ticket as it was when the backend cannot be reached', async () => {
    const { client, backend, ticketId } = await startWithTicket();
    backend.offline = true;
    await expect(client.tickets.solve(ticketId)).rejects.toMatchObject({ code: 'network' });
    expect(client.tickets.list.value.tickets.find((ticket) => ticket.id === ticketId)?.status).toBe('new');
  });
});
