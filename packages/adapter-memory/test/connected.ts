import { createMemoryAdapter, type MemoryAdapterOptions } from '@helpline/adapter-memory';
import type { Identity } from '@helpline/core';

export const visitor: Identity = { visitorId: 'visitor-0001', account: { id: 'acc_1', name: 'Acme', plan: 'starter' } };

/** A memory adapter with no scripted agent (unless asked) and a connected visitor. */
export async function connected(options: MemoryAdapterOptions = {}, identity: Identity = visitor) {
  const adapter = createMemoryAdapter({ autoReply: () => null, ...options });
  await adapter.connect(identity);
  return adapter;
}

let keys = 0;
export const key = () => `test-key-${String(++keys).padStart(4, '0')}`;
