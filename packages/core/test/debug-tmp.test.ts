import { expect, it, vi } from 'vitest';
import { createTestBackend, startClient, settle } from './client-test-adapter.js';
it('debug', async () => {
    const backend = createTestBackend();
    backend.offline = true;
    const { client, time } = startClient({}, { backend });
    await client.chat.send({ body: 'Hi' });
    await client.chat.send({ body: 'Anyone there?' });
    await settle();
    console.log(JSON.stringify(client.chat.thread(undefined).value.pending), time.delays());
    backend.offline = false;
    window.dispatchEvent(new Event('online'));
    await settle();
    console.log(JSON.stringify(client.chat.thread(undefined).value.pending), time.delays(), backend.messages.length, client.state.status.value);
});
