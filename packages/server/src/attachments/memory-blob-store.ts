import type { Database } from '../db/database.js';
import type { BlobStore } from './blob-store.js';
import { CHUNK_BYTES, chunkStream } from './chunk-stream.js';

// Servers started on one in-memory database (tests) share its files as they share its rows.
const stores = new WeakMap<Database, BlobStore>();

/** For an in-memory PGlite: the files live and die with the process, like the rows. */
export function memoryBlobStore(db: Database): BlobStore {
  const existing = stores.get(db);
  if (existing) return existing;
  const blobs = new Map<string, Uint8Array>();
  const store: BlobStore = {
    async put(id, bytes) {
      blobs.set(id, bytes);
    },
    async open(id) {
      const bytes = blobs.get(id);
      if (!bytes) return undefined;
      // Handed out in pieces, as from a file: one 10 MB write held up the event loop for 0.3 s.
      const piece = (index: number) => bytes.subarray(index * CHUNK_BYTES, (index + 1) * CHUNK_BYTES);
      return chunkStream(piece(0), async (index) => piece(index));
    },
    async delete(ids) {
      for (const id of ids) blobs.delete(id);
    },
    async listIds() {
      return [...blobs.keys()];
    },
  };
  stores.set(db, store);
  return store;
}
