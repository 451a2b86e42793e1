import { Hono } from 'hono';
import type { AppDeps } from '../app/deps.js';
import { ApiError, notFound } from '../http/api-error.js';
import { widgetAuth } from '../widget/widget-auth.js';
import type { WidgetEnv } from '../widget/widget-env.js';
import { attachmentById } from './attachment-store.js';
import { withTypeExtension } from './file-name.js';
import { receiveUpload } from './receive-upload.js';
import { verifyAttachmentSignature } from './signed-url.js';
import { uploadAdmission } from './upload-quota.js';

/** Uploads (raw body, sniffed type, size cap, quota of unsent bytes) and signed, streamed downloads. */
export function attachmentRoutes(deps: AppDeps): Hono<WidgetEnv> {
  const app = new Hono<WidgetEnv>();
  const admit = uploadAdmission(deps.db, deps.config.maxUnattachedBytes);

  app.post('/', widgetAuth(deps, { session: true }), async (c) => {
    const workspace = c.get('workspace');
    const visitor = c.get('visitor');
    return c.json(await receiveUpload(deps, c, admit, workspace.id, { visitorPk: visitor.id }), 201);
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
