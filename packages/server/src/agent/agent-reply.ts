import { Id, MAX_TEXT_LENGTH } from '@helpline/core';
import type { Context } from 'hono';
import * as z from 'zod/mini';
import type { AppDeps } from '../app/deps.js';
import { claimAgentUploads } from '../attachments/agent-uploads.js';
import { ACCEPTED_TYPES } from '../attachments/sniff.js';
import type { Queryable } from '../db/database.js';
import { ApiError } from '../http/api-error.js';
import { readJson } from '../http/read-body.js';
import type { StoredAttachment } from '../messages/message-store.js';
import type { AgentEnv } from './agent-env.js';

/** A reply carries a few files, not a folder: a bound the inbox also shows before uploading. */
export const MAX_REPLY_ATTACHMENTS = 10;

/** What the inbox may attach to a reply, so it can say so before a file is sent. */
export const replyUploadRules = (deps: AppDeps) => ({
  maxBytes: deps.config.maxAttachmentBytes,
  types: [...ACCEPTED_TYPES],
  maxFiles: MAX_REPLY_ATTACHMENTS,
});

const AgentReply = z.object({
  body: z._default(z.string().check(z.trim(), z.maxLength(MAX_TEXT_LENGTH)), ''),
  attachmentIds: z._default(
    z.array(Id).check(
      z.maxLength(MAX_REPLY_ATTACHMENTS),
      z.refine((ids) => new Set(ids).size === ids.length, 'each upload may be attached once'),
    ),
    [],
  ),
});
type AgentReply = z.infer<typeof AgentReply>;

/** The reply body: text, files, or both — never neither. */
export async function readAgentReply(c: Context<AgentEnv>): Promise<AgentReply> {
  const reply = await readJson(c, AgentReply, 'Reply');
  if (reply.body === '' && reply.attachmentIds.length === 0)
    throw new ApiError(400, 'invalid_input', 'Reply: body: write something or attach a file', 'body');
  return reply;
}

/** The files a reply carries, claimed in the reply's own transaction. */
export function replyAttachments(
  tx: Queryable,
  deps: AppDeps,
  c: Context<AgentEnv>,
  ids: readonly string[],
): Promise<StoredAttachment[]> {
  return claimAgentUploads(tx, {
    workspaceId: c.get('workspace').id,
    agentId: c.get('agent').id,
    ids,
    unsentTtlSeconds: deps.config.unattachedTtlSeconds,
  });
}
