import {
  type Attachment,
  type Author,
  type Conversation,
  type ConversationStatus,
  MAX_TEXT_LENGTH,
  type Message,
} from '@helpline/core';
import type { CAttachment, CConversation, CMessage } from './wire.js';

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

/** Chatwoot's snoozed is a wait on the agent side; to the visitor the conversation is pending. */
export function conversationStatus(status: CConversation['status']): ConversationStatus {
  return status === 'snoozed' ? 'pending' : status;
}

const MIME_BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  txt: 'text/plain',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
};

/** Chatwoot reports a coarse file_type and an extension, not the MIME type: derive one. */
export function toAttachment(a: CAttachment): Attachment {
  const name = decodeURIComponent(a.data_url.split('?')[0]?.split('/').at(-1) || `attachment-${a.id}`);
  const extension = (a.extension ?? name.split('.').at(-1) ?? '').toLowerCase();
  const type = MIME_BY_EXTENSION[extension] ?? (a.file_type === 'image' ? 'image/*' : 'application/octet-stream');
  return { id: String(a.id), name: name.slice(0, 255), type, size: Math.round(a.file_size), url: a.data_url };
}

function author(m: CMessage): Author {
  const name = m.sender?.name ?? undefined;
  const avatarUrl = m.sender?.avatar_url || m.sender?.thumbnail || undefined;
  const base = {
    ...(m.sender?.id === undefined ? {} : { id: String(m.sender.id) }),
    ...(name ? { name } : {}),
    ...(avatarUrl ? { avatarUrl } : {}),
  };
  if (m.message_type === 0) return { type: 'user', ...base };
  if (m.message_type === 2) return { type: 'system' };
  // Outgoing messages come from an agent, or from an agent bot (sender.type "agent_bot"); templates are automated.
  return { type: m.message_type === 3 || m.sender?.type === 'agent_bot' ? 'bot' : 'agent', ...base };
}

export function toMessage(m: CMessage): Message {
  return {
    id: String(m.id),
    conversationId: String(m.conversation_id),
    author: author(m),
    body: (m.content ?? '').slice(0, MAX_TEXT_LENGTH),
    attachments: m.attachments.map(toAttachment),
    createdAt: iso(m.created_at),
    ...(m.echo_id ? { idempotencyKey: m.echo_id } : {}),
  };
}

/**
 * The public conversation payload has no timestamps of its own: created/updated come from its
 * first and last messages (or `seenAt`, when the adapter first saw an empty conversation).
 */
export function toConversation(c: CConversation, seenAt: string): Conversation {
  const chat = c.messages.filter((m) => m.message_type !== 2 && !m.private);
  const first = chat[0];
  const last = chat.at(-1);
  const unread = chat.filter((m) => m.message_type !== 0 && m.created_at > c.contact_last_seen_at).length;
  return {
    id: String(c.id),
    status: conversationStatus(c.status),
    createdAt: first ? iso(first.created_at) : seenAt,
    updatedAt: last ? iso(last.created_at) : seenAt,
    ...(last ? { lastMessage: toMessage(last) } : {}),
    unreadCount: unread,
    ...(c.agent_last_seen_at > 0 ? { agentLastReadAt: iso(c.agent_last_seen_at) } : {}),
  };
}
