import type { Database } from '../db/database.js';
import { ApiError } from '../http/api-error.js';
import { type Uploader, unattachedBytes, uploaderKey } from './attachment-store.js';

/** 413 naming the limit: attaching what is already uploaded, or waiting for the sweep, frees room. */
export function quotaExceeded(limit: number, heldBytes: number): ApiError {
  return new ApiError(
    413,
    'payload_too_large',
    `body: uploads not yet sent with a message or ticket may hold at most ${limit} bytes per visitor or agent ` +
      `(maxUnattachedBytes); ${heldBytes} bytes are held — send them first`,
    'body',
  );
}

/**
 * Checked before a body is read, counting uploads of the uploader still arriving on this instance:
 * a visitor opening 120 uploads at once buffers no more than the limit, and the rest are refused
 * at once. The limit itself is enforced again, exactly, when the upload is recorded. The returned
 * release may be called more than once: the upload stops arriving when it is recorded or refused.
 */
export function uploadAdmission(db: Database, limit: number) {
  const arriving = new Map<string, number>();
  return async (workspaceId: string, uploader: Uploader, expectedBytes: number): Promise<() => void> => {
    const key = uploaderKey(uploader);
    const held = (await unattachedBytes(db, workspaceId, uploader)) + (arriving.get(key) ?? 0);
    if (held + expectedBytes > limit) throw quotaExceeded(limit, held);
    arriving.set(key, (arriving.get(key) ?? 0) + expectedBytes);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (arriving.get(key) ?? 0) - expectedBytes;
      if (left > 0) arriving.set(key, left);
      else arriving.delete(key);
    };
  };
}
