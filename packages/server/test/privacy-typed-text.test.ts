import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/index.js';
import { type AgentClient, signedInDemoAgent } from './agent-client.js';
import { key, startTestServer, WidgetClient } from './test-server.js';

// A client that is not the widget (nothing masked in the page) calls the API directly.
const CARD = '4242 4242 4242 4242';
const TOKEN = 'Bearer 9f8e7d6c5b4a3210';

let server: RunningServer;
let agent: AgentClient;
let visitor: WidgetClient;
beforeAll(async () => {
  server = await startTestServer();
  agent = await signedInDemoAgent(server.url);
  visitor = new WidgetClient(server.url);
  await visitor.session({ user: { id: 'typed-text-user', name: 'Noor' } });
});
afterAll(() => server?.close());

describe('what a visitor typed is masked before the server stores it', () => {
  it('masks card numbers and tokens in chat messages, the context and the rating comment', async () => {
    const started = await visitor.call('POST', '/v1/conversations', {
      body: `I paid with ${CARD}`,
      attachmentIds: [],
      idempotencyKey: key(),
      context: {
        capturedAt: new Date().toISOString(),
        page: { url: 'https://app.test/pay?token=abc123', path: '/pay?token=abc123', title: 'Pay' },
        breadcrumbs: [{ type: 'console', level: 'error', message: `declined ${CARD}`, at: new Date().toISOString() }],
      },
    });
    expect(started.status).toBe(201);
    expect(started.body.message.body).toBe('I paid with [card]');
    const id = started.body.conversation.id;
    const next = await visitor.call('POST', `/v1/conversations/${id}/messages`, {
      body: `header was ${TOKEN}`,
      attachmentIds: [],
      idempotencyKey: key(),
    });
    expect(next.body.body).toBe('header was Bearer [redacted]');
    await visitor.call('POST', `/v1/conversations/${id}/csat`, {
      score: 2,
      comment: `refund ${CARD}`,
      idempotencyKey: key(),
    });

    const thread = await agent.call('GET', `/conversations/${id}`);
    expect(thread.body.messages.map((m: { body: string }) => m.body)).toEqual([
      'I paid with [card]',
      'header was Bearer [redacted]',
    ]);
    expect(thread.body.conversation.subject).toBe('I paid with [card]');
    expect(thread.body.conversation.csat).toEqual({ score: 2, comment: 'refund [card]' });
    expect(thread.body.context.page.path).toBe('/pay?token=[redacted]');
    expect(JSON.stringify(thread.body)).not.toContain('4242');
  });

  it('masks the ticket subject, description, text fields and replies, and keeps emails', async () => {
    const created = await visitor.call('POST', '/v1/tickets', {
      subject: `Charged twice on ${CARD}`,
      description: `Write to noor@example.com, card ${CARD}`,
      severity: 'P2',
      category: 'billing_access',
      fields: { affected_area: 'invoices', invoice_number: '4111111111111111' },
      attachmentIds: [],
      idempotencyKey: key(),
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    await visitor.call('POST', `/v1/tickets/${id}/replies`, {
      body: `also ${CARD}`,
      attachmentIds: [],
      idempotencyKey: key(),
    });
    const detail = await agent.call('GET', `/tickets/${id}`);
    expect(detail.body.ticket).toMatchObject({
      subject: 'Charged twice on [card]',
      description: 'Write to noor@example.com, card [card]',
      fields: { affected_area: 'invoices', invoice_number: '[card]' },
    });
    expect(detail.body.messages.map((m: { body: string }) => m.body)).toEqual(['also [card]']);
  });

  it('masks questions and search terms kept for analytics', async () => {
    await visitor.call('POST', '/v1/answers', { question: `why was ${CARD} declined` });
    await visitor.call('POST', '/v1/analytics', { type: 'search', query: `refund ${CARD}`, path: '/billing' });
    const questions = await server.db.query<{ question: string }>('select question from answers');
    const queries = await server.db.query<{ query: string }>(
      "select query from analytics_events where type = 'search'",
    );
    expect(questions.map((row) => row.question)).toContain('why was [card] declined');
    expect(queries.map((row) => row.query)).toContain('refund [card]');
    expect(JSON.stringify([questions, queries])).not.toContain('4242');
  });
});
