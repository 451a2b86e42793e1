import type { Queryable } from '../db/database.js';
import type { BlobStore } from './blob-store.js';
import { CHUNK_BYTES, chunkStream } from './chunk-stream.js';

/**
 * On PostgreSQL the bytes stay in the database, which every instance shares, as rows of
 * attachment_chunks: node-postgres parses each row on the event loop, so rows stay small.
 */
export function postgresBlobStore(db: Queryable): BlobStore {
  const reader = (id: string) => async (seq: number) => {
    const [row] = await db.query<{ data: Uint8Array }>(
      'select data from attachment_chunks where attachment_id = $1 and seq = $2',
      [id, seq],
    );
    return row?.data;
  };
  return {
    async put(id, bytes) {
      for (let seq = 0; seq * CHUNK_BYTES < bytes.length; seq++) {
        await db.query('insert into attachment_chunks (attachment_id, seq, data) values ($1, $2, $3)', [
          id,
          seq,
          bytes.subarray(seq * CHUNK_BYTES, (seq + 1) * CHUNK_BYTES),
        ]);
      }
    },
    async open(id) {
      const read = reader(id);
      const first = await read(0);
      return first && chunkStream(first, read);
    },
    async delete(ids) {
      await db.query(
        'delete from attachment_chunks where attachment_id in (select jsonb_array_elements_text($1::jsonb))',
        [ids],
      );
    },
  };
}
