import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent, createWorkspace, DEMO_AGENT_EMAIL, type RunningServer } from '../src/index.js';
import { AgentClient } from './agent-client.js';
import { noisyPng } from './noisy-png.js';
import { AGENT_PASSWORD, key, startTestServer, ticketInput, WidgetClient } from './test-server.js';

const MAX_FILE = 64 * 1024;
const MAX_UNSENT = 160 * 1024;
const PNG = noisyPng(2_000);

let server: RunningServer;
let sam: AgentClient;
let noor: AgentClient;
let olu: AgentClient;
const OTHER_KEY = 'agent-files-other-key';
beforeAll(async () => {
  server = await startTestServer({ maxAttachmentBytes: MAX_FILE, maxUnattachedBytes: MAX_UNSENT });
  const [demo] = await server.db.query<{ workspace_id: string }>('select workspace_id from agents limit 1');
  await createAgent(server.db, {
    workspaceId: demo?.workspace_id ?? '',
    email: 'noor@files.test',
    name: 'Noor',
    password: 'noor-password-1',
  });
  const other = await createWorkspace(server.db, { name: 'Other Co', publicKey: OTHER_KEY });
  await createAgent(server.db, {
    workspaceId: other.id,
    email: 'olu@files.test',
    name: 'Olu',
    password: 'olu-password-1',
  });
  sam = new AgentClient(server.url);
  await sam.login(DEMO_AGENT_EMAIL, AGENT_PASSWORD);
  noor = new AgentClient(server.url);
  await noor.login('noor@files.test', 'noor-password-1');
  olu = new AgentClient(server.url);
  await olu.login('olu@files.test', 'olu-password-1');
});
afterAll(() => server?.close());

async function visitorWithConversation(workspaceKey?: string) {
  const visitor = new WidgetClient(server.url, workspaceKey);
  await visitor.session();
  const started = await visitor.call('POST', '/v1/conversations', {
    body: 'Can you send me the invoice?',
    attachmentIds: [],
    idempotencyKey: key(),
  });
  return { visitor, conversationId: started.body.conversation.id as string };
}

async function uploadPng(agent: AgentClient, name = 'invoice.png', bytes = PNG): Promise<string> {
  const uploaded = await agent.upload(bytes, { 'Content-Type': 'image/png', 'X-Filename': encodeURIComponent(name) });
  expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
  return uploaded.body.id;
}

describe('agent attachments', () => {
  it('sends an uploaded file with a conversation reply; the visitor gets it in their thread and downloads the same bytes', async () => {
    const { visitor, conversationId } = await visitorWithConversation();
    const uploaded = await sam.upload(PNG, {
      'Content-Type': 'image/png',
      'X-Filename': encodeURIComponent('März invoice.png'),
    });
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({ name: 'März invoice.png', type: 'image/png', size: PNG.length });

    const reply = await sam.call('POST', `/conversations/${conversationId}/messages`, {
      body: '',
      attachmentIds: [uploaded.body.id],
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    expect(reply.body.attachments).toMatchObject([{ id: uploaded.body.id, name: 'März invoice.png' }]);

    const page = await visitor.call('GET', `/v1/conversations/${conversationId}/messages`);
    const sent = page.body.messages.find((message: { author: { type: string } }) => message.author.type === 'agent');
    expect(sent.attachments).toMatchObject([{ id: uploaded.body.id, type: 'image/png', size: PNG.length }]);
    const download = await fetch(sent.attachments[0].url);
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(PNG);
  });

  it('sends files with a ticket reply, beside text', async () => {
    const visitor = new WidgetClient(server.url);
    await visitor.session();
    const ticket = await visitor.call(
      'POST',
      '/v1/tickets',
      ticketInput({ subject: 'Export broken', description: 'The CSV export is empty' }),
    );
    const id = await uploadPng(sam, 'steps.png');
    const reply = await sam.call('POST', `/tickets/${ticket.body.id}/replies`, {
      body: 'See the steps',
      attachmentIds: [id],
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    const thread = await visitor.call('GET', `/v1/tickets/${ticket.body.id}`);
    expect(thread.body.messages.at(-1)).toMatchObject({
      body: 'See the steps',
      attachments: [{ id, name: 'steps.png' }],
    });
  });

  it('applies the rules of visitor uploads: type sniffed from the bytes, declared type agreeing, size cap, no empty file', async () => {
    const html = new TextEncoder().encode('<html><script>alert(1)</script></html>');
    const polyglot = new Uint8Array([...PNG.slice(0, 16), ...html]);
    const refusals: [Uint8Array, Record<string, string>, number, string][] = [
      [polyglot, { 'Content-Type': 'image/png' }, 415, 'Content-Type'],
      [PNG, { 'Content-Type': 'application/pdf' }, 415, 'Content-Type'],
      [new Uint8Array([0, 1, 2, 3, 0xff]), {}, 415, 'Content-Type'],
      [new Uint8Array(), { 'Content-Type': 'image/png' }, 400, 'body'],
    ];
    for (const [bytes, headers, status, field] of refusals) {
      const refused = await sam.upload(bytes, headers);
      expect(refused.status).toBe(status);
      expect(refused.body.error.field).toBe(field);
    }
    const big = await sam.upload(noisyPng(MAX_FILE + 1), { 'Content-Type': 'image/png' });
    expect(big.status).toBe(413);
    const text = await sam.upload(new TextEncoder().encode('log line\n'), { 'X-Filename': 'run.html' });
    expect(text.body).toMatchObject({ type: 'text/plain', name: 'run.html.txt' });
  });

  it("counts an agent's unsent uploads against the same quota as a visitor's", async () => {
    const half = noisyPng(MAX_FILE);
    await uploadPng(noor, 'one.png', half);
    await uploadPng(noor, 'two.png', half);
    const third = await noor.upload(half, { 'Content-Type': 'image/png' });
    expect(third.status).toBe(413);
    expect(third.body.error.field).toBe('body');
    // Another agent's room is their own.
    await uploadPng(sam, 'three.png', half);
  });

  it('lets an upload go with one reply only, sent by the agent who uploaded it', async () => {
    const { conversationId } = await visitorWithConversation();
    const id = await uploadPng(sam);
    const byColleague = await noor.call('POST', `/conversations/${conversationId}/messages`, { attachmentIds: [id] });
    expect(byColleague.status).toBe(400);
    expect(byColleague.body.error.field).toBe('attachmentIds.0');
    const first = await sam.call('POST', `/conversations/${conversationId}/messages`, { attachmentIds: [id] });
    expect(first.status).toBe(201);
    const again = await sam.call('POST', `/conversations/${conversationId}/messages`, {
      body: 'again',
      attachmentIds: [id],
    });
    expect(again.status).toBe(400);
    expect(again.body.error.field).toBe('attachmentIds.0');
  });

  it("refuses a reply that names another workspace's upload, keeping that upload unsent", async () => {
    const { conversationId } = await visitorWithConversation(OTHER_KEY);
    const samsFile = await uploadPng(sam);
    const refused = await olu.call('POST', `/conversations/${conversationId}/messages`, {
      body: 'Here you go',
      attachmentIds: [samsFile],
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error.field).toBe('attachmentIds.0');
    const [row] = await server.db.query<{ attached_at: Date | null }>(
      'select attached_at from attachments where id = $1',
      [samsFile],
    );
    expect(row?.attached_at).toBeNull();
  });

  it('never lets a visitor send an agent upload, before or after the agent sent it', async () => {
    const { visitor, conversationId } = await visitorWithConversation();
    const id = await uploadPng(sam);
    const message = () => ({ body: 'mine now', attachmentIds: [id], idempotencyKey: key() });
    const before = await visitor.call('POST', `/v1/conversations/${conversationId}/messages`, message());
    expect(before.status).toBe(400);
    expect(before.body.error.field).toBe('attachmentIds.0');
    await sam.call('POST', `/conversations/${conversationId}/messages`, { attachmentIds: [id] });
    const after = await visitor.call('POST', `/v1/conversations/${conversationId}/messages`, message());
    expect(after.status).toBe(400);
    expect(after.body.error.field).toBe('attachmentIds.0');
  });

  it('takes uploads only from a signed-in agent with the CSRF token, never from a visitor session', async () => {
    const anonymous = new AgentClient(server.url);
    expect((await anonymous.upload(PNG, { 'Content-Type': 'image/png' })).status).toBe(401);
    const noCsrf = await sam.upload(PNG, { 'Content-Type': 'image/png' }, { csrf: false });
    expect(noCsrf.status).toBe(403);
    expect(noCsrf.body.error.field).toBe('X-CSRF-Token');
    const visitor = new WidgetClient(server.url);
    await visitor.session();
    const asVisitor = await visitor.call('POST', '/agent/api/attachments', PNG, { 'Content-Type': 'image/png' });
    expect(asVisitor.status).toBe(401);
  });

  it('validates the reply body, answering 400 with the field', async () => {
    const { conversationId } = await visitorWithConversation();
    const id = await uploadPng(sam);
    const cases: [unknown, string][] = [
      [{ body: '   ' }, 'body'],
      [{ body: 'x', attachmentIds: 'one' }, 'attachmentIds'],
      [{ body: 'x', attachmentIds: [42] }, 'attachmentIds.0'],
      [{ body: 'x', attachmentIds: [id, id] }, 'attachmentIds'],
      [{ body: 'x', attachmentIds: Array.from({ length: 11 }, (_, index) => `id-${index}`) }, 'attachmentIds'],
      [{ body: 'x'.repeat(10_001) }, 'body'],
    ];
    for (const [body, field] of cases) {
      const refused = await sam.call('POST', `/conversations/${conversationId}/messages`, body);
      expect(refused.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(refused.body.error.field).toBe(field);
    }
  });

  it('erases the files agents sent a visitor with the visitor', async () => {
    const { conversationId } = await visitorWithConversation();
    const id = await uploadPng(sam);
    const reply = await sam.call('POST', `/conversations/${conversationId}/messages`, { attachmentIds: [id] });
    const url: string = reply.body.attachments[0].url;
    expect((await fetch(url)).status).toBe(200);
    const thread = await sam.call('GET', `/conversations/${conversationId}`);
    expect((await sam.call('DELETE', `/visitors/${thread.body.visitor.id}`)).status).toBe(204);
    expect(await server.db.query('select id from attachments where id = $1', [id])).toEqual([]);
    expect((await fetch(url)).status).toBe(404);
  });
});
