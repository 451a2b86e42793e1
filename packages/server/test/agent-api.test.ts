import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_AGENT_EMAIL, type RunningServer } from '../src/index.js';
import { AgentClient } from './agent-client.js';
import { SseClient } from './sse-client.js';
import { AGENT_PASSWORD, key, startTestServer, WidgetClient } from './test-server.js';

let server: RunningServer;
let agent: AgentClient;
let visitor: WidgetClient;
beforeAll(async () => {
  server = await startTestServer();
  agent = new AgentClient(server.url);
  await agent.login(DEMO_AGENT_EMAIL, AGENT_PASSWORD);
  visitor = new WidgetClient(server.url);
  await visitor.session({ user: { id: 'agent-test-user', name: 'Maya', email: 'maya@example.com' } });
});
afterAll(() => server?.close());

const context = {
  capturedAt: new Date().toISOString(),
  page: { url: 'https://app.test/invoices/42', path: '/invoices/42', title: 'Invoice 42' },
  account: { id: 'acme', name: 'Acme', plan: 'pro', seats: 12 },
};

describe('agent sign-in', () => {
  it('signs in with a session cookie that is HttpOnly and SameSite=Strict', async () => {
    const fresh = new AgentClient(server.url);
    const response = await fetch(`${server.url}/agent/api/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: DEMO_AGENT_EMAIL, password: AGENT_PASSWORD }),
    });
    expect(response.status).toBe(200);
    const cookie = response.headers.get('Set-Cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const body = await response.json();
    expect(body.agent.email).toBe(DEMO_AGENT_EMAIL);
    expect(typeof body.csrfToken).toBe('string');
    expect((await fresh.call('GET', '/me')).status).toBe(401);
  });

  it('refuses a wrong password and a malformed body', async () => {
    expect((await new AgentClient(server.url).login(DEMO_AGENT_EMAIL, 'wrong password')).status).toBe(401);
    const bad = await new AgentClient(server.url).call('POST', '/login', { email: DEMO_AGENT_EMAIL });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('password');
  });

  it('requires the CSRF token on mutating requests', async () => {
    const without = await agent.call('POST', '/presence', { online: true }, { csrf: false });
    expect(without.status).toBe(403);
    expect(without.body.error.field).toBe('X-CSRF-Token');
    expect((await agent.call('POST', '/presence', { online: true })).status).toBe(204);
    const me = await agent.call('GET', '/me');
    expect(me.body.csrfToken).toBe(agent.csrfToken);
  });

  it('ends the session on logout', async () => {
    const other = new AgentClient(server.url);
    await other.login(DEMO_AGENT_EMAIL, AGENT_PASSWORD);
    expect((await other.call('POST', '/logout')).status).toBe(204);
    expect((await other.call('GET', '/me')).status).toBe(401);
  });
});

describe('queue, conversations and tickets', () => {
  it('shows a waiting conversation with its context and delivers the reply to the visitor over SSE', async () => {
    const started = await visitor.call('POST', '/v1/conversations', {
      body: 'Where is my refund?',
      attachmentIds: [],
      idempotencyKey: key(),
      context,
    });
    const id = started.body.conversation.id;
    const queue = await agent.call('GET', '/queue');
    const item = queue.body.conversations.find(
      (entry: { conversation: { id: string } }) => entry.conversation.id === id,
    );
    expect(item).toMatchObject({ visitor: { name: 'Maya', verified: false }, account: { id: 'acme', plan: 'pro' } });
    expect(Date.parse(item.slaDueAt)).toBeGreaterThan(Date.parse(item.waitingSince));

    const stream = await SseClient.open(`${server.url}/v1/events?token=${visitor.token}`);
    const thread = await agent.call('GET', `/conversations/${id}`);
    expect(thread.body.context.page.path).toBe('/invoices/42');
    expect((await stream.nextWhere((data) => data.type === 'read')).data).toMatchObject({
      conversationId: id,
      reader: 'agent',
    });
    expect(thread.body.messages.map((m: { body: string }) => m.body)).toEqual(['Where is my refund?']);
    const reply = await agent.call('POST', `/conversations/${id}/messages`, { body: 'On its way!' });
    expect(reply.status).toBe(201);
    const event = await stream.nextWhere((data) => data.type === 'message' && data.message.author.type === 'agent');
    expect(event.data.message).toMatchObject({ body: 'On its way!', conversationId: id });
    await agent.call('POST', `/conversations/${id}/typing`, { typing: true });
    const typing = await stream.nextWhere((data) => data.type === 'typing');
    expect(typing.data).toMatchObject({
      conversationId: id,
      typing: true,
      author: { type: 'agent', name: 'Sam from Acme Support' },
    });
    stream.close();
    const list = await visitor.call('GET', '/v1/conversations');
    const mine = list.body.find((c: { id: string }) => c.id === id);
    expect(mine.unreadCount).toBe(1);
    expect(mine.assignee).toMatchObject({ type: 'agent', name: 'Sam from Acme Support' });
    expect((await agent.call('POST', `/conversations/${id}/status`, { status: 'done' })).body.error.field).toBe(
      'status',
    );
    expect((await agent.call('POST', `/conversations/${id}/status`, { status: 'resolved' })).status).toBe(204);
  });

  it('tells the agent when the visitor has read the conversation, so the inbox can show their reply as seen', async () => {
    const started = await visitor.call('POST', '/v1/conversations', {
      body: 'Is my export done?',
      attachmentIds: [],
      idempotencyKey: key(),
    });
    const id = started.body.conversation.id as string;
    const reply = await agent.call('POST', `/conversations/${id}/messages`, { body: 'Yes, check your email' });
    const repliedAt = Date.parse(reply.body.createdAt);
    const before = await agent.call('GET', `/conversations/${id}`);
    expect(Date.parse(before.body.visitorLastReadAt)).toBeLessThan(repliedAt);
    expect((await visitor.call('POST', `/v1/conversations/${id}/read`)).status).toBe(204);
    const after = await agent.call('GET', `/conversations/${id}`);
    expect(Date.parse(after.body.visitorLastReadAt)).toBeGreaterThanOrEqual(repliedAt);
  });

  it('finds resolved conversations and solved tickets again under view=closed, until they are reopened', async () => {
    const started = await visitor.call('POST', '/v1/conversations', {
      body: 'Thanks, all good now',
      attachmentIds: [],
      idempotencyKey: key(),
    });
    const id = started.body.conversation.id as string;
    const ticket = await visitor.call('POST', '/v1/tickets', {
      subject: 'Solved already',
      description: '',
      severity: 'P3',
      category: 'how_to',
      fields: { affected_area: 'payments' },
      attachmentIds: [],
      idempotencyKey: key(),
    });
    expect(ticket.status).toBe(201);
    const ids = (body: {
      conversations: { conversation: { id: string } }[];
      tickets: { ticket: { id: string } }[];
    }) => [...body.conversations.map((item) => item.conversation.id), ...body.tickets.map((item) => item.ticket.id)];
    expect(ids((await agent.call('GET', '/queue?view=closed')).body)).not.toContain(id);
    await agent.call('POST', `/conversations/${id}/status`, { status: 'resolved' });
    await agent.call('PATCH', `/tickets/${ticket.body.id}`, { status: 'solved' });
    const closed = (await agent.call('GET', '/queue?view=closed')).body;
    expect(ids(closed)).toEqual(expect.arrayContaining([id, ticket.body.id]));
    expect(ids((await agent.call('GET', '/queue')).body)).not.toContain(id);
    await agent.call('POST', `/conversations/${id}/status`, { status: 'open' });
    expect(ids((await agent.call('GET', '/queue')).body)).toContain(id);
    expect(ids((await agent.call('GET', '/queue?view=closed')).body)).not.toContain(id);
    const bad = await agent.call('GET', '/queue?view=everything');
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('view');
  });

  it('sorts tickets by SLA due, records history on changes and the first response', async () => {
    const base = { description: 'x', category: 'bug', fields: { affected_area: 'invoices' }, attachmentIds: [] };
    const slow = await visitor.call('POST', '/v1/tickets', {
      ...base,
      subject: 'Low priority question',
      severity: 'P3',
      idempotencyKey: key(),
    });
    const urgent = await visitor.call('POST', '/v1/tickets', {
      ...base,
      subject: 'Everything is down',
      severity: 'P0',
      idempotencyKey: key(),
    });
    const queue = await agent.call('GET', '/queue');
    const order = queue.body.tickets.map((entry: { ticket: { id: string } }) => entry.ticket.id);
    expect(order.indexOf(urgent.body.id)).toBeLessThan(order.indexOf(slow.body.id));
    expect(queue.body.tickets[0].breach).toMatch(/^(ok|at_risk)$/);

    const patched = await agent.call('PATCH', `/tickets/${slow.body.id}`, { severity: 'P1', status: 'pending' });
    expect(patched.status).toBe(200);
    expect(Date.parse(patched.body.firstResponseDueAt) - Date.parse(patched.body.createdAt)).toBe(60 * 60_000);
    await agent.call('POST', `/tickets/${urgent.body.id}/replies`, { body: 'Looking now' });
    const detail = await agent.call('GET', `/tickets/${urgent.body.id}`);
    expect(detail.body.ticket.status).toBe('open');
    expect(detail.body.ticket.firstRespondedAt).toBeDefined();
    expect(
      detail.body.history.map((h: { field: string; from: string | null; to: string }) => [h.field, h.from, h.to]),
    ).toEqual([
      ['status', null, 'new'],
      ['status', 'new', 'open'],
    ]);
    const slowDetail = await agent.call('GET', `/tickets/${slow.body.id}`);
    expect(
      slowDetail.body.history.slice(1).map((h: { field: string; to: string; by: string }) => [h.field, h.to]),
    ).toEqual([
      ['status', 'pending'],
      ['severity', 'P1'],
    ]);
    expect((await agent.call('PATCH', `/tickets/${slow.body.id}`, {})).status).toBe(400);
  });
});

describe('knowledge base editing', () => {
  it('creates, previews, updates, finds and deletes an article', async () => {
    const preview = await agent.call('POST', '/kb/preview', {
      markdown: '# Hi <script>alert(1)</script> [x](javascript:alert(1))',
    });
    expect(preview.body.html).not.toMatch(/<script|javascript:/);
    const created = await agent.call('POST', '/kb/articles', {
      title: 'Quasar export guide',
      slug: 'quasar-export',
      markdown: 'Intro.\n\n## Exporting quasars\n\nUse the quasar exporter.',
      category: 'reports',
      routes: ['/reports/*'],
      published: true,
    });
    expect(created.status).toBe(201);
    expect(
      (await agent.call('POST', '/kb/articles', { title: 'Dup', slug: 'quasar-export', markdown: '', routes: [] }))
        .status,
    ).toBe(409);
    const listed = await agent.call('GET', '/kb/articles');
    expect(listed.body.find((a: { id: string }) => a.id === created.body.id)).toMatchObject({
      slug: 'quasar-export',
      published: true,
    });
    const found = await visitor.call('GET', '/v1/kb/search?q=quasar');
    expect(found.body[0].id).toBe(created.body.id);
    const updated = await agent.call('PUT', `/kb/articles/${created.body.id}`, {
      ...created.body,
      title: 'Pulsar export guide',
      markdown: 'About pulsars.',
    });
    expect(updated.body.title).toBe('Pulsar export guide');
    expect((await visitor.call('GET', '/v1/kb/search?q=quasar')).body).toEqual([]);
    expect((await visitor.call('GET', '/v1/kb/search?q=pulsar')).body[0].id).toBe(created.body.id);
    expect((await agent.call('DELETE', `/kb/articles/${created.body.id}`)).status).toBe(204);
    expect((await agent.call('GET', `/kb/articles/${created.body.id}`)).status).toBe(404);
    const bad = await agent.call('POST', '/kb/articles', { title: 'Bad', slug: 'Bad Slug', markdown: '', routes: [] });
    expect(bad.body.error.field).toBe('slug');
  });
});

describe('bad parameters', () => {
  it("are refused naming the field in the schema's own words, never clamped to something else", async () => {
    const refused = async (path: string, method = 'GET', body?: unknown) => {
      const result = await agent.call(method, path, body);
      expect(result.status, path).toBe(400);
      return `${result.body.error.field}: ${result.body.error.message}`;
    };
    expect(await refused('/analytics?days=abc')).toMatch(/^days: .*days: must be a whole number$/);
    expect(await refused('/analytics?days=0')).toMatch(/days: must be at least 1$/);
    expect(await refused('/analytics?days=999')).toMatch(/days: must be at most 365$/);
    const article = { title: 'T', markdown: 'x', category: 'c', published: false };
    expect(await refused('/kb/articles', 'POST', { ...article, slug: 'Bad Slug', routes: [] })).toMatch(
      /slug: must be lowercase letters, digits and dashes$/,
    );
    expect(await refused('/kb/articles', 'POST', { ...article, slug: 'ok', routes: ['billing'] })).toMatch(
      /routes\.0: must start with \/$/,
    );
    const conversation = (await visitor.call('GET', '/v1/conversations')).body[0];
    const page = await visitor.call('GET', `/v1/conversations/${conversation.id}/messages?limit=1000`);
    expect(page.status).toBe(400);
    expect(page.body.error).toMatchObject({ field: 'limit', message: expect.stringContaining('at most 100') });
  });
});

// Last in this file: it locks the demo agent's address out of signing in from this IP for a while.
describe('sign-in attempts', () => {
  const login = (password: string, email = DEMO_AGENT_EMAIL) =>
    fetch(`${server.url}/agent/api/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });

  it('never lock out an agent who signs in often, but stop a guesser after 10 wrong passwords', async () => {
    for (let i = 0; i < 12; i++) expect((await login(AGENT_PASSWORD)).status).toBe(200);
    // An earlier test in this file made a wrong try too: at most 10 wrong ones get an answer.
    let answered = 0;
    while (answered <= 10 && (await login('wrong-password')).status === 401) answered += 1;
    expect(answered).toBeGreaterThanOrEqual(8);
    expect(answered).toBeLessThanOrEqual(10);
    const locked = await login(AGENT_PASSWORD);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('Retry-After'))).toBeGreaterThan(0);
    // Another spelling the lookup folds into the same account (PostgreSQL lowers İ to i) is the same guesser.
    const respelled = DEMO_AGENT_EMAIL.toUpperCase().replace('I', 'İ');
    expect((await login('wrong-password', respelled)).status).toBe(429);
  });
});
