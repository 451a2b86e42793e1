import { randomUUID } from 'node:crypto';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import * as z from 'zod/mini';
import type { BlobStore } from './blob-store.js';

/** Attachment ids are UUIDs: anything else never becomes a path. */
const BlobId = z.uuid();
const TEMPORARY = /\.tmp$/;

const isMissing = (error: unknown): boolean => (error as NodeJS.ErrnoException).code === 'ENOENT';

/**
 * Files named by attachment id in `<dataDir>/attachments`, beside PGlite's own files, so a copy of
 * the data folder is a complete backup. Reads and writes go through libuv's thread pool: the event
 * loop never waits on them.
 */
export async function fileBlobStore(dataDir: string): Promise<BlobStore> {
  const dir = join(dataDir, 'attachments');
  await mkdir(dir, { recursive: true });
  await removeAbandonedWrites(dir);
  const pathOf = (id: string): string => {
    const parsed = z.safeParse(BlobId, id);
    if (!parsed.success) throw new Error(`attachment id: not a UUID: ${JSON.stringify(id)}`);
    return join(dir, parsed.data);
  };
  return {
    async put(id, bytes) {
      const target = pathOf(id);
      // Written aside and renamed: a reader, or a crash, never sees half a file under the real name.
      const temporary = `${target}.${randomUUID()}.tmp`;
      try {
        const handle = await open(temporary, 'wx');
        try {
          await handle.writeFile(bytes);
          await handle.sync();
        } finally {
          await handle.close();
        }
        await rename(temporary, target);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    },
    async open(id) {
      if (!z.safeParse(BlobId, id).success) return undefined;
      try {
        const handle = await open(pathOf(id), 'r');
        return Readable.toWeb(handle.createReadStream()) as ReadableStream<Uint8Array>;
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },
    async delete(ids) {
      await Promise.all(ids.map((id) => rm(pathOf(id), { force: true })));
    },
    async listIds() {
      return (await readdir(dir)).filter((name) => z.safeParse(BlobId, name).success);
    },
  };
}

/**
 * A write cut short by a crash leaves its temporary file. Those from before this process started
 * are abandoned; newer ones may belong to another server started in this process on the same folder.
 */
async function removeAbandonedWrites(dir: string): Promise<void> {
  const processStart = Date.now() - process.uptime() * 1000;
  for (const name of await readdir(dir)) {
    if (!TEMPORARY.test(name)) continue;
    const path = join(dir, name);
    const modified = await stat(path).then(
      (stats) => stats.mtimeMs,
      () => Number.POSITIVE_INFINITY,
    );
    if (modified < processStart) await rm(path, { force: true });
  }
}
