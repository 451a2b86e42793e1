import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../src/index.js';
import { SseClient } from './sse-client.js';
import { hmac, key, startTestServer, WidgetClient } from './test-server.js';

let server: RunningServer;
let client: WidgetClient;
beforeAll(async () => {
  server = await startTestServer();
  client = new WidgetClient(server.url);
  await client.session({ user: { id: 'u-conv', name: 'Grace' } });
});
afterAll(() => server?.close());

describe('conversations', () => {
  it('starts a conversation once per idempotency key and returns the first result on retry', async () => {
    const idempotencyKey = key();
    const first = await client.call('POST', '/v1/conversations', {
      body: 'My invoice PDF is blank',
      attachmentIds: [],
      idempotencyKey,
    });
    expect(first.status).toBe(201);
    expect(first.body.conversation.subject).toBe('My invoice PDF is blank');
    expect(first.body.message.author.type).toBe('user');
    const retry = await client.call('POST', '/v1/conversations', {
      body: 'different text',
      attachmentIds: [],
      idempotencyKey,
    });
    expect(retry.status).toBe(200);
    expect(retry.body.conversation.id).toBe(first.body.conversation.id);
    expect(retry.body.message.id).toBe(first.body.message.id);
    expect(retry.body.message.body).toBe('My invoice PDF is blank');
    const list = await client.call('GET', '/v1/conversations');
    expect(list.body.filter((c: { id: string }) => c.id === first.body.conversation.id)).toHaveLength(1);
  });

  it('refuses bad bodies with 400 naming the field', async () => {
    const noKey = await client.call('POST', '/v1/conversations', { body: 'hi', attachmentIds: [] });
    expect(noKey.status).toBe(400);
    expect(noKey.body.error.field).toBe('idempotencyKey');
    const empty = await client.call('POST', '/v1/conversations', {
      body: '  ',
      attachmentIds: [],
      idempotencyKey: key(),
    });
    expect(empty.body.error.field).toBe('body');
    const badAttachment = await client.call('POST', '/v1/conversations', {
      body: 'x',
      attachmentIds: ['nope'],
      idempotencyKey: key(),
    });
    expect(badAttachment.status).toBe(400);
    expect(badAttachment.body.error.field).toBe('attachmentIds.0');
  });

  it('pages messages newest page first, ascending within a page', async () => {
    const started = await client.call('POST', '/v1/conversations', {
      body: 'message 0',
      attachmentIds: [],
      idempotencyKey: key(),
    });
    const id = started.body.conversation.id;
    for (let i = 1; i < 5; i++)
      await client.call('POST', `/v1/conversations/${id}/messages`, { body: `message ${i}`, idempotencyKey: key() });
    const newest = await client.call('GET', `/v1/conversations/${id}/messages?limit=2`);
    expect(newest.body.messages.map((m: { body: string }) => m.body)).toEqual(['message 3', 'message 4']);
    const older = await client.call('GET', `/v1/conversations/${id}/messages?limit=2&before=${newest.body.nextCursor}`);
    expect(older.body.messages.map((m: { body: string }) => m.body)).toEqual(['message 1', 'message 2']);
    const oldest = await client.call('GET', `/v1/conversations/${id}/messages?limit=2&before=${older.body.nextCursor}`);
    expect(oldest.body.messages.map((m: { body: string }) => m.body)).toEqual(['message 0']);
    expect(oldest.body.nextCursor).toBeUndefined();
    expect((await client.call('GET', `/v1/conversations/${id}/messages?before=abc`)).status).toBe(400);
  });

  it('stores a message once per idempotency key', async () => {
    const started = await client.call('POST', '/v1/conversations', {
      body: 'hello',
      attachmentIds: [],
      idempotencyKey: key(),
    });
    const id = started.body.conversation.id;
    const idempotencyKey = key();
    const a = await client.call('POST', `/v1/conversations/${id}/messages`, { body: 'once', idempotencyKey });
    const b = await client.call('POST', `/v1/conversations/${id}/messages`, { body: 'once', idempotencyKey });
    expect(b.body.id).toBe(a.body.id);
    const page = await client.call('GET', `/v1/conversations/${id}/messages`);
    expect(page.body.messages.filter((m: { body: string }) => m.body === 'once')).toHaveLength(1);
  });

  it('records CSAT once per key', async () => {
    const started = await client.call('POST', '/v1/conversations', {
      body: 'rate me',
      attachmentIds: [],
      idempotencyKey: key(),
    });
    const id = started.body.conversation.id;
    const idempotencyKey = key();
    expect((await client.call('POST', `/v1/conversations/${id}/csat`, { score: 5, idempotencyKey })).status).toBe(204);
    expect((await client.call('POST', `/v1/conversations/${id}/csat`, { score: 1, idempotencyKey })).status).toBe(204);
    const list = await client.call('GET', '/v1/conversations');
    expect(list.body.find((c: { id: string }) => c.id === id).csat).toEqual({ score: 5 });
    expect(
      (await client.call('POST', `/v1/conversations/${id}/csat`, { score: 9, idempotencyKey: key() })).body.error.field,
    ).toBe('score');
  });
});

describe('realtime (SSE)', () => {
  it("delivers the visitor's events with increasing ids and replays missed ones after Last-Event-ID", async () => {
    const started = await client.call('POST', '/v1/conversations', {
      body: 'stream test',
      attachmentIds: [],
      idempotencyKey: key(),
    });
    const id = started.body.conversation.id;
    const stream = await SseClient.open(`${server.url}/v1/events?token=${client.token}`);
    expect(stream.status).toBe(200);
    expect(stream.contentType).toContain('text/event-stream');
    // The subscription is live once the connected comment is flushed; a read marker proves the path.
    await client.call('POST', `/v1/conversations/${id}/messages`, { body: 'live one', idempotencyKey: key() });
    const live = await stream.nextWhere((data) => data.type === 'message' && data.message.body === 'live one');
    expect(Number(live.id)).toBeGreaterThan(0);
    stream.close();

    await client.call('POST', `/v1/conversations/${id}/messages`, { body: 'missed 1', idempotencyKey: key() });
    await client.call('POST', `/v1/conversations/${id}/messages`, { body: 'missed 2', idempotencyKey: key() });
    const resumed = await SseClient.open(`${server.url}/v1/events`, {
      Authorization: `Bearer ${client.token}`,
      'Last-Event-ID': String(live.id),
    });
    const first = await resumed.next();
    const second = await resumed.next();
    expect([first.data, second.data].map((d: any) => d.message.body)).toEqual(['missed 1', 'missed 2']);
    expect(Number(second.id)).toBeGreaterThan(Number(first.id));
    expect(Number(first.id)).toBeGreaterThan(Number(live.id));
    resumed.close();
  });

  it("does not deliver another visitor's events", async () => {
    const other = new WidgetClient(server.url);
    await other.session();
    const stream = await SseClient.open(`${server.url}/v1/events?token=${other.token}&lastEventId=0`);
    const started = await other.call('POST', '/v1/conversations', {
      body: 'mine only',
      attachmentIds: [],
      idempotencyKey: key(),
    });
    const event = await stream.nextWhere((data) => data.type === 'message');
    // Replay from 0 includes nothing of the first visitor's: the first message seen is this visitor's own.
    expect(event.data).toMatchObject({ message: { conversationId: started.body.conversation.id } });
    stream.close();
  });

  it('refuses a stream without a valid token', async () => {
    const stream = await SseClient.open(`${server.url}/v1/events?token=forged.token.value`);
    expect(stream.status).toBe(401);
    stream.close();
  });
});

describe('two instances on one database', () => {
  let second: RunningServer;
  beforeAll(async () => {
    second = await startTestServer({ seedDemo: false, heartbeatSeconds: 0.05 }, { db: server.db });
  });
  afterAll(() => second?.close());

  it('delivers a message written on one instance to a stream on the other (LISTEN/NOTIFY)', async () => {
    const started = await client.call('POST', '/v1/conversations', {
      body: 'cross instance',
      attachmentIds: [],
      idempotencyKey: key(),
    });
    const stream = await SseClient.open(`${second.url}/v1/events?token=${client.token}`);
    await stream.comment('connected');
    await client.call('POST', `/v1/conversations/${started.body.conversation.id}/messages`, {
      body: 'via instance one',
      idempotencyKey: key(),
    });
    const event = await stream.nextWhere((data) => data.type === 'message' && data.message.body === 'via instance one');
    expect(event.data.message.conversationId).toBe(started.body.conversation.id);
    stream.close();
  });

  it('sends heartbeat comments on an idle stream', async () => {
    const stream = await SseClient.open(`${second.url}/v1/events?token=${client.token}`);
    await stream.comment('heartbeat');
    expect(stream.comments).toContain('heartbeat');
    stream.close();
  });
});

describe('identity changes and personal data', () => {
  it("moves an anonymous visitor's conversations to the verified user on sign-in", async () => {
    const visitorId = `anon-${key()}`;
    const browser = new WidgetClient(server.url);
    await browser.session({ visitorId });
    const started = await browser.call('POST', '/v1/conversations', {
      body: 'asked before login',
      attachmentIds: [],
      idempotencyKey: key(),
    });
    const signedIn = await browser.session({
      visitorId,
      user: { id: 'merge-user' },
      verification: { userHash: hmac('merge-user') },
    });
    expect(signedIn.body.verified).toBe(true);
    const list = await browser.call('GET', '/v1/conversations');
    expect(list.body.map((c: { id: string }) => c.id)).toContain(started.body.conversation.id);
  });

  it("exports the visitor's data and erases it on request", async () => {
    const person = new WidgetClient(server.url);
    await person.session({ user: { id: 'gdpr-user', email: 'gdpr@example.com' } });
    const started = await person.call('POST', '/v1/conversations', {
      body: 'my data',
      attachmentIds: [],
      idempotencyKey: key(),
    });
    const exported = await person.call('GET', '/v1/me/export');
    expect(exported.status).toBe(200);
    expect(exported.body.visitor.email).toBe('gdpr@example.com');
    expect(exported.body.conversations[0].messages[0].body).toBe('my data');
    expect((await person.call('DELETE', '/v1/me')).status).toBe(204);
    expect((await person.call('GET', '/v1/conversations')).status).toBe(401);
    const left = await server.db.query('select 1 from messages where conversation_id = $1', [
      started.body.conversation.id,
    ]);
    expect(left).toEqual([]);
  });
});
