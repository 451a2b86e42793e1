import type { ConnectionStatus, ContextSnapshot, RealtimeEvent, SupportAdapter } from '@helpline/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createChatwootAdapter, type WebSocketConstructor } from '../src/index.js';
import { type FakeChatwoot, startFakeChatwoot } from './fake-chatwoot.js';

const visitor = { visitorId: 'visitor-0000001', user: { name: 'Ada Visitor', email: 'ada@example.com', plan: 'pro' } };
let key = 0;
const message = (body: string, extra: Record<string, unknown> = {}) => ({
  body,
  attachmentIds: [],
  idempotencyKey: `key-${String(++key).padStart(6, '0')}`,
  ...extra,
});

async function failure(promise: Promise<unknown> | undefined): Promise<Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    return error as Record<string, unknown>;
  }
  throw new Error('expected the call to fail');
}

/** Collects realtime events and statuses; `next` resolves with the first matching one, past or future. */
function listen(adapter: SupportAdapter) {
  const events: RealtimeEvent[] = [];
  const statuses: ConnectionStatus[] = [];
  const waiters: { match: (e: RealtimeEvent) => boolean; resolve: (e: RealtimeEvent) => void }[] = [];
  const statusWaiters: { status: ConnectionStatus; resolve: () => void }[] = [];
  const stop = adapter.subscribe?.(
    (event) => {
      events.push(event);
      for (const w of [...waiters]) {
        if (!w.match(event)) continue;
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(event);
      }
    },
    (status) => {
      statuses.push(status);
      for (const w of [...statusWaiters]) {
        if (w.status !== status) continue;
        statusWaiters.splice(statusWaiters.indexOf(w), 1);
        w.resolve();
      }
    },
  );
  return {
    events,
    statuses,
    stop: () => stop?.(),
    next: (match: (e: RealtimeEvent) => boolean) =>
      new Promise<RealtimeEvent>((resolve) => {
        const found = events.find(match);
        if (found) resolve(found);
        else waiters.push({ match, resolve });
      }),
    status: (status: ConnectionStatus) =>
      new Promise<void>((resolve) => {
        if (statuses.at(-1) === status) resolve();
        else statusWaiters.push({ status, resolve });
      }),
  };
}

let chatwoot: FakeChatwoot;
let adapter: SupportAdapter;
const create = (extra: Record<string, unknown> = {}) =>
  createChatwootAdapter(
    {
      baseUrl: chatwoot.origin,
      inboxIdentifier: chatwoot.inboxIdentifier,
      reconnect: { baseMs: 20, maxMs: 100 },
      ...extra,
    },
    { WebSocket: WebSocket as unknown as WebSocketConstructor },
  );

beforeEach(async () => {
  chatwoot = await startFakeChatwoot({ pingMs: 50 });
  adapter = create();
});
afterEach(async () => {
  await adapter.disconnect?.();
  await chatwoot.close();
});

describe('options and identity', () => {
  it('refuses options without an inbox identifier, naming it', () => {
    let error: unknown;
    try {
      createChatwootAdapter({ baseUrl: 'https://chat.example.com' } as never);
    } catch (caught) {
      error = caught;
    }
    expect(error).toMatchObject({ code: 'invalid_option', field: 'inboxIdentifier' });
  });

  it('creates one contact per visitor, found again on the next connect', async () => {
    const first = await adapter.connect(visitor);
    await create().connect(visitor);
    expect(first).toEqual({ visitorId: visitor.visitorId, verified: false });
    expect(chatwoot.contacts.size).toBe(1);
    const [contact] = chatwoot.contacts.values();
    expect(contact).toMatchObject({ name: 'Ada Visitor', email: 'ada@example.com', customAttributes: { plan: 'pro' } });
    expect(chatwoot.seen[0]?.body).toMatchObject({ source_id: visitor.visitorId });
  });

  it('updates a returning contact whose name changed', async () => {
    await adapter.connect(visitor);
    await create().connect({ ...visitor, user: { ...visitor.user, name: 'Ada Lovelace' } });
    expect([...chatwoot.contacts.values()][0]?.name).toBe('Ada Lovelace');
    expect(chatwoot.seen.at(-1)?.method).toBe('PATCH');
  });

  it('verifies a user with identifier and identifier_hash, and refuses a wrong hash', async () => {
    const user = { id: 'user-42', name: 'Ada' };
    const session = await adapter.connect({
      visitorId: 'visitor-verified',
      user,
      verification: { userHash: chatwoot.hmacFor('user-42') },
    });
    expect(session.verified).toBe(true);
    expect([...chatwoot.contacts.values()][0]?.identifier).toBe('user-42');
    const wrong = await failure(
      create().connect({ visitorId: 'visitor-forged', user, verification: { userHash: chatwoot.hmacFor('user-43') } }),
    );
    expect(wrong).toMatchObject({ code: 'unauthorized', status: 401, retryable: false });
    const noId = await failure(
      create().connect({ visitorId: 'visitor-noid1', verification: { userHash: 'a'.repeat(64) } }),
    );
    expect(noId).toMatchObject({ code: 'invalid_input', field: 'user.id' });
  });

  it('answers an unknown inbox with not_found', async () => {
    const other = createChatwootAdapter({ baseUrl: chatwoot.origin, inboxIdentifier: 'no-such-inbox' });
    expect(await failure(other.connect(visitor))).toMatchObject({ code: 'not_found', status: 404 });
  });

  it('needs connect() before chat calls', async () => {
    expect(await failure(adapter.listConversations?.())).toMatchObject({ code: 'unauthorized' });
  });
});

describe('conversations and messages', () => {
  beforeEach(() => adapter.connect(visitor));

  it('carries the context as readable custom attributes plus the JSON snapshot', async () => {
    const context: ContextSnapshot = {
      capturedAt: new Date().toISOString(),
      page: { url: 'https://app.example.com/billing?tab=1', path: '/billing', title: 'Billing' },
      routeTrail: [],
      app: { version: '4.2.0' },
      breadcrumbs: [{ type: 'exception', message: 'TypeError', at: new Date().toISOString() }],
      selfService: [],
      custom: { tier: 'gold' },
    };
    const { conversation } = (await adapter.startConversation?.({ ...message('Billing is broken'), context })) ?? {};
    const stored = chatwoot.conversations.get(Number(conversation?.id))?.customAttributes;
    expect(stored).toMatchObject({
      page_path: '/billing',
      page_title: 'Billing',
      app_version: '4.2.0',
      errors_before_contact: 1,
    });
    expect(JSON.parse(String(stored?.helpline_context))).toEqual(context);
  });

  it('sends content with echo_id, maps authors, and pages with before=', async () => {
    const started = await adapter.startConversation?.(message('m-00'));
    const id = started?.conversation.id ?? '';
    expect(chatwoot.seen.find((r) => r.path.endsWith('/messages'))?.body).toMatchObject({
      content: 'm-00',
      echo_id: started?.message.idempotencyKey,
    });
    for (let i = 1; i < 25; i++) await adapter.sendMessage?.(id, message(`m-${String(i).padStart(2, '0')}`));
    chatwoot.agent.reply(id, 'Agent here');
    const newest = await adapter.listMessages?.(id);
    expect(newest?.messages).toHaveLength(20);
    expect(newest?.messages.at(-1)).toMatchObject({ body: 'Agent here', author: { type: 'agent', name: 'Sam Agent' } });
    expect(newest?.messages[0]?.author.type).toBe('user');
    const older = await adapter.listMessages?.(id, { before: newest?.nextCursor ?? '' });
    expect(older?.messages.map((m) => m.body)).toEqual(['m-00', 'm-01', 'm-02', 'm-03', 'm-04', 'm-05']);
    expect(older?.nextCursor).toBeUndefined();
    expect(await failure(adapter.listMessages?.(id, { before: 'abc' }))).toMatchObject({
      code: 'invalid_input',
      field: 'before',
    });
  });

  it('does not send a retried message twice when the first answer was lost', async () => {
    const started = await adapter.startConversation?.(message('Hello'));
    const id = started?.conversation.id ?? '';
    const input = message('Did this arrive?');
    chatwoot.agent.loseNextResponse();
    expect(await failure(adapter.sendMessage?.(id, input))).toMatchObject({ code: 'network', retryable: true });
    const retried = await adapter.sendMessage?.(id, input);
    expect(chatwoot.messages.filter((m) => m.content === 'Did this arrive?')).toHaveLength(1);
    expect(retried).toMatchObject({ body: 'Did this arrive?', idempotencyKey: input.idempotencyKey });
  });

  it('sends an uploaded file as a multipart message attachment', async () => {
    const data = new Blob(['%PDF-1.4'], { type: 'application/pdf' });
    const attachment = await adapter.uploadAttachment?.({
      name: 'invoice.pdf',
      type: 'application/pdf',
      size: data.size,
      data,
    });
    const { message: sent, conversation } =
      (await adapter.startConversation?.(message('', { attachmentIds: [attachment?.id] }))) ?? {};
    expect(sent?.attachments.map((a) => a.id)).toEqual([attachment?.id]);
    const stored = chatwoot.messages.find((m) => m.attachments.length > 0);
    expect(stored?.attachments[0]).toMatchObject({ extension: 'pdf', file_size: data.size });
    const listed = await adapter.listMessages?.(conversation?.id ?? '');
    expect(listed?.messages[0]?.attachments[0]).toMatchObject({
      name: 'invoice.pdf',
      type: 'application/pdf',
      size: data.size,
    });
    const unknown = await failure(
      adapter.sendMessage?.(conversation?.id ?? '', message('x', { attachmentIds: ['upload-none'] })),
    );
    expect(unknown).toMatchObject({ code: 'invalid_input', field: 'attachmentIds' });
  });

  it('marks read, reports agent reads and counts unread agent messages', async () => {
    const { conversation } = (await adapter.startConversation?.(message('Hi'))) ?? {};
    const id = conversation?.id ?? '';
    chatwoot.agent.reply(id, 'One');
    chatwoot.agent.readByAgent(id);
    expect((await adapter.listConversations?.())?.[0]).toMatchObject({
      id,
      unreadCount: 1,
      agentLastReadAt: expect.any(String),
    });
    await adapter.sendTyping?.(id, true);
    expect(chatwoot.typing).toEqual([{ conversationId: Number(id), on: true }]);
    await adapter.markRead?.(id);
    expect((await adapter.listConversations?.())?.[0]?.unreadCount).toBe(0);
  });

  it('answers an unknown conversation with not_found', async () => {
    expect(await failure(adapter.sendMessage?.('999999', message('x')))).toMatchObject({
      code: 'not_found',
      status: 404,
    });
  });

  it('maps malformed answers to invalid_response and 429 to a retryable rate_limited error', async () => {
    chatwoot.agent.failNext('malformed');
    expect(await failure(adapter.listConversations?.())).toMatchObject({ code: 'invalid_response' });
    chatwoot.agent.failNext(429);
    expect(await failure(adapter.listConversations?.())).toMatchObject({
      code: 'rate_limited',
      retryable: true,
      retryAfter: 3,
    });
  });
});

describe('realtime', () => {
  beforeEach(() => adapter.connect(visitor));

  it('delivers agent replies, own messages with their key, typing, status and presence', async () => {
    const started = await adapter.startConversation?.(message('Help'));
    const id = started?.conversation.id ?? '';
    const live = listen(adapter);
    await live.status('connected');
    chatwoot.agent.reply(id, 'On it');
    const reply = await live.next((e) => e.type === 'message' && e.message.body === 'On it');
    expect(reply).toMatchObject({ message: { conversationId: id, author: { type: 'agent', name: 'Sam Agent' } } });
    const own = message('Thanks');
    await adapter.sendMessage?.(id, own);
    expect(await live.next((e) => e.type === 'message' && e.message.body === 'Thanks')).toMatchObject({
      message: { idempotencyKey: own.idempotencyKey, author: { type: 'user' } },
    });
    await chatwoot.agent.typing(id, true);
    expect(await live.next((e) => e.type === 'typing')).toMatchObject({
      conversationId: id,
      typing: true,
      author: { type: 'agent' },
    });
    chatwoot.agent.presence({ '1': 'busy', '2': 'offline' });
    expect(await live.next((e) => e.type === 'presence')).toMatchObject({
      availability: { status: 'away', agentsOnline: 1 },
    });
    chatwoot.agent.resolve(id);
    expect(await live.next((e) => e.type === 'status')).toEqual({
      type: 'status',
      conversationId: id,
      status: 'resolved',
    });
    expect(live.events.some((e) => e.type === 'message' && e.message.author.type === 'system')).toBe(false);
    expect(live.statuses.slice(0, 3)).toEqual(['idle', 'connecting', 'connected']);
    live.stop();
  });

  it('reconnects after a drop and replays what was missed, then asks for a resync', async () => {
    const started = await adapter.startConversation?.(message('Still there?'));
    const id = started?.conversation.id ?? '';
    const live = listen(adapter);
    await live.status('connected');
    chatwoot.agent.dropConnections();
    chatwoot.agent.reply(id, 'Sent while you were away');
    await live.next((e) => e.type === 'resync');
    const missed = live.events.filter((e) => e.type === 'message' && e.message.body === 'Sent while you were away');
    expect(missed).toHaveLength(1);
    expect(live.events.findIndex((e) => e.type === 'resync')).toBeGreaterThan(
      live.events.indexOf(missed[0] as RealtimeEvent),
    );
    expect(live.statuses).toContain('reconnecting');
    expect(live.statuses.at(-1)).toBe('connected');
    live.stop();
  });

  it('treats a socket without pings as dead and reconnects', async () => {
    await chatwoot.close();
    chatwoot = await startFakeChatwoot({ pingMs: 60_000 });
    adapter = create({ staleAfterMs: 100 });
    await adapter.connect(visitor);
    const live = listen(adapter);
    await live.status('connected');
    await live.next((e) => e.type === 'resync');
    expect(live.statuses).toEqual(expect.arrayContaining(['connecting', 'connected', 'reconnecting']));
    live.stop();
  });

  it('goes offline, without retrying, when Chatwoot refuses the pubsub token', async () => {
    const live = listen(adapter);
    await live.status('connected');
    chatwoot.agent.revokeRealtime();
    await live.status('offline');
    const offlineAt = live.statuses.length;
    await new Promise((r) => setTimeout(r, 300));
    expect(live.statuses.slice(offlineAt)).toEqual([]);
    live.stop();
  });
});
