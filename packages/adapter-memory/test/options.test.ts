import { createMemoryAdapter, demoArticles } from '@helpline/adapter-memory';
import { isValidationError } from '@helpline/core';
import { describe, expect, it } from 'vitest';

function optionError(options: unknown): { code?: string; field?: string; message: string } {
  try {
    createMemoryAdapter(options as never);
  } catch (error) {
    expect(isValidationError(error)).toBe(true);
    return error as { code?: string; field?: string; message: string };
  }
  throw new Error('expected the options to be refused');
}

describe('createMemoryAdapter options', () => {
  it('works with no options at all and declares every capability', () => {
    const adapter = createMemoryAdapter();
    expect(Object.values(adapter.capabilities).every(Boolean)).toBe(true);
  });

  it('names a wrong option', () => {
    expect(optionError({ latencyMs: -5 })).toMatchObject({ code: 'invalid_option', field: 'latencyMs' });
    expect(optionError({ autoReply: 'hello' })).toMatchObject({ field: 'autoReply' });
    expect(optionError({ articles: [{ id: 'a', title: '', html: '' }] })).toMatchObject({ field: 'articles.0.title' });
    expect(optionError({ articles: [{ id: 'a', title: 'A', html: '', routes: ['invoices'] }] })).toMatchObject({
      field: 'articles.0.routes.0',
    });
  });

  it('refuses duplicate article ids', () => {
    const article = { id: 'same', title: 'A', html: '<p>a</p>' };
    expect(optionError({ articles: [article, article] })).toMatchObject({ field: 'articles.1.id' });
  });

  it('refuses business hours with an unknown time zone or no open day', () => {
    expect(
      optionError({ businessHours: { timezone: 'Nowhere/Land', days: { '1': [['09:00', '17:00']] } } }),
    ).toMatchObject({
      field: 'businessHours.timezone',
    });
    expect(optionError({ businessHours: { timezone: 'UTC', days: {} } })).toMatchObject({
      field: 'businessHours.days',
    });
  });

  it('ships demo articles with h2 sections and unique ids', () => {
    expect(demoArticles.length).toBeGreaterThanOrEqual(10);
    expect(new Set(demoArticles.map((a) => a.id)).size).toBe(demoArticles.length);
    for (const article of demoArticles) expect(article.html).toContain('<h2>');
    expect(() => createMemoryAdapter({ articles: demoArticles })).not.toThrow();
  });

  it('simulates latency on every call', async () => {
    const adapter = createMemoryAdapter({ latencyMs: 5 });
    let settled = false;
    const call = adapter.connect({ visitorId: 'visitor-late' }).then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await call;
    expect(settled).toBe(true);
  });

  it('uses the injected clock and random source', async () => {
    const adapter = createMemoryAdapter({
      now: () => new Date('2026-01-02T03:04:05Z'),
      random: () => 0,
      autoReply: () => null,
    });
    await adapter.connect({ visitorId: 'visitor-fixed' });
    const { message } = await adapter.startConversation({
      body: 'Hi',
      attachmentIds: [],
      idempotencyKey: 'fixed-key-1',
    });
    expect(message.createdAt).toBe('2026-01-02T03:04:05.000Z');
    expect(message.id).toMatch(/^msg_[0-9a-z]{4}000000$/);
  });
});

describe('disconnect', () => {
  it('cancels a pending scripted reply, ends subscriptions and forgets the visitor', async () => {
    const adapter = createMemoryAdapter({ replyDelayMs: 60_000 });
    await adapter.connect({ visitorId: 'visitor-leaving' });
    const statuses: string[] = [];
    adapter.subscribe(
      () => {},
      (status) => statuses.push(status),
    );
    await adapter.startConversation({ body: 'Bye', attachmentIds: [], idempotencyKey: 'leaving-key' });
    await adapter.disconnect();
    expect(statuses.at(-1)).toBe('idle');
    await expect(adapter.listConversations()).rejects.toMatchObject({ code: 'unauthorized' });
  });
});
