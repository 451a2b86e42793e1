import { createMemoryStore } from '@helpline/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestBackend, type Harness, startClient } from './client-test-adapter.js';

/** Web Locks as the browser grants them: exclusive, first come first served, abortable while waiting. */
function createLocks(): LockManager {
  const held = new Set<string>();
  const waiting: Array<{ name: string; grant: () => void }> = [];
  const next = () => {
    for (const entry of [...waiting]) {
      if (held.has(entry.name)) continue;
      waiting.splice(waiting.indexOf(entry), 1);
      entry.grant();
    }
  };
  const request = (name: string, options: LockOptions, callback: LockGrantedCallback<unknown>) =>
    new Promise((resolve, reject) => {
      const entry = {
        name,
        grant: () => {
          held.add(name);
          Promise.resolve(callback({ name, mode: 'exclusive' } as Lock))
            .then(resolve, reject)
            .finally(() => {
              held.delete(name);
              next();
            });
        },
      };
      options.signal?.addEventListener('abort', () => {
        const index = waiting.indexOf(entry);
        if (index >= 0) {
          waiting.splice(index, 1);
          reject(new DOMException('Aborted', 'AbortError'));
        }
      });
      waiting.push(entry);
      next();
    });
  return { request, query: async () => ({ held: [], pending: [] }) } as unknown as LockManager;
}

let channelName = 0;
const clients: Harness[] = [];
afterEach(async () => {
  for (const harness of clients.splice(0)) await harness.client.shutdown();
});

function twoTabs() {
  const locks = createLocks();
  const store = createMemoryStore();
  const backend = createTestBackend();
  const opened: BroadcastChannel[] = [];
  const suffix = ++channelName;
  const channel = (name: string) => {
    const bc = new BroadcastChannel(`${name}-${suffix}`);
    opened.push(bc);
    return bc;
  };
  const tab = () => {
    const harness = startClient({}, { backend, store, deps: { locks, channel } });
    clients.push(harness);
    return harness;
  };
  return { backend, tab };
}

describe('outbox across tabs', () => {
  it('only the tab holding the lock sends; the other mirrors the item state', async () => {
    const { backend, tab } = twoTabs();
    const leader = tab();
    await new Promise((resolve) => leader.client.once('ready', resolve));
    const follower = tab();
    await new Promise((resolve) => follower.client.once('ready', resolve));

    backend.offline = true;
    await follower.client.chat.send({ body: 'Sent from the second tab' });
    await vi.waitFor(() =>
      expect(leader.client.chat.thread(undefined).value.pending[0]).toMatchObject({ attempts: 1, state: 'pending' }),
    );
    await vi.waitFor(() =>
      expect(follower.client.chat.thread(undefined).value.pending[0]).toMatchObject({ attempts: 1, state: 'pending' }),
    );

    backend.offline = false;
    window.dispatchEvent(new Event('online'));
    await vi.waitFor(() => expect(follower.client.chat.thread(undefined).value.pending).toEqual([]));
    expect(backend.messages.map((message) => message.body)).toEqual(['Sent from the second tab']);
    expect(follower.client.chat.conversations.value).toHaveLength(1);
    expect(backend.writes).toHaveLength(1);
  });

  it('hands sending over when the leading tab goes away', async () => {
    const { backend, tab } = twoTabs();
    const leader = tab();
    await new Promise((resolve) => leader.client.once('ready', resolve));
    const follower = tab();
    await new Promise((resolve) => follower.client.once('ready', resolve));
    await leader.client.shutdown();

    await follower.client.chat.send({ body: 'Still here' });
    await vi.waitFor(() => expect(backend.messages.map((message) => message.body)).toEqual(['Still here']));
    expect(follower.client.chat.thread(undefined).value.pending).toEqual([]);
  });
});
