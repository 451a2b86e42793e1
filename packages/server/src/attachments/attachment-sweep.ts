import type { Database } from '../db/database.js';
import { deleteUnattached, existingAttachmentIds } from './attachment-store.js';
import type { BlobStore } from './blob-store.js';

const BATCH = 500;

/**
 * Deletes uploads never sent with a message or ticket once older than `maxAgeSeconds`, bytes
 * included, then bytes in the blob store that no row claims any more.
 */
export async function sweepAttachments(db: Database, blobs: BlobStore, maxAgeSeconds: number): Promise<void> {
  for (;;) {
    const expired = await deleteUnattached(db, maxAgeSeconds, BATCH);
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
  options: { maxAgeSeconds: number; intervalSeconds: number },
  onError: (error: unknown) => void,
): () => Promise<void> {
  let running: Promise<void> | undefined;
  const sweep = () => {
    running ??= sweepAttachments(db, blobs, options.maxAgeSeconds)
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
