import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/index.js';
import { type AgentClient, signedInDemoAgent } from './agent-client.js';
import { SseClient } from './sse-client.js';
import { hmac, key, startTestServer, WidgetClient } from './test-server.js';

let server: RunningServer;
let agent: AgentClient;
beforeAll(async () => {
  server = await startTestServer();
  agent = await signedInDemoAgent(server.url);
});
afterAll(async () => {
  await server?.close();
});

/** An anonymous visitor with one chat. */
async function anonymousWithChat(body = 'Where is my invoice?') {
  const visitor = new WidgetClient(server.url);
  await visitor.session();
  const started = await visitor.call('POST', '/v1/conversations', { body, attachmentIds: [], idempotencyKey: key() });
  return { visitor, conversationId: started.body.conversation.id as string };
}

describe('the email a visitor gives for replies (POST /v1/contact)', () => {
  it('is kept for agents apart from the host-named email, marked unverified, its typed text masked', async () => {
    const { visitor, conversationId } = await anonymousWithChat();
    const saved = await visitor.call('POST', '/v1/contact', {
      email: '  ada.visitor@example.com ',
      name: 'Ada 4242 4242 4242 4242',
    });
    expect(saved.status).toBe(204);
    const thread = await agent.call('GET', `/conversations/${conversationId}`);
    expect(thread.body.visitor).toMatchObject({
      verified: false,
      contact: { email: 'ada.visitor@example.com', name: 'Ada [card]' },
    });
    expect(thread.body.visitor.email).toBeUndefined();
    expect(Date.parse(thread.body.visitor.contact.at)).toBeGreaterThan(Date.now() - 60_000);

    // A newer one replaces it; the queue shows it with the visitor too.
    await visitor.call('POST', '/v1/contact', { email: 'ada@example.org' });
    const queue = await agent.call('GET', '/queue');
    const item = queue.body.conversations.find(
      (entry: { conversation: { id: string } }) => entry.conversation.id === conversationId,
    );
    expect(item.visitor.contact).toMatchObject({ email: 'ada@example.org' });
    expect(item.visitor.contact.name).toBeUndefined();
  });

  it('reaches the agents’ stream at once, masked, and never a visitor’s stream', async () => {
    const { visitor, conversationId } = await anonymousWithChat('Email me please');
    const thread = await agent.call('GET', `/conversations/${conversationId}`);
    const inbox = await SseClient.open(`${server.url}/agent/api/events`, { Cookie: agent.cookie });
    const own = await SseClient.open(`${server.url}/v1/events?token=${visitor.token}`);
    await visitor.call('POST', '/v1/contact', { email: 'lin@example.com', name: 'Lin 4242 4242 4242 4242' });
    const event = await inbox.nextWhere((data) => data.type === 'contact' && data.visitorId === thread.body.visitor.id);
    expect(event.data.contact).toMatchObject({ email: 'lin@example.com', name: 'Lin [card]' });
    await visitor.call('POST', `/v1/conversations/${conversationId}/read`, {});
    await inbox.nextWhere((data) => data.type === 'read' && data.conversationId === conversationId);
    expect(own.received.some((received) => received.data?.type === 'contact')).toBe(false);
    inbox.close();
    own.close();
  });

  it('opens nobody’s history: another visitor giving the same email, or a user the host names with it, sees only their own', async () => {
    const first = await anonymousWithChat('First visitor’s private question');
    await first.visitor.call('POST', '/v1/contact', { email: 'shared@example.com' });

    const second = await anonymousWithChat('Second visitor');
    await second.visitor.call('POST', '/v1/contact', { email: 'shared@example.com' });
    const seen = await second.visitor.call('GET', '/v1/conversations');
    expect(seen.body.map((c: { id: string }) => c.id)).toEqual([second.conversationId]);

    const userId = `contact-user-${key()}`;
    const user = new WidgetClient(server.url);
    await user.session({ user: { id: userId, email: 'shared@example.com' }, verification: { userHash: hmac(userId) } });
    expect((await user.call('GET', '/v1/conversations')).body).toEqual([]);
    expect((await user.call('GET', '/v1/me/export')).body.conversations).toEqual([]);

    // The first visitor's conversation still belongs to them alone.
    const thread = await agent.call('GET', `/conversations/${first.conversationId}`);
    expect(thread.body.visitor).toMatchObject({ verified: false, contact: { email: 'shared@example.com' } });
  });

  it('is in the visitor’s export and erased with the visitor', async () => {
    const { visitor, conversationId } = await anonymousWithChat();
    const email = `erase-${key()}@example.com`;
    await visitor.call('POST', '/v1/contact', { email });
    const exported = await visitor.call('GET', '/v1/me/export');
    expect(exported.body.visitor.contact).toMatchObject({ email });
    expect(exported.body.visitor.email).toBeNull();

    expect((await visitor.call('DELETE', '/v1/me')).status).toBe(204);
    expect((await agent.call('GET', `/conversations/${conversationId}`)).status).toBe(404);
    const left = await server.db.query('select id from visitors where contact::text like $1', [`%${email}%`]);
    expect(left).toEqual([]);
  });

  it('names what is wrong and needs a session', async () => {
    const { visitor } = await anonymousWithChat();
    const notEmail = await visitor.call('POST', '/v1/contact', { email: 'ada at example' });
    expect(notEmail.status).toBe(400);
    expect(notEmail.body.error.field).toBe('email');
    expect(notEmail.body.error.message).toMatch(/email/);
    const long = await visitor.call('POST', '/v1/contact', { email: `${'a'.repeat(250)}@example.com` });
    expect(long.body.error.field).toBe('email');
    const blankName = await visitor.call('POST', '/v1/contact', { email: 'ada@example.com', name: ' ' });
    expect(blankName.body.error.field).toBe('name');
    const missing = await visitor.call('POST', '/v1/contact', {});
    expect(missing.body.error.field).toBe('email');
    const anonymous = await fetch(`${server.url}/v1/contact`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'ada@example.com' }),
    });
    expect(anonymous.status).toBe(401);
  });
});
