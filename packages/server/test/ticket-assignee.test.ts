import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/index.js';
import { type AgentClient, signedInDemoAgent } from './agent-client.js';
import { addAssignableAgents } from './assignable-agents.js';
import { startTestServer, ticketInput, WidgetClient } from './test-server.js';

let server: RunningServer;
let sam: AgentClient;
let noorId: string;
let outsiderId: string;
beforeAll(async () => {
  server = await startTestServer();
  ({ noorId, outsiderId } = await addAssignableAgents(server, 'ticket-assignee'));
  sam = await signedInDemoAgent(server.url);
});
afterAll(() => server?.close());

async function newTicket(): Promise<string> {
  const visitor = new WidgetClient(server.url);
  await visitor.session();
  const created = await visitor.call(
    'POST',
    '/v1/tickets',
    ticketInput({ subject: 'Who owns this?', description: 'Nobody yet', severity: 'P2', category: 'how_to' }),
  );
  return created.body.id;
}

const queueRow = async (id: string) =>
  (await sam.call('GET', '/queue')).body.tickets.find((item: { ticket: { id: string } }) => item.ticket.id === id);

describe('ticket assignee', () => {
  it('assigns a ticket to a colleague, shows it in the thread, the queue row and the history; unassigns', async () => {
    const id = await newTicket();
    expect((await queueRow(id)).assignee).toBeUndefined();
    const assigned = await sam.call('PUT', `/tickets/${id}/assignee`, { agentId: noorId });
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ ticket: { id }, assignee: { type: 'agent', id: noorId, name: 'Noor' } });
    const thread = await sam.call('GET', `/tickets/${id}`);
    expect(thread.body.assignee).toMatchObject({ id: noorId, name: 'Noor' });
    expect(thread.body.history.at(-1)).toMatchObject({ field: 'assignee', from: null, to: 'Noor' });
    expect((await queueRow(id)).assignee).toMatchObject({ id: noorId, name: 'Noor' });

    const cleared = await sam.call('PUT', `/tickets/${id}/assignee`, { agentId: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.assignee).toBeUndefined();
    expect((await queueRow(id)).assignee).toBeUndefined();
    const history = (await sam.call('GET', `/tickets/${id}`)).body.history;
    expect(history.at(-1)).toMatchObject({ field: 'assignee', from: 'Noor', to: null });
    // Setting the same owner again changes nothing, so it writes no history.
    await sam.call('PUT', `/tickets/${id}/assignee`, { agentId: null });
    expect((await sam.call('GET', `/tickets/${id}`)).body.history).toHaveLength(history.length);
  });

  it("refuses an agent of another workspace, nobody's id and a malformed body, naming agentId", async () => {
    const id = await newTicket();
    for (const body of [{ agentId: outsiderId }, { agentId: 'no-such-agent' }, {}, { agentId: 7 }]) {
      const refused = await sam.call('PUT', `/tickets/${id}/assignee`, body);
      expect(refused.status).toBe(400);
      expect(refused.body.error.field).toBe('agentId');
    }
    expect((await sam.call('GET', `/tickets/${id}`)).body.assignee).toBeUndefined();
  });

  it('answers 404 for a ticket that does not exist here', async () => {
    const missing = await sam.call('PUT', '/tickets/no-such-ticket/assignee', { agentId: null });
    expect(missing.status).toBe(404);
  });
});
