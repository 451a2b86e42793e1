import * as z from 'zod/mini';
import type { KeyValueStore } from '../storage/types.js';

export const IDENTITY_KEY = 'identity';

/** Who this browser is to us: the anonymous visitor id and, once identified, the host's user id. */
export const StoredIdentity = z.object({
  visitorId: z.string().check(z.minLength(8)),
  userId: z.optional(z.string()),
});
export type StoredIdentity = z.infer<typeof StoredIdentity>;

/** Read-only: used at boot to tell a returning visitor from a new one without writing anything. */
export async function readStoredIdentity(store: KeyValueStore): Promise<StoredIdentity | undefined> {
  const parsed = StoredIdentity.safeParse(await store.get(IDENTITY_KEY));
  return parsed.success ? parsed.data : undefined;
}

export async function writeStoredIdentity(store: KeyValueStore, identity: StoredIdentity): Promise<void> {
  await store.set(IDENTITY_KEY, identity);
}
