import { type Attachment, type Author, type Conversation, type Message, ValidationError } from '@helpline/core';
import { type ConversationRecord, notFound, type Runtime } from './runtime.js';

/** The wire view of a conversation as its visitor sees it. */
export function conversationView(record: ConversationRecord): Conversation {
  const lastMessage = record.messages.at(-1);
  const unreadCount = record.messages.slice(record.readUpTo).filter((m) => m.author.type !== 'user').length;
  // A snapshot without a page is the one sent with diagnostics unticked: the visitor shared nothing.
  const livePage = record.context !== undefined && record.context.page.path !== '';
  return { ...record.conversation, ...(lastMessage ? { lastMessage } : {}), unreadCount, livePage };
}

/** The visitor's own conversation; another visitor's is as unknown as a missing one. */
export function ownConversation(runtime: Runtime, id: string): ConversationRecord {
  const record = runtime.conversations.get(id);
  if (!record || record.visitorId !== runtime.visitorId()) throw notFound('conversation', id);
  return record;
}

export function resolveAttachments(runtime: Runtime, ids: readonly string[]): Attachment[] {
  return ids.map((id, i) => {
    const attachment = runtime.attachments.get(id);
    if (!attachment) {
      const issue = `attachmentIds.${i}: no uploaded attachment with id ${JSON.stringify(id)}`;
      throw new ValidationError('invalid_input', `Message: ${issue}`, [issue], `attachmentIds.${i}`);
    }
    return attachment;
  });
}

export function newMessage(
  runtime: Runtime,
  threadId: string,
  author: Author,
  body: string,
  attachments: Attachment[] = [],
  idempotencyKey?: string,
): Message {
  return {
    id: runtime.newId('msg'),
    conversationId: threadId,
    author,
    body,
    attachments,
    createdAt: runtime.nowIso(),
    ...(idempotencyKey === undefined ? {} : { idempotencyKey }),
  };
}

export function agentAuthor(runtime: Runtime): Author {
  return { type: 'agent', id: 'agent_memory', name: runtime.options.agentName };
}
