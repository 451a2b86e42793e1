// Runs in Chromium: the real core client, the real IndexedDB outbox and the http adapter.
import { createHttpAdapter } from '@helpline/adapter-http';
import { createClient } from '@helpline/core';

const until = (check) =>
  new Promise((resolve) => {
    const poll = () => (check() ? resolve(undefined) : setTimeout(poll, 5));
    poll();
  });

window.benchOutbox = {
  async start(apiUrl, key) {
    const client = createClient({ adapter: createHttpAdapter({ baseUrl: apiUrl, workspaceKey: key }) });
    client.interacted();
    await client.open('chat');
    const first = await client.chat.send({ body: 'hello from the bench' });
    await until(() => client.chat.conversations.value.length > 0);
    window.benchOutbox.client = client;
    window.benchOutbox.conversationId = client.chat.conversations.value[0].id;
    void first;
  },
  async queue(count) {
    const { client, conversationId } = window.benchOutbox;
    const start = performance.now();
    for (let i = 0; i < count; i++) await client.chat.send({ conversationId, body: `queued ${i}` });
    return performance.now() - start;
  },
  async drain(count) {
    const { client, conversationId } = window.benchOutbox;
    const start = performance.now();
    const thread = client.chat.thread(conversationId);
    await until(
      () =>
        thread.value.pending.length === 0 &&
        thread.value.messages.filter((m) => m.body.startsWith('queued ')).length >= count,
    );
    return performance.now() - start;
  },
};
