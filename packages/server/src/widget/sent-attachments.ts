import type { Context } from 'hono';
import type { AppDeps } from '../app/deps.js';
import { resolveAttachments, type StoredAttachment } from '../messages/message-store.js';
import type { WidgetEnv } from './widget-env.js';

/** The uploads a visitor's new message or ticket carries: theirs, and still within the time to send them. */
export function sentAttachments(
  deps: AppDeps,
  c: Context<WidgetEnv>,
  ids: readonly string[],
): Promise<StoredAttachment[]> {
  return resolveAttachments(deps.db, c.get('workspace').id, c.get('visitor').id, ids, deps.config.unattachedTtlSeconds);
}
