import { describe, expect, it, vi } from 'vitest';
import { createTestBackend, startClient } from './client-test-adapter.js';

async function withConversation(options = {}, backend = createTestBackend()) {
  const harness = startClient(options, { backend });
  await harness.client.chat.send({ body: 'How do I export invoices?' });
  await vi.waitFor(() => expect(harness.client.chat.conversations.value).toHaveLength(1));
  return { ...harness, conversationId: harness.client.chat.conversations.value[0]!.id };
}

describe('the visitor ending a chat', () => {
  it('resolves the conversation at the backend and in the list', async () => {
    const { client, backend, conversationId } = await withConversation();
    const ended = await client.chat.end(conversationId);
    expect(ended).toMatchObject({ id: conversationId, status: 'resolved' });
    expect(backend.conversations.get(conversationId)?.status).toBe('resolved');
    expect(client.chat.conversations.value[0]?.status).toBe('resolved');
  });

  it('is refused, naming the capability, when the adapter cannot or the host turns it off', async () => {
    const off = await withConversation({ features: { endChat: false } });
    await expect(off.client.chat.end(off.conversationId)).rejects.toMatchObject({
      code: 'unsupported',
      field: 'endChat',
    });
    const unable = await withConversation({}, createTestBackend({ endChat: false }));
    expect(unable.client.state.capabilities.value.endChat).toBe(false);
    await expect(unable.client.chat.end(unable.conversationId)).rejects.toMatchObject({ field: 'endChat' });
    // Without chat there is no chat to end.
    const { client } = startClient({ features: { chat: false } });
    expect(client.state.capabilities.value.endChat).toBe(false);
  });

  it('names a bad id, and keeps the conversation open when the backend cannot be reached', async () => {
    const { client, backend, conversationId } = await withConversation();
    await expect(client.chat.end('')).rejects.toMatchObject({ code: 'invalid_command', field: 'conversationId' });
    backend.offline = true;
    await expect(client.chat.end(conversationId)).rejects.toMatchObject({ code: 'network' });
    expect(client.chat.conversations.value[0]?.status).toBe('open');
  });
});
