import { Attachment, Conversation, Message, parseWith } from '@helpline/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AgentList,
  Analytics,
  ArticleSource,
  ArticleSummaries,
  AssignedTicket,
  ConversationThread,
  Preview,
  Queue,
  Session,
  TicketDetail,
} from '../src/inbox/api/schemas.js';
import { DEMO_AGENT_EMAIL, type RunningServer } from '../src/index.js';
import { AgentClient } from './agent-client.js';
import { AGENT_PASSWORD, key, startTestServer, WidgetClient } from './test-server.js';

// The inbox page parses every agent API response with its own schemas: this pins the two together.
let server: RunningServer;
let agent: AgentClient;
let conversationId: string;
let ticketId: string;
beforeAll(async () => {
  server = await startTestServer();
  agent = new AgentClient(server.url);
  const visitor = new WidgetClient(server.url);
  await visitor.session({ user: { id: 'contract-user', name: 'Noor' } });
  const context = {
    capturedAt: new Date().toISOString(),
    page: { url: 'https://app.test/payments', path: '/payments', title: 'Payments' },
    account: { id: 'acme', plan: 'enterprise' },
  };
  conversationId = (
    await visitor.call('POST', '/v1/conversations', {
      body: 'Payment failed',
      attachmentIds: [],
      idempotencyKey: key(),
      context,
    })
  ).body.conversation.id;
  ticketId = (
    await visitor.call('POST', '/v1/tickets', {
      subject: 'Payment failed again',
      description: 'Card declined',
      severity: 'P1',
      category: 'billing_access',
      fields: { affected_area: 'payments', invoice_number: 'INV-9' },
      attachmentIds: [],
      idempotencyKey: key(),
      context,
    })
  ).body.id;
});
afterAll(() => server?.close());

describe('agent API responses match what the inbox page parses', () => {
  it('sign-in, queue, conversation and ticket', async () => {
    parseWith(Session, (await agent.login(DEMO_AGENT_EMAIL, AGENT_PASSWORD)).body, 'login');
    await agent.call('POST', `/conversations/${conversationId}/messages`, { body: 'Looking into it' });
    await agent.call('PATCH', `/tickets/${ticketId}`, { status: 'pending' });
    const queue = parseWith(Queue, (await agent.call('GET', '/queue')).body, 'queue');
    expect(queue.tickets.map((item) => item.ticket.id)).toContain(ticketId);
    parseWith(ConversationThread, (await agent.call('GET', `/conversations/${conversationId}`)).body, 'conversation');
    parseWith(AgentList, (await agent.call('GET', '/agents')).body, 'agents');
    parseWith(
      Conversation,
      (await agent.call('PUT', `/conversations/${conversationId}/assignee`, { agentId: null })).body,
      'assignee',
    );
    const me = parseWith(Session, (await agent.call('GET', '/me')).body, 'me').agent;
    const assigned = parseWith(
      AssignedTicket,
      (await agent.call('PUT', `/tickets/${ticketId}/assignee`, { agentId: me.id })).body,
      'ticket assignee',
    );
    expect(assigned.assignee?.id).toBe(me.id);
    const ticket = parseWith(TicketDetail, (await agent.call('GET', `/tickets/${ticketId}`)).body, 'ticket');
    expect(ticket.history.length).toBe(3);
    expect(ticket.assignee?.id).toBe(me.id);
    const file = parseWith(
      Attachment,
      (await agent.upload(new TextEncoder().encode('steps\n'), { 'X-Filename': 'steps.txt' })).body,
      'upload',
    );
    const reply = parseWith(
      Message,
      (await agent.call('POST', `/tickets/${ticketId}/replies`, { body: '', attachmentIds: [file.id] })).body,
      'reply',
    );
    expect(reply.attachments.map((attachment) => attachment.id)).toEqual([file.id]);
  });

  it('knowledge base and analytics', async () => {
    const articles = parseWith(ArticleSummaries, (await agent.call('GET', '/kb/articles')).body, 'articles');
    expect(articles.length).toBeGreaterThan(0);
    parseWith(ArticleSource, (await agent.call('GET', `/kb/articles/${articles[0]?.id}`)).body, 'article');
    parseWith(Preview, (await agent.call('POST', '/kb/preview', { markdown: '# Hi' })).body, 'preview');
    parseWith(Analytics, (await agent.call('GET', '/analytics?days=30')).body, 'analytics');
  });
});
