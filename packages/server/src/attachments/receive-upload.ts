import { randomUUID } from 'node:crypto';
import type { Attachment } from '@helpline/core';
import type { Context } from 'hono';
import type { AppDeps } from '../app/deps.js';
import { attachmentLinker } from '../app/links.js';
import { ApiError } from '../http/api-error.js';
import { deleteAttachment, reserveAttachment, type Uploader } from './attachment-store.js';
import { attachmentName } from './file-name.js';
import { declaredType, sniffType } from './sniff.js';
import { quotaExceeded, type uploadAdmission } from './upload-quota.js';

/** The body's announced size; a chunked body may be as large as the cap allows. */
function expectedSize(c: Context, cap: number): number {
  const length = Number(c.req.header('Content-Length'));
  return Number.isSafeInteger(length) && length >= 0 ? length : cap;
}

/**
 * One upload, a visitor's or an agent's, under the same rules: raw body within the size cap, type
 * sniffed from the bytes (a declared type that disagrees is refused), the uploader's quota of
 * unsent bytes. Answers the stored attachment with its signed URL.
 */
export async function receiveUpload(
  deps: AppDeps,
  c: Context,
  admit: ReturnType<typeof uploadAdmission>,
  workspaceId: string,
  uploader: Uploader,
): Promise<Attachment> {
  const release = await admit(workspaceId, uploader, expectedSize(c, deps.config.maxAttachmentBytes));
  try {
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    if (bytes.length === 0) throw new ApiError(400, 'invalid_input', 'body: the file is empty', 'body');
    const sniffed = sniffType(bytes);
    const declared = declaredType(c.req.header('Content-Type'));
    if (!sniffed)
      throw new ApiError(
        415,
        'unsupported_media_type',
        'Content-Type: only PNG, JPEG, GIF, WebP, PDF and plain text files are accepted',
        'Content-Type',
      );
    if (declared && declared !== sniffed) {
      throw new ApiError(
        415,
        'unsupported_media_type',
        `Content-Type: declared ${declared} but the file is ${sniffed}`,
        'Content-Type',
      );
    }
    const reserved = await reserveAttachment(
      deps.db,
      {
        id: randomUUID(),
        workspaceId,
        uploader,
        name: attachmentName(c.req.header('X-Filename'), sniffed),
        type: sniffed,
        size: bytes.length,
      },
      deps.config.maxUnattachedBytes,
    );
    // Recorded or refused, it no longer arrives: counted both ways while its bytes are stored, it
    // made a limit that still had room look full to the uploads arriving next.
    release();
    if (!('record' in reserved)) throw quotaExceeded(deps.config.maxUnattachedBytes, reserved.heldBytes);
    const { record } = reserved;
    // The row comes first: bytes without a row could outlive an erasure, a row without bytes cannot.
    await deps.blobs.put(record.id, bytes).catch(async (error: unknown) => {
      await deleteAttachment(deps.db, record.id);
      throw error;
    });
    return { ...record, url: attachmentLinker(deps, c)(record.id) };
  } finally {
    release();
  }
}
