import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/index.js';
import { hmac, key, startTestServer, WidgetClient } from './test-server.js';

// The widget's outbox sends an item again with its key when the answer was lost. Which session may
// carry it across a sign-in is decided by these server facts (docs/api.md, Outbox).
let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

const ticket = (idempotencyKey: string) => ({
  subject: 'Exports fail',
  description: 'Since Monday.',
  severity: 'P2',
  category: 'bug',
  fields: { affected_area: 'invoices' },
  attachmentIds: [],
  idempotencyKey,
});

/** A browser's anonymous visitor writes a conversation, a reply and a ticket, then its user signs in. */
async function writtenBeforeSignIn() {
  const visitorId = `sign-in-${Math.random().toString(36).slice(2, 10)}`;
  const userId = `user-${visitorId}`;
  const browser = new WidgetClient(server.url);
  await browser.session({ visitorId });
  const keys = { conversation: key(), message: key(), ticket: key() };
  const started = await browser.call('POST', '/v1/conversations', {
    body: 'Asked before signing in',
    attachmentIds: [],
    idempotencyKey: keys.conversation,
  });
  const conversationId: string = started.body.conversation.id;
  const reply = await browser.call('POST', `/v1/conversations/${conversationId}/messages`, {
    body: 'And one more thing',
    attachmentIds: [],
    idempotencyKey: keys.message,
  });
  const created = await browser.call('POST', '/v1/tickets', ticket(keys.ticket));
  expect([started.status, reply.status, created.status]).toEqual([201, 201, 201]);
  const signedIn = await browser.session({ visitorId, user: { id: userId }, verification: { userHash: hmac(userId) } });
  expect(signedIn.body.verified).toBe(true);
  return { browser, visitorId, keys, conversationId, messageId: reply.body.id, ticketId: created.body.id };
}

describe('idempotency keys across a sign-in', () => {
  it('answers a write sent again by the signed-in user with the original when their anonymous visitor made it', async () => {
    const { browser, keys, conversationId, messageId, ticketId } = await writtenBeforeSignIn();
    const again = await browser.call('POST', '/v1/conversations', {
      body: 'Asked before signing in',
      attachmentIds: [],
      idempotencyKey: keys.conversation,
    });
    expect(again.status).toBe(200);
    expect(again.body.conversation.id).toBe(conversationId);
    const reply = await browser.call('POST', `/v1/conversations/${conversationId}/messages`, {
      body: 'And one more thing',
      attachmentIds: [],
      idempotencyKey: keys.message,
    });
    expect([reply.status, reply.body.id]).toEqual([200, messageId]);
    const created = await browser.call('POST', '/v1/tickets', ticket(keys.ticket));
    expect([created.status, created.body.id]).toEqual([200, ticketId]);
    const thread = await browser.call('GET', `/v1/conversations/${conversationId}/messages`);
    expect(thread.body.messages.map((message: { body: string }) => message.body)).toEqual([
      'Asked before signing in',
      'And one more thing',
    ]);
  });

  it("refuses those keys to the browser's next anonymous session: a new visitor, not the user", async () => {
    const { visitorId, keys, conversationId } = await writtenBeforeSignIn();
    const anonymous = new WidgetClient(server.url);
    await anonymous.session({ visitorId });
    const again = await anonymous.call('POST', '/v1/conversations', {
      body: 'Asked before signing in',
      attachmentIds: [],
      idempotencyKey: keys.conversation,
    });
    expect(again.status).toBe(409);
    expect(JSON.stringify(again.body)).not.toContain(conversationId);
    const reply = await anonymous.call('POST', `/v1/conversations/${conversationId}/messages`, {
      body: 'And one more thing',
      attachmentIds: [],
      idempotencyKey: keys.message,
    });
    expect(reply.status).toBe(404);
    expect((await anonymous.call('POST', '/v1/tickets', ticket(keys.ticket))).status).toBe(409);
    expect((await anonymous.call('GET', '/v1/conversations')).body).toEqual([]);
  });
});
