import * as z from 'zod/mini';
import { Availability } from './availability.js';
import { Id, Timestamp } from './common.js';
import { Author, ConversationStatus, Message } from './conversation.js';
import { Ticket } from './ticket.js';

/** Everything an adapter pushes to the widget after `subscribe`. */
export const RealtimeEvent = z.union([
  z.object({ type: z.literal('message'), message: Message }),
  z.object({ type: z.literal('typing'), conversationId: Id, author: Author, typing: z.boolean() }),
  /** `by: 'user'`: the visitor ended the conversation from the widget. */
  z.object({
    type: z.literal('status'),
    conversationId: Id,
    status: ConversationStatus,
    by: z.optional(z.literal('user')),
  }),
  z.object({ type: z.literal('read'), conversationId: Id, reader: z.enum(['user', 'agent']), at: Timestamp }),
  z.object({ type: z.literal('presence'), availability: Availability }),
  z.object({ type: z.literal('ticket'), ticket: Ticket }),
  /** The connection came back after a gap the adapter could not replay: reload lists. */
  z.object({ type: z.literal('resync') }),
]);
export type RealtimeEvent = z.infer<typeof RealtimeEvent>;

/**
 * Why a server ended a realtime stream, sent as a last SSE event named `end` (plain EventSource
 * `onmessage` readers never see it). The credential is gone — `logged_out`, `expired`,
 * `visitor_gone` (erased, or merged into a signed-in user) — so reconnecting needs a new session;
 * `replaced`: a newer stream with the same credential took its place; `max_age` and `shutdown`:
 * reconnect and resume from the last event id.
 */
export const StreamEndReason = z.enum(['logged_out', 'expired', 'visitor_gone', 'replaced', 'max_age', 'shutdown']);
export type StreamEndReason = z.infer<typeof StreamEndReason>;
export const StreamEnd = z.object({ reason: StreamEndReason });
export type StreamEnd = z.infer<typeof StreamEnd>;

export const ConnectionStatus = z.enum(['idle', 'connecting', 'connected', 'reconnecting', 'offline']);
export type ConnectionStatus = z.infer<typeof ConnectionStatus>;
