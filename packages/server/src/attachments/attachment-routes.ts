import { randomUUID } from 'node:crypto';
import type { Attachment } from '@helpline/core';
import type { Context } from 'hono';
import { Hono } from 'hono';
import type { AppDeps } from '../app/deps.js';
import { attachmentLinker } from '../app/links.js';
import { ApiError, notFound } from '../http/api-error.js';
import { widgetAuth } from '../widget/widget-auth.js';
import type { WidgetEnv } from '../widget/widget-env.js';
import { attachmentById, deleteAttachment, reserveAttachment } from './attachment-store.js';
import { attachmentName, withTypeExtension } from './file-name.js';
import { verifyAttachmentSignature } from './signed-url.js';
import { declaredType, sniffType } from './sniff.js';
import { quotaExceeded, uploadAdmission } from './upload-quota.js';

/** The body's announced size; a chunked body may be as large as the cap allows. */
function expectedSize(c: Context, cap: number): number {
  const length = Number(c.req.header('Content-Length'));
  return Number.isSafeInteger(length) && length >= 0 ? length : cap;
}

/** Uploads (raw body, sniffed type, size cap, quota of unsent bytes) and signed, streamed downloads. */
export function attachmentRoutes(deps: AppDeps): Hono<WidgetEnv> {
  const app = new Hono<WidgetEnv>();
  const admit = uploadAdmission(deps.db, deps.config.maxUnattachedBytes);

  app.post('/', widgetAuth(deps, { session: true }), async (c) => {
    const workspace = c.get('workspace');
    const visitor = c.get('visitor');
    const release = await admit(workspace.id, visitor.id, expectedSize(c, deps.config.maxAttachmentBytes));
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
          workspaceId: workspace.id,
          visitorPk: visitor.id,
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
      const attachment: Attachment = { ...record, url: attachmentLinker(deps, c)(record.id) };
      return c.json(attachment, 201);
    } finally {
      release();
    }
  });

  app.get('/:id', async (c) => {
    const id = c.req.param('id');
    if (!verifyAttachmentSignature(deps.serverSecret, id, c.req.query('exp'), c.req.query('sig'))) {
      throw new ApiError(403, 'forbidden', 'sig: missing, invalid or expired attachment signature', 'sig');
    }
    const record = await attachmentById(deps.db, id);
    if (!record) throw notFound('Attachment');
    // A HEAD answer has no body: a file opened for it would never be read, nor closed.
    const body = c.req.method === 'HEAD' ? null : await deps.blobs.open(id);
    if (body === undefined) throw notFound('Attachment');
    const inline = record.type.startsWith('image/');
    const encoded = encodeURIComponent(withTypeExtension(record.name, record.type));
    c.header('Content-Type', record.type === 'text/plain' ? 'text/plain; charset=utf-8' : record.type);
    c.header('Content-Length', String(record.size));
    c.header(
      'Content-Disposition',
      `${inline ? 'inline' : 'attachment'}; filename="${encoded}"; filename*=UTF-8''${encoded}`,
    );
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Content-Security-Policy', "default-src 'none'; img-src 'self'; sandbox");
    c.header('Cache-Control', 'private, max-age=3600');
    return body === null ? c.body(null) : c.body(body);
  });
  return app;
}
