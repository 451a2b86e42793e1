import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/index.js';
import { type AgentClient, signedInDemoAgent } from './agent-client.js';
import { SseClient } from './sse-client.js';
import { key, startTestServer, WidgetClient } from './test-server.js';

let server: RunningServer;
let agent: AgentClient;
let agentStream: SseClient;
beforeAll(async () => {
  server = await startTestServer();
  agent = await signedInDemoAgent(server.url);
  agentStream = await SseClient.open(`${server.url}/agent/api/events`, { Cookie: agent.cookie });
});
afterAll(async () => {
  agentStream?.close();
  await server?.close();
});

const snapshot = (path: string) => ({
  capturedAt: new Date().toISOString(),
  page: { url: path ? `https://app.test${path}` : '', path, title: path ? 'Billing' : '' },
});

/** A visitor with one conversation, started with diagnostics (a page in its snapshot) or without. */
async function visitorWithChat(shared: boolean) {
  const visitor = new WidgetClient(server.url);
  await visitor.session();
  const started = await visitor.call('POST', '/v1/conversations', {
    body: 'Where is my invoice?',
    attachmentIds: [],
    idempotencyKey: key(),
    context: snapshot(shared ? '/billing' : ''),
  });
  return { visitor, conversationId: started.body.conversation.id as string };
}

const pageEvents = () => agentStream.received.filter((event) => event.data?.type === 'page');

describe('the page a visitor is on, while a chat they shared their context with is open', () => {
  it('reaches the agents, redacted, and the conversation keeps it; the visitor is told the chat shares it', async () => {
    const { visitor, conversationId } = await visitorWithChat(true);
    const own = await SseClient.open(`${server.url}/v1/events?token=${visitor.token}`);
    const list = await visitor.call('GET', '/v1/conversations');
    expect(list.body[0]).toMatchObject({ id: conversationId, livePage: true });

    const sent = await visitor.call('POST', '/v1/page', { path: '/settings?token=abc123&tab=2', title: 'Settings' });
    expect(sent.status).toBe(204);
    const event = await agentStream.nextWhere((data) => data.type === 'page' && data.page.title === 'Settings');
    expect(event.data.page).toMatchObject({ path: '/settings?token=[redacted]&tab=2', title: 'Settings' });
    const thread = await agent.call('GET', `/conversations/${conversationId}`);
    expect(thread.body.visitorPage).toMatchObject({ path: '/settings?token=[redacted]&tab=2', title: 'Settings' });
    expect(event.data.visitorId).toBe(thread.body.visitor.id);
    expect(Date.parse(thread.body.visitorPage.at)).toBeGreaterThan(Date.now() - 60_000);

    // Visitors never receive anyone's page, their own included (the reply after it is the marker).
    await agent.call('POST', `/conversations/${conversationId}/messages`, { body: 'I see you are in settings' });
    await own.nextWhere((data) => data.type === 'message' && data.message.body === 'I see you are in settings');
    expect(own.received.some((e) => e.data?.type === 'page')).toBe(false);
    own.close();

    // Resolved: nothing more is taken.
    await agent.call('POST', `/conversations/${conversationId}/status`, { status: 'resolved' });
    await visitor.call('POST', '/v1/page', { path: '/dashboard', title: 'Dashboard' });
    const after = await agent.call('GET', `/conversations/${conversationId}`);
    expect(after.body.visitorPage.path).toBe('/settings?token=[redacted]&tab=2');
  });

  it('is dropped when the visitor unticked diagnostics, or has no open conversation', async () => {
    const before = pageEvents().length;
    const { visitor, conversationId } = await visitorWithChat(false);
    const list = await visitor.call('GET', '/v1/conversations');
    expect(list.body[0].livePage).toBeUndefined();
    expect((await visitor.call('POST', '/v1/page', { path: '/secret-project', title: 'Secret' })).status).toBe(204);
    const thread = await agent.call('GET', `/conversations/${conversationId}`);
    expect(thread.body.visitorPage).toBeUndefined();

    const lone = new WidgetClient(server.url);
    await lone.session();
    expect((await lone.call('POST', '/v1/page', { path: '/alone', title: 'Alone' })).status).toBe(204);
    // A later event proves the stream has caught up: neither page came through.
    const { visitor: third } = await visitorWithChat(true);
    await third.call('POST', '/v1/page', { path: '/marker', title: 'Marker' });
    await agentStream.nextWhere((data) => data.type === 'page' && data.page.path === '/marker');
    expect(
      pageEvents()
        .slice(before)
        .map((event) => event.data.page.path),
    ).toEqual(['/marker']);
  });

  it('names what is wrong in a bad page and needs a session', async () => {
    const { visitor } = await visitorWithChat(true);
    const long = await visitor.call('POST', '/v1/page', { path: `/${'x'.repeat(2000)}`, title: 'Long' });
    expect(long.status).toBe(400);
    expect(long.body.error.field).toBe('path');
    const untitled = await visitor.call('POST', '/v1/page', { path: '/a' });
    expect(untitled.body.error.field).toBe('title');
    const anonymous = await fetch(`${server.url}/v1/page`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ path: '/a', title: 'A' }),
    });
    expect(anonymous.status).toBe(401);
  });
});
