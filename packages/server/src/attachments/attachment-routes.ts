import { randomUUID } from 'node:crypto';
import type { Attachment } from '@helpline/core';
import { Hono } from 'hono';
import type { AppDeps } from '../app/deps.js';
import { attachmentLinker } from '../app/links.js';
import { ApiError, notFound } from '../http/api-error.js';
import { widgetAuth } from '../widget/widget-auth.js';
import type { WidgetEnv } from '../widget/widget-env.js';
import { verifyAttachmentSignature } from './signed-url.js';
import { declaredType, sniffType } from './sniff.js';

/** A file name safe for storage and Content-Disposition: no paths, no control characters. */
function cleanName(raw: string | undefined): string {
  let name = raw ?? '';
  try {
    name = decodeURIComponent(name);
  } catch {
    // Not percent-encoded: use as is.
  }
  name = [...name.replace(/^.*[/\\]/, '')]
    .filter((char) => char !== '"' && char.charCodeAt(0) >= 0x20 && char.charCodeAt(0) !== 0x7f)
    .join('')
    .trim();
  return (name || 'attachment').slice(0, 255);
}

/** Uploads (raw body, sniffed type, size cap) and signed downloads. */
export function attachmentRoutes(deps: AppDeps): Hono<WidgetEnv> {
  const app = new Hono<WidgetEnv>();

  app.post('/', widgetAuth(deps, { session: true }), async (c) => {
    const workspace = c.get('workspace');
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
    const id = randomUUID();
    const name = cleanName(c.req.header('X-Filename'));
    await deps.db.query(
      'insert into attachments (id, workspace_id, visitor_pk, name, type, size, data) values ($1, $2, $3, $4, $5, $6, $7)',
      [id, workspace.id, c.get('visitor').id, name, sniffed, bytes.length, bytes],
    );
    const attachment: Attachment = { id, name, type: sniffed, size: bytes.length, url: attachmentLinker(deps, c)(id) };
    return c.json(attachment, 201);
  });

  app.get('/:id', async (c) => {
    const id = c.req.param('id');
    if (!verifyAttachmentSignature(deps.serverSecret, id, c.req.query('exp'), c.req.query('sig'))) {
      throw new ApiError(403, 'forbidden', 'sig: missing, invalid or expired attachment signature', 'sig');
    }
    const [row] = await deps.db.query<{ name: string; type: string; data: Uint8Array }>(
      'select name, type, data from attachments where id = $1',
      [id],
    );
    if (!row) throw notFound('Attachment');
    const inline = row.type.startsWith('image/');
    const encoded = encodeURIComponent(row.name);
    c.header('Content-Type', row.type === 'text/plain' ? 'text/plain; charset=utf-8' : row.type);
    c.header(
      'Content-Disposition',
      `${inline ? 'inline' : 'attachment'}; filename="${encoded}"; filename*=UTF-8''${encoded}`,
    );
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Content-Security-Policy', "default-src 'none'; img-src 'self'; sandbox");
    c.header('Cache-Control', 'private, max-age=3600');
    return c.body(new Uint8Array(row.data));
  });
  return app;
}
