import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../src/db/migrations.js';
import { createAgent, createWorkspace, DEMO_AGENT_EMAIL, migrate, type RunningServer } from '../src/index.js';
import { AgentClient } from './agent-client.js';
import { AGENT_PASSWORD, key, startTestServer, WidgetClient } from './test-server.js';

let server: RunningServer;
let demoAgent: AgentClient;
let otherAgent: AgentClient;
const OTHER_KEY = 'other-public-key';

beforeAll(async () => {
  server = await startTestServer();
  const other = await createWorkspace(server.db, { name: 'Other Co', publicKey: OTHER_KEY });
  await createAgent(server.db, {
    workspaceId: other.id,
    email: 'agent@other.test',
    name: 'Olu',
    password: 'other-password-1',
  });
  demoAgent = new AgentClient(server.url);
  await demoAgent.login(DEMO_AGENT_EMAIL, AGENT_PASSWORD);
  otherAgent = new AgentClient(server.url);
  await otherAgent.login('agent@other.test', 'other-password-1');
});
afterAll(() => server?.close());

const ticketBody = (extra: Record<string, unknown> = {}) => ({
  subject: 'Help needed here',
  description: '',
  severity: 'P1',
  category: 'bug',
  fields: {},
  attachmentIds: [],
  idempotencyKey: key(),
  ...extra,
});

describe('tenant isolation', () => {
  it('keeps every read and write inside its workspace', async () => {
    const demoVisitor = new WidgetClient(server.url);
    await demoVisitor.session();
    const conversation = await demoVisitor.call('POST', '/v1/conversations', {
      body: 'private',
      attachmentIds: [],
      idempotencyKey: key(),
    });
    const ticket = await demoVisitor.call('POST', '/v1/tickets', ticketBody({ fields: { affected_area: 'other' } }));
    const article = (await demoVisitor.call('GET', '/v1/kb/search?q=refund')).body[0];
    const conversationId = conversation.body.conversation.id;

    const otherVisitor = new WidgetClient(server.url, OTHER_KEY);
    await otherVisitor.session();
    expect((await otherVisitor.call('GET', `/v1/conversations/${conversationId}/messages`)).status).toBe(404);
    expect(
      (
        await otherVisitor.call('POST', `/v1/conversations/${conversationId}/messages`, {
          body: 'hi',
          idempotencyKey: key(),
        })
      ).status,
    ).toBe(404);
    expect((await otherVisitor.call('GET', `/v1/tickets/${ticket.body.id}`)).status).toBe(404);
    expect((await otherVisitor.call('GET', `/v1/kb/articles/${article.id}`)).status).toBe(404);
    expect((await otherVisitor.call('GET', '/v1/kb/search?q=refund')).body).toEqual([]);
    expect((await otherVisitor.call('GET', '/v1/conversations')).body).toEqual([]);
    // The demo visitor's token is not valid with the other workspace's key.
    const crossed = new WidgetClient(server.url, OTHER_KEY);
    crossed.token = demoVisitor.token;
    expect((await crossed.call('GET', '/v1/conversations')).status).toBe(401);

    expect((await otherAgent.call('GET', `/conversations/${conversationId}`)).status).toBe(404);
    expect((await otherAgent.call('POST', `/conversations/${conversationId}/messages`, { body: 'x' })).status).toBe(
      404,
    );
    expect((await otherAgent.call('GET', `/tickets/${ticket.body.id}`)).status).toBe(404);
    expect((await otherAgent.call('PATCH', `/tickets/${ticket.body.id}`, { status: 'closed' })).status).toBe(404);
    expect((await otherAgent.call('GET', `/kb/articles/${article.id}`)).status).toBe(404);
    expect((await otherAgent.call('DELETE', `/kb/articles/${article.id}`)).status).toBe(404);
    const otherQueue = await otherAgent.call('GET', '/queue');
    expect(otherQueue.body).toEqual({ conversations: [], tickets: [] });
    expect((await demoAgent.call('GET', `/tickets/${ticket.body.id}`)).body.ticket.status).toBe('new');
    const visitorId = (await demoAgent.call('GET', `/tickets/${ticket.body.id}`)).body.visitor.id;
    expect((await otherAgent.call('GET', `/visitors/${visitorId}/export`)).status).toBe(404);
    expect((await otherAgent.call('DELETE', `/visitors/${visitorId}`)).status).toBe(404);
    expect((await demoAgent.call('GET', `/visitors/${visitorId}/export`)).body.tickets[0].id).toBe(ticket.body.id);
    expect((await demoAgent.call('DELETE', `/visitors/${visitorId}`)).status).toBe(204);
    expect((await demoAgent.call('GET', `/tickets/${ticket.body.id}`)).status).toBe(404);
  });

  it("does not accept another visitor's idempotency key as a way into their conversation", async () => {
    const a = new WidgetClient(server.url);
    await a.session();
    const b = new WidgetClient(server.url);
    await b.session();
    const idempotencyKey = key();
    await a.call('POST', '/v1/conversations', { body: 'from a', attachmentIds: [], idempotencyKey });
    const stolen = await b.call('POST', '/v1/conversations', { body: 'from b', attachmentIds: [], idempotencyKey });
    expect(stolen.status).toBe(409);

    // A key a's reply used (not a conversation's): b must not get a's message back either.
    const conversation = (await a.call('GET', '/v1/conversations')).body[0];
    const replyKey = key();
    await a.call('POST', `/v1/conversations/${conversation.id}/messages`, {
      body: 'reset code 991122',
      attachmentIds: [],
      idempotencyKey: replyKey,
    });
    const leaked = await b.call('POST', '/v1/conversations', {
      body: 'hi',
      attachmentIds: [],
      idempotencyKey: replyKey,
    });
    expect(leaked.status).toBe(409);
    expect(leaked.body.error).toMatchObject({ code: 'conflict', field: 'idempotencyKey' });
    expect(JSON.stringify(leaked.body)).not.toContain('991122');
    expect((await b.call('GET', '/v1/conversations')).body).toEqual([]);
  });
});

describe('analytics', () => {
  it('computes deflection, article helpfulness, attach rate, CSAT and first response per severity', async () => {
    const refundArticle = await otherAgent.call('POST', '/kb/articles', {
      title: 'Refunds',
      slug: 'refunds',
      markdown: 'How refunds work.',
      category: 'billing',
      routes: [],
      published: true,
    });
    const exportArticle = await otherAgent.call('POST', '/kb/articles', {
      title: 'Exports',
      slug: 'exports',
      markdown: 'How exports work.',
      category: 'data',
      routes: [],
      published: true,
    });
    const A = refundArticle.body.id;
    const B = exportArticle.body.id;
    const visitors = await Promise.all(
      [1, 2, 3, 4].map(async () => {
        const client = new WidgetClient(server.url, OTHER_KEY);
        await client.session();
        return client;
      }),
    );
    const [v1, v2, v3, v4] = visitors as [WidgetClient, WidgetClient, WidgetClient, WidgetClient];
    // v1 reads A, finds it helpful, leaves: a deflected session.
    await v1.call('POST', '/v1/analytics', { type: 'help_opened' });
    await v1.call('GET', `/v1/kb/articles/${A}`);
    await v1.call('POST', `/v1/kb/articles/${A}/vote`, { helpful: true });
    // v2 reads A, votes no, files a P1 ticket that an agent answers.
    await v2.call('GET', `/v1/kb/articles/${A}`);
    await v2.call('POST', `/v1/kb/articles/${A}/vote`, { helpful: false });
    const answered = await v2.call('POST', '/v1/tickets', ticketBody({ severity: 'P1' }));
    await otherAgent.call('POST', `/tickets/${answered.body.id}/replies`, { body: 'Answered' });
    // v3 searches, then chats and rates the chat 5.
    await v3.call('POST', '/v1/analytics', { type: 'search', query: 'refund' });
    const chat = await v3.call('POST', '/v1/conversations', { body: 'help', attachmentIds: [], idempotencyKey: key() });
    await v3.call('POST', `/v1/conversations/${chat.body.conversation.id}/csat`, { score: 5, idempotencyKey: key() });
    // v4 reads A and B, votes A down, files a P3 ticket nobody answered yet.
    await v4.call('GET', `/v1/kb/articles/${A}`);
    await v4.call('GET', `/v1/kb/articles/${B}`);
    await v4.call('POST', `/v1/kb/articles/${A}/vote`, { helpful: false });
    await v4.call('POST', '/v1/tickets', ticketBody({ severity: 'P3' }));

    const result = await otherAgent.call('GET', '/analytics?days=30');
    expect(result.status).toBe(200);
    expect(result.body).toMatchObject({
      helpSessions: 4,
      deflectionRate: 0.25,
      escalations: 3,
      csat: { responses: 1, satisfied: 1, score: 1 },
    });
    const articleA = result.body.articles.find((a: { id: string }) => a.id === A);
    const articleB = result.body.articles.find((a: { id: string }) => a.id === B);
    expect(articleA).toMatchObject({
      views: 3,
      helpful: 1,
      notHelpful: 2,
      helpfulness: 0.333,
      ticketsAfterView: 2,
      attachRate: 1,
      needsUpdate: true,
    });
    expect(articleB).toMatchObject({
      views: 1,
      helpful: 0,
      notHelpful: 0,
      helpfulness: null,
      ticketsAfterView: 1,
      attachRate: 0.5,
      needsUpdate: false,
    });
    const bySeverity = Object.fromEntries(
      result.body.firstResponse.map((row: { severity: string }) => [row.severity, row]),
    );
    expect(bySeverity.P1).toMatchObject({ count: 1, targetMinutes: 60, breaches: 0 });
    expect(bySeverity.P1.medianMinutes).toBeLessThan(1);
    expect(bySeverity.P3).toMatchObject({ count: 1, medianMinutes: null, targetMinutes: 1440, breaches: 0 });
    expect(bySeverity.P0).toMatchObject({ count: 0, medianMinutes: null, breaches: 0 });
    expect((await otherAgent.call('GET', '/analytics?days=abc')).body.error.field).toBe('days');
  });
});

describe('migrations', () => {
  it('records each applied version and does nothing on a second run', async () => {
    const rows = await server.db.query<{ version: number }>('select version from schema_migrations order by version');
    expect(rows.map((row) => Number(row.version))).toEqual(MIGRATIONS.map((migration) => migration.version));
    expect(await migrate(server.db)).toEqual([]);
  });
});
