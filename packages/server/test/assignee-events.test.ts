import { parseWith } from '@helpline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AssigneeEvent } from '../src/inbox/api/schemas.js';
import type { RunningServer } from '../src/index.js';
import { AgentClient, signedInDemoAgent } from './agent-client.js';
import { addAssignableAgents } from './assignable-agents.js';
import { SseClient } from './sse-client.js';
import { key, startTestServer, ticketInput, WidgetClient } from './test-server.js';

let server: RunningServer;
let sam: AgentClient;
let noor: AgentClient;
let noorId: string;
let samId: string;
beforeAll(async () => {
  server = await startTestServer();
  const agents = await addAssignableAgents(server, 'assignee-events');
  noorId = agents.noorId;
  sam = await signedInDemoAgent(server.url);
  samId = (await sam.call('GET', '/me')).body.agent.id;
  noor = new AgentClient(server.url);
  await noor.login(agents.noorEmail, 'noor-password-1');
});
afterAll(() => server?.close());

/** A visitor with their widget's stream open, and Noor's inbox stream: who hears what. */
async function listening(): Promise<{ visitor: WidgetClient; widget: SseClient; inbox: SseClient }> {
  const visitor = new WidgetClient(server.url);
  await visitor.session();
  const widget = await SseClient.open(`${server.url}/v1/events?token=${visitor.token}`);
  const inbox = await SseClient.open(`${server.url}/agent/api/events`, { Cookie: noor.cookie });
  return { visitor, widget, inbox };
}

/** Everything the widget received up to a `status` event of `conversationId`, as text. */
async function widgetHeardUntilStatus(widget: SseClient, conversationId: string): Promise<string> {
  await widget.nextWhere((data) => data.type === 'status' && data.conversationId === conversationId);
  return JSON.stringify(widget.received.map((event) => event.data));
}

describe('assignee events', () => {
  it("tell the other agents who now works a ticket, and never the visitor's widget", async () => {
    const { visitor, widget, inbox } = await listening();
    try {
      const created = await visitor.call(
        'POST',
        '/v1/tickets',
        ticketInput({ subject: 'Export stuck', description: 'The CSV never arrives', severity: 'P2' }),
      );
      const id = created.body.id;
      await sam.call('PUT', `/tickets/${id}/assignee`, { agentId: noorId });
      const assigned = await inbox.nextWhere((data) => data.type === 'assignee' && data.id === id);
      expect(assigned.data).toEqual({
        type: 'assignee',
        kind: 'ticket',
        id,
        assignee: { type: 'agent', id: noorId, name: 'Noor' },
        by: { type: 'agent', id: samId, name: 'Sam from Acme Support' },
      });
      await sam.call('PUT', `/tickets/${id}/assignee`, { agentId: null });
      const cleared = await inbox.nextWhere((data) => data.type === 'assignee' && data.id === id);
      expect(cleared.data).toMatchObject({ type: 'assignee', kind: 'ticket', id });
      expect(cleared.data.assignee).toBeUndefined();

      // The widget hears the ticket change itself, then a later conversation event marks the end.
      await widget.nextWhere((data) => data.type === 'ticket' && data.ticket.id === id);
      const started = await visitor.call('POST', '/v1/conversations', {
        body: 'And one more thing',
        attachmentIds: [],
        idempotencyKey: key(),
      });
      const conversationId = started.body.conversation.id;
      await sam.call('POST', `/conversations/${conversationId}/status`, { status: 'pending' });
      const heard = await widgetHeardUntilStatus(widget, conversationId);
      expect(heard).not.toContain('"assignee"');
      expect(heard).not.toContain(noorId);
      expect(heard).not.toContain('Noor');
    } finally {
      widget.close();
      inbox.close();
    }
  });

  it('tell the other agents when a conversation is given to someone, taken by the first reply or given up', async () => {
    const { visitor, widget, inbox } = await listening();
    try {
      const started = await visitor.call('POST', '/v1/conversations', {
        body: 'Anyone there?',
        attachmentIds: [],
        idempotencyKey: key(),
      });
      const id = started.body.conversation.id;
      // What the inbox reads: parsed with its own schema, so server and inbox agree on the shape.
      const owner = async () =>
        parseWith(
          AssigneeEvent,
          (await inbox.nextWhere((data) => data.type === 'assignee' && data.id === id)).data,
          'assignee event',
        );

      await sam.call('POST', `/conversations/${id}/messages`, { body: 'Sam here' });
      expect(await owner()).toMatchObject({
        kind: 'conversation',
        assignee: { id: samId, name: 'Sam from Acme Support' },
      });
      await sam.call('PUT', `/conversations/${id}/assignee`, { agentId: noorId });
      expect(await owner()).toMatchObject({ kind: 'conversation', assignee: { id: noorId, name: 'Noor' } });
      // An answer from someone else leaves the owner as it is: nothing to tell.
      await sam.call('POST', `/conversations/${id}/messages`, { body: 'Noor will take it from here' });
      await sam.call('PUT', `/conversations/${id}/assignee`, { agentId: null });
      const given = await owner();
      expect(given).toMatchObject({ kind: 'conversation', by: { id: samId } });
      expect(given.assignee).toBeUndefined();

      await sam.call('POST', `/conversations/${id}/status`, { status: 'pending' });
      const heard = await widgetHeardUntilStatus(widget, id);
      expect(heard).not.toContain('"type":"assignee"');
      expect(heard).not.toContain(noorId);
    } finally {
      widget.close();
      inbox.close();
    }
  });
});
