import type { Database } from '../db/database.js';
import { deleteUnattached, existingAttachmentIds } from './attachment-store.js';
import type { BlobStore } from './blob-store.js';

const BATCH = 500;

/**
 * How old an unsent upload must be before the sweep deletes it: a tenth past the time it can still be
 * sent (at most ten minutes past), so an upload a message has just been checked against is not
 * deleted before that message is stored.
 */
export const sweepAge = (unsentTtlSeconds: number): number => unsentTtlSeconds + Math.min(unsentTtlSeconds / 10, 600);

/**
 * Deletes uploads never sent with a message or ticket once past `sweepAge`, bytes included, then
 * bytes in the blob store that no row claims any more.
 */
export async function sweepAttachments(db: Database, blobs: BlobStore, unsentTtlSeconds: number): Promise<void> {
  for (;;) {
    const expired = await deleteUnattached(db, sweepAge(unsentTtlSeconds), BATCH);
    await blobs.delete(expired);
    if (expired.length < BATCH) break;
  }
  const stored = (await blobs.listIds?.()) ?? [];
  for (let start = 0; start < stored.length; start += BATCH) {
    const ids = stored.slice(start, start + BATCH);
    const known = await existingAttachmentIds(db, ids);
    await blobs.delete(ids.filter((id) => !known.has(id)));
  }
}

/** Sweeps now and every `intervalSeconds`, never two at once; the returned function stops it. */
export function startAttachmentSweep(
  db: Database,
  blobs: BlobStore,
  options: { unsentTtlSeconds: number; intervalSeconds: number },
  onError: (error: unknown) => void,
): () => Promise<void> {
  let running: Promise<void> | undefined;
  const sweep = () => {
    running ??= sweepAttachments(db, blobs, options.unsentTtlSeconds)
      .catch(onError)
      .finally(() => {
        running = undefined;
      });
  };
  sweep();
  const timer = setInterval(sweep, options.intervalSeconds * 1000);
  // A sweep must not keep alive a process that has nothing else to do.
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
