import type { Context } from 'hono';
import { signedAttachmentUrl } from '../attachments/signed-url.js';
import type { AttachmentLinker } from '../messages/message-store.js';
import type { AppDeps } from './deps.js';

/** Absolute, signed attachment URLs: the widget runs on another origin than this server. */
export function attachmentLinker(deps: AppDeps, c: Context): AttachmentLinker {
  const base = (deps.config.publicUrl ?? new URL(c.req.url).origin).replace(/\/+$/, '');
  return (id) => signedAttachmentUrl(deps.serverSecret, base, id, deps.config.attachmentUrlTtlSeconds);
}
