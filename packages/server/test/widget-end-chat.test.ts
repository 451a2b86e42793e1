import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/index.js';
import { type AgentClient, signedInDemoAgent } from './agent-client.js';
import { SseClient } from './sse-client.js';
import { key, startTestServer, WidgetClient } from './test-server.js';

let server: RunningServer;
let visitor: WidgetClient;
let agent: AgentClient;
beforeAll(async () => {
  server = await startTestServer();
  visitor = new WidgetClient(server.url);
  await visitor.session({ user: { id: 'u-end', name: 'Lin' } });
  agent = await signedInDemoAgent(server.url);
});
afterAll(() => server?.close());

const start = async (body: string) =>
  (await visitor.call('POST', '/v1/conversations', { body, attachmentIds: [], idempotencyKey: key() })).body
    .conversation.id as string;

describe('the visitor ends a chat (POST /v1/conversations/:id/resolve)', () => {
  it('resolves it, tells the visitor and the agents it was the visitor, and a new message opens it again', async () => {
    const id = await start('Found it, thanks');
    const widgetStream = await SseClient.open(`${server.url}/v1/events?token=${visitor.token}`);
    const inboxStream = await SseClient.open(`${server.url}/agent/api/events`, { Cookie: agent.cookie });

    const ended = await visitor.call('POST', `/v1/conversations/${id}/resolve`, {});
    expect(ended.status).toBe(200);
    expect(ended.body).toMatchObject({ id, status: 'resolved' });
    const isEnd = (data: { type?: string; conversationId?: string }) =>
      data.type === 'status' && data.conversationId === id;
    expect((await widgetStream.nextWhere(isEnd)).data).toMatchObject({ status: 'resolved', by: 'user' });
    expect((await inboxStream.nextWhere(isEnd)).data).toMatchObject({ status: 'resolved', by: 'user' });
    const seen = await agent.call('GET', `/conversations/${id}`);
    expect(seen.body.conversation.status).toBe('resolved');

    // Ending it again (a retry after a lost answer) changes nothing and says nothing.
    const again = await visitor.call('POST', `/v1/conversations/${id}/resolve`, {});
    expect(again.body).toMatchObject({ id, status: 'resolved' });

    await visitor.call('POST', `/v1/conversations/${id}/messages`, {
      body: 'One more question',
      idempotencyKey: key(),
    });
    const reopened = await widgetStream.nextWhere(isEnd);
    expect(reopened.data).toMatchObject({ status: 'open' });
    expect(reopened.data.by).toBeUndefined();
    expect(widgetStream.received.filter((event) => isEnd(event.data))).toHaveLength(2);
    widgetStream.close();
    inboxStream.close();
  });

  it("cannot end another visitor's conversation, nor one that does not exist: 404 either way", async () => {
    const id = await start('Mine to end');
    const other = new WidgetClient(server.url);
    await other.session();
    const theirs = await other.call('POST', `/v1/conversations/${id}/resolve`, {});
    expect(theirs.status).toBe(404);
    expect(theirs.body.error.code).toBe('not_found');
    expect((await agent.call('GET', `/conversations/${id}`)).body.conversation.status).toBe('open');
    expect((await visitor.call('POST', '/v1/conversations/nope/resolve', {})).status).toBe(404);
  });

  it('needs a session', async () => {
    const id = await start('Anonymous end');
    const response = await fetch(`${server.url}/v1/conversations/${id}/resolve`, { method: 'POST' });
    expect(response.status).toBe(401);
  });
});
