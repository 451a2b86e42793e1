import { createMemoryStore, type KeyValueStore } from '@helpline/core';
import { describe, expect, it, vi } from 'vitest';
import { settle, startClient } from './client-test-adapter.js';

const HASH = 'a'.repeat(64);
const ADA = { id: 'u1', name: 'Ada' };
const BOB = { id: 'u2', name: 'Bob' };

/** Waits for the messaging module, whose drafts are saved after a debounce, to have saved them. */
const saved = async ({ store, time }: ReturnType<typeof startClient>, key: string) =>
  vi.waitFor(async () => {
    time.advance(1000);
    expect(await store.get(key)).toBeDefined();
  });

const draftsIn = async (store: KeyValueStore) => {
  const keys = (await store.keys()).filter((key) => key.startsWith('draft:')).sort();
  return Object.fromEntries(await Promise.all(keys.map(async (key) => [key, await store.get(key)])));
};

/** Ada, signed in, leaves a chat draft and half a ticket; the page is then shut down, drafts saved. */
async function adasDrafts() {
  const store = createMemoryStore();
  const ada = startClient({}, { store });
  await ada.client.identify(ADA, { userHash: HASH });
  ada.client.chat.setDraft('new', 'My account number is');
  ada.client.tickets.setDraft({ subject: 'Refund for order 42' });
  await saved(ada, 'draft:ticket@u1:form');
  await ada.client.shutdown();
  return { store, backend: ada.backend };
}

describe('drafts and whom the page names', () => {
  it('hides a signed-in user’s drafts while the page names nobody or someone else, keeps what others type apart, and shows them again when it names her', async () => {
    const harness = startClient();
    const { client, store, time } = harness;
    await client.identify(ADA, { userHash: HASH });
    client.chat.setDraft('new', 'Ada’s question');
    client.tickets.setDraft({ subject: 'Ada’s ticket' });
    await saved(harness, 'draft:ticket@u1:form');

    // The host signed her out of its app without logout and says so with update.
    await client.update({ user: undefined });
    expect(client.chat.draft('new').value).toBe('');
    expect(client.tickets.draft.value).toEqual({});
    client.chat.setDraft('new', 'Typed by whoever is here');

    await client.update({ user: BOB });
    expect(client.chat.draft('new').value).toBe('Typed by whoever is here');
    client.chat.setDraft('new', 'Bob’s question');
    expect(client.tickets.draft.value).toEqual({});

    await client.update({ user: ADA });
    expect(client.chat.draft('new').value).toBe('Ada’s question');
    expect(client.tickets.draft.value).toEqual({ subject: 'Ada’s ticket' });

    time.advance(1000);
    await settle();
    expect(await draftsIn(store)).toEqual({
      'draft:chat@u1:new': 'Ada’s question',
      'draft:chat@u2:new': 'Bob’s question',
      'draft:ticket@u1:form': { subject: 'Ada’s ticket' },
    });
  });

  it('does not show a signed-in user’s saved drafts on a later page until it names her', async () => {
    const { store, backend } = await adasDrafts();
    const next = startClient({}, { backend, store });
    await new Promise((resolve) => next.client.once('ready', resolve));
    await settle();
    expect(next.client.chat.draft('new').value).toBe('');
    expect(next.client.tickets.draft.value).toEqual({});

    await next.client.identify(ADA, { userHash: HASH });
    await vi.waitFor(() => expect(next.client.chat.draft('new').value).toBe('My account number is'));
    expect(next.client.tickets.draft.value).toEqual({ subject: 'Refund for order 42' });
  });

  it('does not show them to another user the page names with update', async () => {
    const { store, backend } = await adasDrafts();
    const next = startClient({}, { backend, store });
    await next.client.update({ user: BOB });
    await new Promise((resolve) => next.client.once('ready', resolve));
    await settle();
    expect(next.client.chat.draft('new').value).toBe('');
    expect(next.client.tickets.draft.value).toEqual({});
  });

  it('shows an anonymous visitor’s draft to the user who signs in, and makes it hers once she edits it', async () => {
    const harness = startClient();
    const { client, store, time } = harness;
    client.interacted();
    client.chat.setDraft('new', 'Asked before signing in');
    await saved(harness, 'draft:chat:new');
    await client.identify(ADA, { userHash: HASH });
    expect(client.chat.draft('new').value).toBe('Asked before signing in');

    client.chat.setDraft('new', 'Asked before signing in, and more');
    await client.update({ user: undefined });
    expect(client.chat.draft('new').value).toBe('');
    time.advance(1000);
    await settle();
    expect(await draftsIn(store)).toEqual({ 'draft:chat@u1:new': 'Asked before signing in, and more' });
  });
});
