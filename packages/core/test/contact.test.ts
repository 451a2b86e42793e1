import { type Contact, createMemoryStore, type KeyValueStore } from '@helpline/core';
import { describe, expect, it, vi } from 'vitest';
import { createTestBackend, settle, startClient } from './client-test-adapter.js';

const HASH = 'a'.repeat(64);

/** A client over a backend that takes contacts (unless told not to), recording what it was given. */
function visitor(options = {}, store: KeyValueStore = createMemoryStore(), contact = true) {
  const backend = createTestBackend({ contact });
  const given: Contact[] = [];
  backend.setContact = async (value) => {
    given.push(value);
  };
  return { ...startClient(options, { backend, store }), given, store };
}

/** The visitor writes something, which loads the module that asks. */
async function wrote(client: ReturnType<typeof visitor>['client']) {
  await client.chat.send({ body: 'Where is my invoice?' });
  await settle();
}

describe('the email a visitor the host has not named leaves for replies', () => {
  it('is asked for, sent with the name masked as typed text, and remembered so it is not asked again', async () => {
    const store = createMemoryStore();
    const { client, given } = visitor({}, store);
    await wrote(client);
    expect(client.contact.asks.value).toBe(true);

    const saved = await client.contact.set({ email: ' ada@example.com ', name: 'Ada 4242 4242 4242 4242' });
    expect(saved).toEqual({ email: 'ada@example.com', name: 'Ada [card]' });
    expect(given).toEqual([saved]);
    expect(client.contact.given.value).toEqual(saved);
    expect(client.contact.asks.value).toBe(false);
    await client.shutdown();

    const later = visitor({}, store);
    await wrote(later.client);
    expect(later.client.contact.given.value).toEqual(saved);
    expect(later.client.contact.asks.value).toBe(false);
  });

  it('refuses what is not an email, naming the field, and sends nothing', async () => {
    const { client, given } = visitor();
    await wrote(client);
    await expect(client.contact.set({ email: 'ada at example' })).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'email',
    });
    await expect(client.contact.set({ email: `${'a'.repeat(250)}@example.com` })).rejects.toMatchObject({
      field: 'email',
    });
    expect(given).toEqual([]);
    expect(client.contact.asks.value).toBe(true);
  });

  it('is not asked of a user whose email the host gave, nor where the adapter cannot take it', async () => {
    const named = visitor({ user: { id: 'u1', email: 'ada@example.com' } });
    await wrote(named.client);
    expect(named.client.contact.asks.value).toBe(false);

    const unsupported = visitor({}, createMemoryStore(), false);
    await wrote(unsupported.client);
    expect(unsupported.client.contact.asks.value).toBe(false);
    await expect(unsupported.client.contact.set({ email: 'ada@example.com' })).rejects.toMatchObject({
      code: 'unsupported',
    });
  });

  it('stays put away once dismissed, for that visitor only: a user the page names later is asked', async () => {
    const store = createMemoryStore();
    const { client } = visitor({}, store);
    await wrote(client);
    client.contact.dismiss();
    expect(client.contact.asks.value).toBe(false);
    await vi.waitFor(async () => expect(await store.get('contact')).toEqual({ dismissed: true }));

    await client.identify({ id: 'u2', name: 'Bob' }, { userHash: HASH });
    expect(client.contact.asks.value).toBe(true);
    await client.update({ user: undefined });
    expect(client.contact.asks.value).toBe(false);
  });

  it('is forgotten on logout', async () => {
    const { client, store } = visitor();
    await wrote(client);
    await client.contact.set({ email: 'ada@example.com' });
    await client.logout();
    expect(client.contact.given.value).toBeUndefined();
    expect(await store.get('contact')).toBeUndefined();
  });
});
