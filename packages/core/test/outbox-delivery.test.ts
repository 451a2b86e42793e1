import { AdapterError, BACKOFF_BASE_MS, backoffDelay, createMemoryStore } from '@helpline/core';
import { describe, expect, it, vi } from 'vitest';
import { createTestBackend, startClient } from './client-test-adapter.js';

const serverError = () => new AdapterError('server', 'Internal Server Error', { status: 500, retryable: true });

describe('outbox delivery', () => {
  it('backs off with full jitter capped at 30 s', () => {
    expect(backoffDelay(1, () => 0.999)).toBe(999);
    expect(backoffDelay(3, () => 0.5)).toBe(2000);
    expect(backoffDelay(20, () => 0.999)).toBe(29_970);
    expect(backoffDelay(5, () => 0)).toBe(0);
    expect(BACKOFF_BASE_MS).toBe(1000);
  });

  it('keeps a message typed offline and sends it when the browser comes back online', async () => {
    const backend = createTestBackend();
    backend.offline = true;
    const { client } = startClient({}, { backend });
    const started: string[] = [];
    client.on('conversation:started', ({ conversation }) => started.push(conversation.id));

    const item = await client.chat.send({ body: 'My export is stuck' });
    expect(item).toMatchObject({ kind: 'conversation', body: 'My export is stuck' });
    await vi.waitFor(() =>
      expect(client.chat.thread(undefined).value.pending[0]).toMatchObject({ state: 'pending', attempts: 1 }),
    );
    expect(backend.messages).toHaveLength(0);

    backend.offline = false;
    window.dispatchEvent(new Event('online'));
    await vi.waitFor(() => expect(started).toHaveLength(1));
    expect(backend.messages.map((message) => message.body)).toEqual(['My export is stuck']);
    expect(client.chat.thread(undefined).value.pending).toEqual([]);
    expect(client.chat.thread(started[0]).value.messages.map((message) => message.body)).toEqual([
      'My export is stuck',
    ]);
  });

  it('retries a 5xx with exponential backoff on the injected clock', async () => {
    const backend = createTestBackend();
    backend.failures.push(serverError(), serverError());
    const { client, time } = startClient({}, { backend });
    await client.chat.send({ body: 'Hello?' });

    // jitter is fixed at 0.5: the first wait is half of 1 s, the second half of 2 s.
    await vi.waitFor(() => expect(time.delays()).toContain(500));
    expect(backend.messages).toHaveLength(0);
    time.advance(500);
    await vi.waitFor(() => expect(time.delays()).toContain(1000));
    expect(backend.messages).toHaveLength(0);
    time.advance(1000);
    await vi.waitFor(() => expect(backend.messages).toHaveLength(1));
    expect(backend.writes.map(([, key]) => key)).toEqual([
      backend.writes[0]![1],
      backend.writes[0]![1],
      backend.writes[0]![1],
    ]);
  });

  it('honours Retry-After on 429', async () => {
    const backend = createTestBackend();
    backend.failures.push(
      new AdapterError('rate_limited', 'Too Many Requests', { status: 429, retryable: true, retryAfter: 7 }),
    );
    const { client, time } = startClient({}, { backend });
    await client.chat.send({ body: 'Hello?' });
    await vi.waitFor(() => expect(time.delays()).toContain(7000));
    time.advance(6999);
    expect(backend.messages).toHaveLength(0);
    time.advance(1);
    await vi.waitFor(() => expect(backend.messages).toHaveLength(1));
  });

  it('keeps a 4xx as failed with its error and text, and sends it on retry', async () => {
    const backend = createTestBackend();
    backend.failures.push(new AdapterError('invalid_input', 'body: too long for this inbox', { status: 422 }));
    const { client, time } = startClient({}, { backend });
    const item = await client.chat.send({ body: 'A long story' });
    await vi.waitFor(() =>
      expect(client.chat.thread(undefined).value.pending[0]).toMatchObject({
        id: item.id,
        state: 'failed',
        body: 'A long story',
        error: { code: 'invalid_input', message: 'body: too long for this inbox' },
      }),
    );
    expect(time.delays()).toEqual([]);
    await client.chat.retry(item.id);
    await vi.waitFor(() => expect(backend.messages.map((message) => message.body)).toEqual(['A long story']));
  });

  it('discards a failed item only when asked', async () => {
    const backend = createTestBackend();
    backend.failures.push(new AdapterError('forbidden', 'Not allowed', { status: 403 }));
    const { client, store } = startClient({}, { backend });
    const item = await client.chat.send({ body: 'Delete me' });
    await vi.waitFor(() => expect(client.chat.thread(undefined).value.pending[0]?.state).toBe('failed'));
    await client.chat.discard(item.id);
    expect(client.chat.thread(undefined).value.pending).toEqual([]);
    expect((await store.keys()).filter((key) => key.startsWith('outbox:'))).toEqual([]);
  });

  it('reuses the idempotency key when the answer was lost, so the backend stores the write once', async () => {
    const backend = createTestBackend();
    backend.loseNextResponse = true;
    const { client, time } = startClient({}, { backend });
    await client.chat.send({ body: 'Only once please' });
    await vi.waitFor(() => expect(time.delays()).toHaveLength(1));
    time.advance(time.delays()[0]!);
    await vi.waitFor(() => expect(client.chat.thread(undefined).value.pending).toEqual([]));
    expect(backend.writes).toHaveLength(2);
    expect(backend.writes[0]![1]).toBe(backend.writes[1]![1]);
    expect(backend.messages).toHaveLength(1);
    expect(backend.conversations.size).toBe(1);
  });

  it('survives a reload: a new client over the same store resumes and sends exactly once', async () => {
    const store = createMemoryStore();
    const backend = createTestBackend();
    backend.offline = true;
    const first = startClient({}, { backend, store });
    await first.client.chat.send({ body: 'Typed before the tab closed' });
    await vi.waitFor(() => expect(first.client.chat.thread(undefined).value.pending[0]?.error?.code).toBe('network'));
    await first.client.shutdown();

    backend.offline = false;
    const second = startClient({}, { backend, store });
    await vi.waitFor(() => expect(backend.messages).toHaveLength(1));
    await vi.waitFor(async () => expect((await store.keys()).filter((key) => key.startsWith('outbox:'))).toEqual([]));
    expect(backend.messages[0]!.body).toBe('Typed before the tab closed');
    expect(backend.writes).toHaveLength(1);
    await second.client.shutdown();
  });

  it('sends the messages of a conversation in the order they were written', async () => {
    const backend = createTestBackend();
    const { client, time } = startClient({}, { backend });
    await client.chat.send({ body: 'one' });
    await vi.waitFor(() => expect(client.chat.conversations.value).toHaveLength(1));
    const conversationId = client.chat.conversations.value[0]!.id;
    backend.failures.push(serverError());
    await client.chat.send({ conversationId, body: 'two' });
    await client.chat.send({ conversationId, body: 'three' });
    await client.chat.send({ conversationId, body: 'four' });
    await vi.waitFor(() => expect(time.delays()).toHaveLength(1));
    expect(backend.messages.map((message) => message.body)).toEqual(['one']);
    time.advance(time.delays()[0]!);
    await vi.waitFor(() =>
      expect(backend.messages.map((message) => message.body)).toEqual(['one', 'two', 'three', 'four']),
    );
  });

  it('holds messages typed into a conversation still being created, then sends them to its id', async () => {
    const backend = createTestBackend();
    backend.offline = true;
    const { client } = startClient({}, { backend });
    await client.chat.send({ body: 'Hi' });
    const followUp = await client.chat.send({ body: 'Anyone there?' });
    expect(followUp.kind).toBe('message');
    expect(client.chat.thread(undefined).value.pending.map((item) => item.body)).toEqual(['Hi', 'Anyone there?']);

    backend.offline = false;
    window.dispatchEvent(new Event('online'));
    await vi.waitFor(() => expect(backend.messages).toHaveLength(2));
    const conversation = [...backend.conversations.values()][0]!;
    expect(backend.messages.map((message) => [message.conversationId, message.body])).toEqual([
      [conversation.id, 'Hi'],
      [conversation.id, 'Anyone there?'],
    ]);
  });
});
