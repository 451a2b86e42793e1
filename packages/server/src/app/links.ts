import type { Context } from 'hono';
import { signedAttachmentUrl } from '../attachments/signed-url.js';
import type { AttachmentLinker } from '../messages/message-store.js';
import type { AppDeps } from './deps.js';

/** The server's public origin: the configured one, else the origin this request came to. */
export function publicBase(deps: AppDeps, c: Context): string {
  return (deps.config.publicUrl ?? new URL(c.req.url).origin).replace(/\/+$/, '');
}

/** Absolute, signed attachment URLs: the widget runs on another origin than this server. */
export function attachmentLinker(deps: AppDeps, c: Context): AttachmentLinker {
  const base = publicBase(deps, c);
  return (id) => signedAttachmentUrl(deps.serverSecret, base, id, deps.config.attachmentUrlTtlSeconds);
}
