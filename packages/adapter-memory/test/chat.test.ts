import type { ContextSnapshot, RealtimeEvent } from '@helpline/core';
import { describe, expect, it } from 'vitest';
import { connected, key, visitor } from './connected.js';

const context: ContextSnapshot = {
  capturedAt: '2026-11-29T10:00:00.000Z',
  page: { url: 'https://app.example.com/invoices/42', path: '/invoices/42', title: 'Invoice 42' },
  routeTrail: [],
  breadcrumbs: [],
  selfService: [],
  custom: {},
};

/** Resolves with the first event matching `predicate`. */
function nextEvent(
  adapter: Awaited<ReturnType<typeof connected>>,
  predicate: (e: RealtimeEvent) => boolean,
): Promise<RealtimeEvent> {
  return new Promise((resolve) => {
    const stop = adapter.subscribe((event) => {
      if (predicate(event)) {
        stop();
        resolve(event);
      }
    });
  });
}

describe('conversations', () => {
  it('starts a conversation that keeps the context snapshot for the agent', async () => {
    const adapter = await connected();
    const started = await adapter.startConversation({
      body: 'The PDF is blank',
      attachmentIds: [],
      idempotencyKey: key(),
      context,
    });
    expect(started.message.body).toBe('The PDF is blank');
    expect(started.conversation.status).toBe('open');
    expect(adapter.agent.lastContext(started.conversation.id)?.page.path).toBe('/invoices/42');
    expect((await adapter.listConversations()).map((c) => c.id)).toEqual([started.conversation.id]);
  });

  it('stores a retried start once', async () => {
    const adapter = await connected();
    const idempotencyKey = key();
    const first = await adapter.startConversation({ body: 'Hello', attachmentIds: [], idempotencyKey });
    const again = await adapter.startConversation({ body: 'Hello', attachmentIds: [], idempotencyKey });
    expect(again).toEqual(first);
    expect(adapter.agent.conversations()).toHaveLength(1);
  });

  it('stores a retried message once and answers with the same message', async () => {
    const adapter = await connected();
    const { conversation } = await adapter.startConversation({ body: 'Hi', attachmentIds: [], idempotencyKey: key() });
    const idempotencyKey = key();
    const first = await adapter.sendMessage(conversation.id, { body: 'Again', attachmentIds: [], idempotencyKey });
    const second = await adapter.sendMessage(conversation.id, { body: 'Again', attachmentIds: [], idempotencyKey });
    expect(second.id).toBe(first.id);
    expect((await adapter.listMessages(conversation.id)).messages).toHaveLength(2);
  });

  it('refuses an empty message and a short idempotency key, naming the field', async () => {
    const adapter = await connected();
    const { conversation } = await adapter.startConversation({ body: 'Hi', attachmentIds: [], idempotencyKey: key() });
    await expect(
      adapter.sendMessage(conversation.id, { body: ' ', attachmentIds: [], idempotencyKey: key() }),
    ).rejects.toMatchObject({ field: 'body' });
    await expect(
      adapter.sendMessage(conversation.id, { body: 'x', attachmentIds: [], idempotencyKey: 'short' }),
    ).rejects.toMatchObject({ field: 'idempotencyKey' });
    await expect(
      adapter.sendMessage(conversation.id, { body: 'x', attachmentIds: ['att_missing'], idempotencyKey: key() }),
    ).rejects.toMatchObject({
      field: 'attachmentIds.0',
    });
  });

  it('hides other visitors conversations', async () => {
    const adapter = await connected();
    const { conversation } = await adapter.startConversation({
      body: 'Mine',
      attachmentIds: [],
      idempotencyKey: key(),
    });
    await adapter.connect({ visitorId: 'someone-else' });
    expect(await adapter.listConversations()).toEqual([]);
    await expect(adapter.listMessages(conversation.id)).rejects.toMatchObject({ code: 'not_found' });
    await adapter.connect(visitor);
    expect(await adapter.listConversations()).toHaveLength(1);
  });
});

describe('message paging', () => {
  it('pages backwards with the cursor without gaps or duplicates', async () => {
    const adapter = await connected();
    const { conversation } = await adapter.startConversation({ body: 'm0', attachmentIds: [], idempotencyKey: key() });
    for (let i = 1; i < 25; i++)
      await adapter.sendMessage(conversation.id, { body: `m${i}`, attachmentIds: [], idempotencyKey: key() });
    const seen: string[] = [];
    let before: string | undefined;
    do {
      const page = await adapter.listMessages(conversation.id, { limit: 10, ...(before ? { before } : {}) });
      seen.unshift(...page.messages.map((m) => m.body));
      before = page.nextCursor;
    } while (before);
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => `m${i}`));
  });

  it('refuses an unknown cursor, naming it', async () => {
    const adapter = await connected();
    const { conversation } = await adapter.startConversation({ body: 'Hi', attachmentIds: [], idempotencyKey: key() });
    await expect(adapter.listMessages(conversation.id, { before: 'msg_nope' })).rejects.toMatchObject({
      field: 'before',
    });
  });
});

describe('agent side and realtime', () => {
  it('delivers an agent reply, counts it unread until markRead, and emits read receipts', async () => {
    const adapter = await connected();
    const { conversation } = await adapter.startConversation({ body: 'Hi', attachmentIds: [], idempotencyKey: key() });
    const delivered = nextEvent(adapter, (e) => e.type === 'message');
    const agentRead = nextEvent(adapter, (e) => e.type === 'read' && e.reader === 'agent');
    await adapter.agent.reply(conversation.id, 'Hello from support');
    const event = await delivered;
    expect(event.type === 'message' && event.message.author).toMatchObject({ type: 'agent', name: 'Sam from Support' });
    await agentRead;
    expect((await adapter.listConversations())[0]?.unreadCount).toBe(1);
    const userRead = nextEvent(adapter, (e) => e.type === 'read' && e.reader === 'user');
    await adapter.markRead(conversation.id);
    await userRead;
    expect((await adapter.listConversations())[0]?.unreadCount).toBe(0);
  });

  it('emits typing and resolved status, and a new message reopens the conversation', async () => {
    const adapter = await connected();
    const { conversation } = await adapter.startConversation({ body: 'Hi', attachmentIds: [], idempotencyKey: key() });
    const typing = nextEvent(adapter, (e) => e.type === 'typing');
    await adapter.agent.typing(conversation.id, true);
    expect(await typing).toMatchObject({ type: 'typing', typing: true, conversationId: conversation.id });
    const resolved = nextEvent(adapter, (e) => e.type === 'status');
    await adapter.agent.resolve(conversation.id);
    expect(await resolved).toMatchObject({ status: 'resolved' });
    const reopened = nextEvent(adapter, (e) => e.type === 'status');
    await adapter.sendMessage(conversation.id, { body: 'One more thing', attachmentIds: [], idempotencyKey: key() });
    expect(await reopened).toMatchObject({ status: 'open' });
  });

  it('runs the scripted agent: typing first, then the reply', async () => {
    const adapter = await connected({ autoReply: (text) => `You said: ${text}`, replyDelayMs: 0 });
    const events: string[] = [];
    const reply = new Promise<RealtimeEvent>((resolve) => {
      adapter.subscribe((event) => {
        events.push(event.type === 'typing' ? `typing:${event.typing}` : event.type);
        if (event.type === 'message') resolve(event);
      });
    });
    await adapter.startConversation({ body: 'Hello', attachmentIds: [], idempotencyKey: key() });
    expect(await reply).toMatchObject({ message: { body: 'You said: Hello' } });
    expect(events.slice(0, 3)).toEqual(['typing:true', 'typing:false', 'message']);
  });

  it('pushes a thread event only to the visitor it belongs to', async () => {
    const adapter = await connected();
    const { conversation } = await adapter.startConversation({
      body: 'Mine',
      attachmentIds: [],
      idempotencyKey: key(),
    });
    await adapter.connect({ visitorId: 'someone-else' });
    const received: RealtimeEvent[] = [];
    adapter.subscribe((event) => received.push(event));
    await adapter.agent.reply(conversation.id, 'For the first visitor');
    await adapter.agent.setAvailability('away');
    await Promise.resolve();
    expect(received.map((e) => e.type)).toEqual(['presence']);
  });

  it('reports connection status to the subscriber', async () => {
    const adapter = await connected();
    const statuses: string[] = [];
    await new Promise<void>((resolve) => {
      adapter.subscribe(
        () => {},
        (status) => {
          statuses.push(status);
          if (status === 'connected') resolve();
        },
      );
    });
    expect(statuses).toEqual(['connecting', 'connected']);
  });

  it('keeps the visitor typing flag for the agent', async () => {
    const adapter = await connected();
    const { conversation } = await adapter.startConversation({ body: 'Hi', attachmentIds: [], idempotencyKey: key() });
    await adapter.sendTyping(conversation.id, true);
    expect(adapter.agent.conversations()[0]?.visitorTyping).toBe(true);
  });
});

describe('CSAT', () => {
  it('stores a rating and refuses a score outside 1–5', async () => {
    const adapter = await connected();
    const { conversation } = await adapter.startConversation({ body: 'Hi', attachmentIds: [], idempotencyKey: key() });
    await adapter.agent.resolve(conversation.id);
    await adapter.rateConversation(conversation.id, { score: 5, comment: 'Quick!', idempotencyKey: key() });
    expect((await adapter.listConversations())[0]?.csat).toEqual({ score: 5, comment: 'Quick!' });
    await expect(adapter.rateConversation(conversation.id, { score: 6, idempotencyKey: key() })).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'score',
    });
  });
});
