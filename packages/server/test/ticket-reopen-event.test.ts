import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/index.js';
import { type AgentClient, signedInDemoAgent } from './agent-client.js';
import { SseClient } from './sse-client.js';
import { key, startTestServer, ticketInput, WidgetClient } from './test-server.js';

let server: RunningServer;
let sam: AgentClient;
beforeAll(async () => {
  server = await startTestServer();
  sam = await signedInDemoAgent(server.url);
});
afterAll(() => server?.close());

describe('a visitor reopening a ticket', () => {
  it('tells the agents, so one with the ticket open sees it open again', async () => {
    const visitor = new WidgetClient(server.url);
    await visitor.session();
    const created = await visitor.call(
      'POST',
      '/v1/tickets',
      ticketInput({ subject: 'Still broken', description: 'It came back', severity: 'P2' }),
    );
    const id = created.body.id;
    await sam.call('PATCH', `/tickets/${id}`, { status: 'solved' });
    const stream = await SseClient.open(`${server.url}/agent/api/events`, { Cookie: sam.cookie });
    try {
      const reply = { body: 'Not fixed for me', attachmentIds: [], idempotencyKey: key() };
      expect((await visitor.call('POST', `/v1/tickets/${id}/replies`, reply)).status).toBe(201);
      const reopened = await stream.nextWhere((data) => data.type === 'ticket' && data.ticket.id === id);
      expect(reopened.data.ticket.status).toBe('open');
    } finally {
      stream.close();
    }
  });
});
