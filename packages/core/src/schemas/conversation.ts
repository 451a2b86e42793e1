import * as z from 'zod/mini';
import { Attachment } from './attachment.js';
import { atLeast, between, Id, IdempotencyKey, MAX_TEXT_LENGTH, Timestamp, whole } from './common.js';

export const AuthorType = z.enum(['user', 'agent', 'bot', 'system']);
export type AuthorType = z.infer<typeof AuthorType>;

export const Author = z.object({
  type: AuthorType,
  id: z.optional(z.string()),
  name: z.optional(z.string()),
  avatarUrl: z.optional(z.string()),
});
export type Author = z.infer<typeof Author>;

/** Message bodies are plain text; the widget renders them as text with linkified http(s) URLs. */
export const Message = z.object({
  id: Id,
  conversationId: Id,
  author: Author,
  body: z.string().check(z.maxLength(MAX_TEXT_LENGTH)),
  attachments: z._default(z.array(Attachment), []),
  createdAt: Timestamp,
  idempotencyKey: z.optional(z.string()),
});
export type Message = z.infer<typeof Message>;

export const ConversationStatus = z.enum(['open', 'pending', 'resolved']);
export type ConversationStatus = z.infer<typeof ConversationStatus>;

export const Csat = z.object({
  score: z.number().check(whole(), between(1, 5)),
  comment: z.optional(z.string().check(z.maxLength(2000))),
});
export type Csat = z.infer<typeof Csat>;

export const Conversation = z.object({
  id: Id,
  status: ConversationStatus,
  subject: z.optional(z.string()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  lastMessage: z.optional(Message),
  unreadCount: z._default(z.number().check(whole(), atLeast(0)), 0),
  assignee: z.optional(Author),
  csat: z.optional(Csat),
  /** When the agent side last read the thread: lets the widget show "Seen". */
  agentLastReadAt: z.optional(Timestamp),
  /** The visitor shared their context with it: while it is open, the page they are on is shared too. */
  livePage: z.optional(z.boolean()),
});
export type Conversation = z.infer<typeof Conversation>;

export const Conversations = z.array(Conversation);

export const MessagePage = z.object({
  messages: z.array(Message),
  /** Pass as `before` to load older messages; absent when there are none. */
  nextCursor: z.optional(z.string()),
});
export type MessagePage = z.infer<typeof MessagePage>;

export const NewMessage = z.object({
  body: z.string().check(z.maxLength(MAX_TEXT_LENGTH)),
  attachmentIds: z._default(z.array(Id), []),
  idempotencyKey: IdempotencyKey,
});
export type NewMessage = z.infer<typeof NewMessage>;

export const StartedConversation = z.object({ conversation: Conversation, message: Message });
export type StartedConversation = z.infer<typeof StartedConversation>;
