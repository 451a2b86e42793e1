import { isAdapterError, isValidationError } from '@helpline/core';
import { describe, expect, it } from 'vitest';
import { connected, visitor } from './connected.js';

describe('fault injection', () => {
  it('turns a malformed response into invalid_response through the wire schemas', async () => {
    const adapter = await connected();
    adapter.agent.failNext('malformed');
    const error = await adapter.listConversations().catch((e: unknown) => e);
    expect(isValidationError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'invalid_response' });
    expect((error as Error).message).toMatch(/^Malformed conversation list from the backend/);
  });

  it('maps statuses like an HTTP backend would', async () => {
    const adapter = await connected();
    const cases = [
      [401, 'unauthorized', false],
      [429, 'rate_limited', true],
      [500, 'server', true],
      ['network', 'network', true],
    ] as const;
    for (const [kind, code, retryable] of cases) {
      adapter.agent.failNext(kind);
      const error = await adapter.getAvailability().catch((e: unknown) => e);
      expect(isAdapterError(error)).toBe(true);
      expect(error).toMatchObject({ code, retryable });
    }
  });

  it('tells how long to wait after a 429', async () => {
    const adapter = await connected();
    adapter.agent.failNext(429);
    await expect(adapter.connect(visitor)).rejects.toMatchObject({ retryAfter: 2, status: 429 });
  });

  it('fails only the next call, and a failed write stores nothing', async () => {
    const adapter = await connected();
    adapter.agent.failNext(500);
    await expect(
      adapter.startConversation({ body: 'Lost?', attachmentIds: [], idempotencyKey: 'retry-key-1' }),
    ).rejects.toMatchObject({ code: 'server' });
    expect(adapter.agent.conversations()).toHaveLength(0);
    await adapter.startConversation({ body: 'Lost?', attachmentIds: [], idempotencyKey: 'retry-key-1' });
    expect(adapter.agent.conversations()).toHaveLength(1);
  });

  it('refuses an unknown fault kind', async () => {
    const adapter = await connected();
    expect(() => adapter.agent.failNext(404 as never)).toThrow(/kind: expected one of/);
  });
});
