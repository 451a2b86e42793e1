import { isUnsupportedError } from '@helpline/core';
import { describe, expect, it, vi } from 'vitest';
import { createTestBackend, startClient } from './client-test-adapter.js';

describe('capability gating', () => {
  it('narrows the adapter capabilities by the features option, with what depends on them', () => {
    const { client } = startClient({ features: { chat: false } });
    const caps = client.state.capabilities.value;
    expect(caps.chat).toBe(false);
    expect(caps.typing).toBe(false);
    expect(caps.csat).toBe(false);
    expect(caps.readReceipts).toBe(false);
    expect(caps.kb).toBe(true);
    expect(caps.attachments).toBe(true); // tickets still take attachments
  });

  it('never widens what the adapter declares', () => {
    const { client } = startClient(
      { features: { kb: true } },
      { backend: createTestBackend({ kb: false, attachments: false }) },
    );
    expect(client.state.capabilities.value.kb).toBe(false);
    expect(client.state.capabilities.value.attachments).toBe(false);
  });

  it('rejects calls that need a missing capability with UnsupportedError naming it, and emits error', async () => {
    const { client, logs } = startClient(
      { features: { chat: false } },
      { backend: createTestBackend({ csat: false }) },
    );
    const errors: Array<string | undefined> = [];
    client.on('error', ({ command }) => errors.push(command));
    const refusals = await Promise.all([
      client.chat.send({ body: 'hi' }).catch((e: unknown) => e),
      client.newMessage('hi').catch((e: unknown) => e),
      client.open('conversations').catch((e: unknown) => e),
      client.chat.rate('c1', { score: 4 }).catch((e: unknown) => e),
    ]);
    for (const refusal of refusals) expect(isUnsupportedError(refusal)).toBe(true);
    expect(refusals.map((r) => (r as { field: string }).field)).toEqual(['chat', 'chat', 'chat', 'csat']);
    // Turned off by the host's own features option: the message must not blame the adapter alone.
    expect((refusals[1] as Error).message).toBe('The test adapter does not support chat, or features turns it off.');
    expect(errors.sort()).toEqual(['chat.rate', 'chat.send', 'newMessage', 'open']);
    expect(logs.errors).toHaveLength(4);
  });

  it('does not report analytics when the adapter lacks the capability', async () => {
    const backend = createTestBackend({ analytics: false });
    const { client } = startClient({}, { backend });
    await client.kb.search('invoice');
    expect(backend.analytics).toEqual([]);
  });

  it('refuses an attachment on a message when attachments are off', async () => {
    const { client } = startClient({}, { backend: createTestBackend({ attachments: false }) });
    const attachment = { id: 'f1', name: 'a.png', type: 'image/png', size: 1, url: 'https://x.test/a.png' };
    await expect(client.chat.send({ body: 'see file', attachments: [attachment] })).rejects.toMatchObject({
      code: 'unsupported',
      field: 'attachments',
    });
  });
});

describe('analytics', () => {
  it('reports help_opened on the first open, once the visitor is connected', async () => {
    const { client, backend } = startClient();
    await client.open();
    await client.open('search');
    await vi.waitFor(() => expect(backend.analytics.map((event) => event.type)).toEqual(['help_opened']));
  });
});
