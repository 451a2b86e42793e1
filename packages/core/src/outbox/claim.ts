import { isHelplineError } from '../errors/helpline-error.js';
import { readStoredIdentity } from '../identity/stored-identity.js';
import type { KeyValueStore } from '../storage/types.js';
import { NotTheirSession } from './outbox.js';
import type { OutboxRecord } from './record.js';

/**
 * What to throw for `error`, the backend's refusal of an item sent with a session made for
 * `sessionUser`. An item without owner (an anonymous visitor's, or one stored before items had owners)
 * refused as someone else's — its key already used by another visitor (409), its conversation or ticket
 * not this visitor's (404) — while this browser's visitor has signed in as a user since: signing in
 * moved the visitor's history to that user, so the item is theirs. It waits for their session instead
 * of failing, which would show a delivered message as failed, and its text to whoever is here.
 */
export async function claimed(
  error: unknown,
  record: OutboxRecord,
  sessionUser: string | undefined,
  store: KeyValueStore,
): Promise<unknown> {
  if (record.owner !== undefined || !isHelplineError(error) || (error.status !== 409 && error.status !== 404))
    return error;
  const userId = (await readStoredIdentity(store).catch(() => undefined))?.userId;
  return userId === undefined || userId === sessionUser ? error : new NotTheirSession(userId);
}
