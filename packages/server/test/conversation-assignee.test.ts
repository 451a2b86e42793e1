import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/index.js';
import { AgentClient, signedInDemoAgent } from './agent-client.js';
import { addAssignableAgents } from './assignable-agents.js';
import { SseClient } from './sse-client.js';
import { key, startTestServer, WidgetClient } from './test-server.js';

let server: RunningServer;
let sam: AgentClient;
let noor: AgentClient;
let noorId: string;
let outsiderId: string;
beforeAll(async () => {
  server = await startTestServer();
  const agents = await addAssignableAgents(server, 'assignee');
  ({ noorId, outsiderId } = agents);
  sam = await signedInDemoAgent(server.url);
  noor = new AgentClient(server.url);
  await noor.login(agents.noorEmail, 'noor-password-1');
});
afterAll(() => server?.close());

async function newConversation(): Promise<string> {
  const visitor = new WidgetClient(server.url);
  await visitor.session();
  const started = await visitor.call('POST', '/v1/conversations', {
    body: 'Who is looking at this?',
    attachmentIds: [],
    idempotencyKey: key(),
  });
  return started.body.conversation.id;
}

describe('conversation assignee', () => {
  it('lists the workspace agents, and only them, to assign to', async () => {
    const agents = await sam.call('GET', '/agents');
    expect(agents.status).toBe(200);
    const names = (agents.body as { name: string }[]).map((agent) => agent.name);
    expect(names).toContain('Noor');
    expect(names).not.toContain('Olu');
  });

  it('assigns to a colleague, who then owns it even after another agent answers; unassigns', async () => {
    const id = await newConversation();
    const assigned = await sam.call('PUT', `/conversations/${id}/assignee`, { agentId: noorId });
    expect(assigned.status).toBe(200);
    expect(assigned.body.assignee).toMatchObject({ type: 'agent', id: noorId, name: 'Noor' });
    await sam.call('POST', `/conversations/${id}/messages`, { body: 'Noor will take it from here' });
    const thread = await noor.call('GET', `/conversations/${id}`);
    expect(thread.body.conversation.assignee).toMatchObject({ id: noorId });
    const queued = (await noor.call('GET', '/queue')).body.conversations.find(
      (item: { conversation: { id: string } }) => item.conversation.id === id,
    );
    expect(queued.conversation.assignee).toMatchObject({ id: noorId });

    const cleared = await noor.call('PUT', `/conversations/${id}/assignee`, { agentId: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.assignee).toBeUndefined();
  });

  it('tells the other agents when one is typing a reply, so two do not answer at once', async () => {
    const id = await newConversation();
    const stream = await SseClient.open(`${server.url}/agent/api/events`, { Cookie: noor.cookie });
    try {
      await sam.call('POST', `/conversations/${id}/typing`, { typing: true });
      const typing = await stream.nextWhere((data) => data.type === 'typing' && data.conversationId === id);
      expect(typing.data).toMatchObject({ typing: true, author: { type: 'agent', name: 'Sam from Acme Support' } });
    } finally {
      stream.close();
    }
  });

  it("refuses an agent of another workspace or nobody's id, naming agentId", async () => {
    const id = await newConversation();
    for (const agentId of [outsiderId, 'no-such-agent']) {
      const refused = await sam.call('PUT', `/conversations/${id}/assignee`, { agentId });
      expect(refused.status).toBe(400);
      expect(refused.body.error.field).toBe('agentId');
    }
    expect((await sam.call('PUT', `/conversations/${id}/assignee`, {})).status).toBe(400);
  });
});
