import type { ServerConfig } from '../config/schema.js';
import type { Database } from '../db/database.js';
import { fileBlobStore } from './file-blob-store.js';
import { withLegacyBytes } from './legacy-bytes.js';
import { memoryBlobStore } from './memory-blob-store.js';
import { postgresBlobStore } from './postgres-blob-store.js';

/**
 * Where the bytes of uploads live; the attachments table only describes them. PGlite runs every
 * statement on the server's own thread, and storing a 10 MB bytea there froze the whole server for
 * seconds, so with PGlite the bytes stay out of the database.
 */
export interface BlobStore {
  /** Keeps `bytes` under `id`; resolves once a reader would find all of them. */
  put(id: string, bytes: Uint8Array): Promise<void>;
  /** The bytes as a stream, or undefined when nothing is stored under `id`. */
  open(id: string): Promise<ReadableStream<Uint8Array> | undefined>;
  /** Ids with nothing stored are skipped. */
  delete(ids: readonly string[]): Promise<void>;
  /**
   * Stores outside the database list what they hold, so the sweep can drop bytes whose row is gone
   * (a crash between deleting the row and the file, an upload finishing after an erasure). Rows in
   * the database need no such list: they go with their attachment row.
   */
  listIds?(): Promise<string[]>;
}

/**
 * PostgreSQL keeps the bytes (instances share them), in chunks so no statement moves megabytes; a
 * PGlite data folder keeps them in files beside the database; an in-memory PGlite, in memory.
 */
export async function openBlobStore(config: ServerConfig, db: Database): Promise<BlobStore> {
  const store =
    db.kind === 'postgres'
      ? postgresBlobStore(db)
      : config.dataDir === ':memory:'
        ? memoryBlobStore(db)
        : await fileBlobStore(config.dataDir);
  return withLegacyBytes(store, db);
}
