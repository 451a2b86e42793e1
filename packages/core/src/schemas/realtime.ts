import * as z from 'zod/mini';
import { Availability } from './availability.js';
import { Id, Timestamp } from './common.js';
import { Author, ConversationStatus, Message } from './conversation.js';
import { Ticket } from './ticket.js';

/** Everything an adapter pushes to the widget after `subscribe`. */
export const RealtimeEvent = z.union([
  z.object({ type: z.literal('message'), message: Message }),
  z.object({ type: z.literal('typing'), conversationId: Id, author: Author, typing: z.boolean() }),
  z.object({ type: z.literal('status'), conversationId: Id, status: ConversationStatus }),
  z.object({ type: z.literal('read'), conversationId: Id, reader: z.enum(['user', 'agent']), at: Timestamp }),
  z.object({ type: z.literal('presence'), availability: Availability }),
  z.object({ type: z.literal('ticket'), ticket: Ticket }),
  /** The connection came back after a gap the adapter could not replay: reload lists. */
  z.object({ type: z.literal('resync') }),
]);
export type RealtimeEvent = z.infer<typeof RealtimeEvent>;

export const ConnectionStatus = z.enum(['idle', 'connecting', 'connected', 'reconnecting', 'offline']);
export type ConnectionStatus = z.infer<typeof ConnectionStatus>;
