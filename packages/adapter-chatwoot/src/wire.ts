import * as z from 'zod/mini';

// Chatwoot Client API shapes this adapter reads (fields it does not use are dropped). From the
// jbuilder views under app/views/public/api/v1 in chatwoot/chatwoot and developers.chatwoot.com
// "Client APIs"; realtime payloads from Message#push_event_data and the RoomChannel.

const CId = z.number().check(z.int());
/** Chatwoot sends times as Unix seconds. */
const UnixSeconds = z.number().check(z.nonnegative());

export const CAttachment = z.object({
  id: CId,
  file_type: z._default(z.string(), 'file'),
  extension: z.nullable(z.optional(z.string())),
  data_url: z.string(),
  file_size: z._default(z.number(), 0),
});
export type CAttachment = z.infer<typeof CAttachment>;

export const CMessage = z.object({
  id: CId,
  content: z.nullable(z.optional(z.string())),
  /** 0 incoming (contact), 1 outgoing (agent or bot), 2 activity, 3 template. */
  message_type: z.number().check(z.int()),
  created_at: UnixSeconds,
  conversation_id: CId,
  private: z.optional(z.boolean()),
  echo_id: z.nullable(z.optional(z.string())),
  attachments: z._default(z.array(CAttachment), []),
  sender: z.nullable(
    z.optional(
      z.object({
        id: z.optional(CId),
        name: z.nullable(z.optional(z.string())),
        type: z.optional(z.string()),
        avatar_url: z.nullable(z.optional(z.string())),
        thumbnail: z.nullable(z.optional(z.string())),
      }),
    ),
  ),
});
export type CMessage = z.infer<typeof CMessage>;
export const CMessages = z.array(CMessage);

export const CConversation = z.object({
  id: CId,
  status: z.enum(['open', 'resolved', 'pending', 'snoozed']),
  contact_last_seen_at: z._default(UnixSeconds, 0),
  agent_last_seen_at: z._default(UnixSeconds, 0),
  messages: z._default(CMessages, []),
});
export type CConversation = z.infer<typeof CConversation>;
export const CConversations = z.array(CConversation);

export const CContact = z.object({
  source_id: z.string().check(z.minLength(1)),
  pubsub_token: z.string().check(z.minLength(1)),
  id: CId,
  name: z.nullable(z.optional(z.string())),
  email: z.nullable(z.optional(z.string())),
});
export type CContact = z.infer<typeof CContact>;

/** Frames of the ActionCable protocol (welcome, ping, confirm/reject_subscription, disconnect, messages). */
export const CableFrame = z.object({
  type: z.optional(z.string()),
  identifier: z.optional(z.string()),
  reconnect: z.optional(z.boolean()),
  message: z.optional(z.unknown()),
});

export const CEvent = z.object({ event: z.string(), data: z.unknown() });

export const CTyping = z.object({
  conversation: z.object({ id: CId }),
  user: z.optional(
    z.object({ id: z.optional(CId), name: z.nullable(z.optional(z.string())), type: z.optional(z.string()) }),
  ),
  is_private: z.optional(z.boolean()),
});
export const CStatusChanged = z.object({ id: CId, status: z.enum(['open', 'resolved', 'pending', 'snoozed']) });
export const CPresence = z.object({ users: z._default(z.record(z.string(), z.string()), {}) });
