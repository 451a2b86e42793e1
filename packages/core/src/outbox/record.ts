import * as z from 'zod/mini';
import { Attachment } from '../schemas/attachment.js';
import { atLeast, whole } from '../schemas/common.js';

export const OutboxKind = z.enum(['message', 'conversation', 'ticket', 'csat', 'ticketReply']);

/**
 * An outbox item as persisted: what the UI shows (OutboxItem) plus what is needed to send it again
 * after a reload. Parsed on every read, since storage may hold anything (an older version, a bad write).
 */
export const OutboxRecord = z.object({
  id: z.string().check(z.minLength(8)),
  kind: OutboxKind,
  targetId: z.optional(z.string()),
  /** Outbox id of the not-yet-created conversation this message waits for. */
  after: z.optional(z.string()),
  body: z.optional(z.string()),
  attachments: z.optional(z.array(Attachment)),
  createdAt: z.string(),
  state: z.enum(['pending', 'sending', 'failed']),
  attempts: z.number().check(whole(), atLeast(0)),
  error: z.optional(z.object({ code: z.string(), message: z.string() })),
  /** Order of creation; FIFO per target follows it. */
  seq: z.number(),
  /** Epoch ms before which the item must not be retried (backoff). */
  notBefore: z.optional(z.number()),
  /** Kind-specific arguments for the adapter call, validated again when sent. */
  payload: z.looseObject({}),
  /**
   * Id of the signed-in user who wrote it. Absent for an anonymous visitor's item (and for items stored
   * before owners were recorded): those go with any session of this browser's visitor.
   */
  owner: z.optional(z.string()),
});
export type OutboxRecord = z.infer<typeof OutboxRecord>;

export const OUTBOX_KEY_PREFIX = 'outbox:';
export const outboxKey = (id: string): string => `${OUTBOX_KEY_PREFIX}${id}`;

/**
 * Whether a session made for `userId` (undefined: anonymous) may carry the item: a signed-in user's
 * items go only under their own session, never under an anonymous one or another user's.
 */
export const carries = (userId: string | undefined, record: OutboxRecord): boolean =>
  record.owner === undefined || record.owner === userId;

/** Items that must go out one after another: a conversation and its messages, a ticket and its replies. */
export function queueOf(record: OutboxRecord): string {
  const family = record.kind === 'ticket' || record.kind === 'ticketReply' ? 'ticket' : 'chat';
  return `${family}:${record.targetId ?? record.after ?? record.id}`;
}
