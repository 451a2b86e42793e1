import type { Queryable } from '../db/database.js';
import type { BlobStore } from './blob-store.js';
import { CHUNK_BYTES, chunkStream } from './chunk-stream.js';

/**
 * Uploads stored by earlier versions keep their bytes in attachments.data. They are served from
 * there, a slice per statement, so even on PGlite no statement blocks the server for long.
 */
export function withLegacyBytes(store: BlobStore, db: Queryable): BlobStore {
  const reader = (id: string) => async (index: number) => {
    const [row] = await db.query<{ data: Uint8Array }>(
      'select substring(data from $2 for $3) as data from attachments where id = $1 and data is not null',
      [id, index * CHUNK_BYTES + 1, CHUNK_BYTES],
    );
    return row?.data;
  };
  return {
    ...store,
    async open(id) {
      const stored = await store.open(id);
      if (stored) return stored;
      const read = reader(id);
      const first = await read(0);
      return first && first.length > 0 ? chunkStream(first, read) : undefined;
    },
  };
}
