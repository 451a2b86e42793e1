import { randomUUID } from 'node:crypto';
import type { Author, Message, MessagePage } from '@helpline/core';
import { markAttachedSql } from '../attachments/attachment-store.js';
import type { Queryable } from '../db/database.js';
import { ApiError } from '../http/api-error.js';

export interface StoredAttachment {
  id: string;
  name: string;
  type: string;
  size: number;
}

/** Builds an attachment's (signed) download URL. */
export type AttachmentLinker = (id: string) => string;

export interface MessageRow {
  seq: string | number;
  id: string;
  conversation_id: string | null;
  ticket_id: string | null;
  author_type: Author['type'];
  author_id: string | null;
  author_name: string | null;
  body: string;
  attachments: StoredAttachment[];
  idempotency_key: string | null;
  created_at: Date;
}

export const MESSAGE_COLUMNS =
  'seq, id, conversation_id, ticket_id, author_type, author_id, author_name, body, attachments, idempotency_key, created_at';

export function toMessage(row: MessageRow, link: AttachmentLinker): Message {
  return {
    id: row.id,
    conversationId: row.conversation_id ?? row.ticket_id ?? '',
    author: {
      type: row.author_type,
      ...(row.author_id ? { id: row.author_id } : {}),
      ...(row.author_name ? { name: row.author_name } : {}),
    },
    body: row.body,
    attachments: row.attachments.map((attachment) => ({ ...attachment, url: link(attachment.id) })),
    createdAt: new Date(row.created_at).toISOString(),
    ...(row.idempotency_key ? { idempotencyKey: row.idempotency_key } : {}),
  };
}

export interface NewStoredMessage {
  workspaceId: string;
  thread: { conversationId: string } | { ticketId: string };
  author: { type: Author['type']; id?: string | undefined; name?: string | undefined };
  body: string;
  attachments: StoredAttachment[];
  idempotencyKey?: string | undefined;
}

/**
 * A visitor's reply to a conversation bumps it: updated now, read by the visitor, reopened if it
 * was resolved. Done in the insert's own statement, only when the insert happened.
 */
const BUMP_CONVERSATION = `, bumped as (
  update conversations set updated_at = now(), visitor_last_read_at = now(),
    status = case when status = 'resolved' then 'open' else status end
  where workspace_id = $2 and id = $3 and exists (select 1 from inserted)
)`;

// The files sent with the message are marked attached in the insert's statement, only when it happened.
const MARK_ATTACHED = `, attached as (
  ${markAttachedSql('$2', '$9')} and exists (select 1 from inserted)
)`;

/**
 * Inserts once per idempotency key; a repeated key returns the first message, `created: false`.
 * With `bumpConversation`, the conversation update rides in the same statement: atomic without a
 * transaction, and one statement instead of four on PGlite's single connection.
 */
export async function insertMessage(
  db: Queryable,
  input: NewStoredMessage,
  options: { bumpConversation?: boolean } = {},
): Promise<{ row: MessageRow; created: boolean }> {
  const conversationId = 'conversationId' in input.thread ? input.thread.conversationId : null;
  const ticketId = 'ticketId' in input.thread ? input.thread.ticketId : null;
  const bump = options.bumpConversation === true && conversationId !== null;
  const [row] = await db.query<MessageRow>(
    `with inserted as (
       insert into messages (id, workspace_id, conversation_id, ticket_id, author_type, author_id, author_name, body, attachments, idempotency_key)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10)
       on conflict (workspace_id, idempotency_key) where idempotency_key is not null do nothing
       returning ${MESSAGE_COLUMNS}
     )${bump ? BUMP_CONVERSATION : ''}${input.attachments.length > 0 ? MARK_ATTACHED : ''}
     select ${MESSAGE_COLUMNS} from inserted`,
    [
      randomUUID(),
      input.workspaceId,
      conversationId,
      ticketId,
      input.author.type,
      input.author.id ?? null,
      input.author.name ?? null,
      input.body,
      input.attachments,
      input.idempotencyKey ?? null,
    ],
  );
  if (row) return { row, created: true };
  const [first] = await db.query<MessageRow>(
    `select ${MESSAGE_COLUMNS} from messages where workspace_id = $1 and idempotency_key = $2`,
    [input.workspaceId, input.idempotencyKey ?? null],
  );
  if (!first) throw new Error('idempotent message vanished');
  return { row: first, created: false };
}

/**
 * Newest page first, ascending inside the page. The cursor is the oldest message's sequence number
 * in the page; it is present only when older messages exist.
 */
export async function listMessages(
  db: Queryable,
  workspaceId: string,
  thread: { conversationId: string } | { ticketId: string },
  before: string | undefined,
  limit: number,
  link: AttachmentLinker,
): Promise<MessagePage> {
  const column = 'conversationId' in thread ? 'conversation_id' : 'ticket_id';
  const threadId = 'conversationId' in thread ? thread.conversationId : thread.ticketId;
  const cursor = before !== undefined && /^\d{1,15}$/.test(before) ? Number(before) : undefined;
  if (before !== undefined && cursor === undefined)
    throw new ApiError(400, 'invalid_input', 'before: not a cursor returned by this server', 'before');
  const rows = await db.query<MessageRow>(
    `select ${MESSAGE_COLUMNS} from messages where workspace_id = $1 and ${column} = $2 and ($3::bigint is null or seq < $3::bigint)
     order by seq desc limit $4`,
    [workspaceId, threadId, cursor ?? null, limit + 1],
  );
  const page = rows.slice(0, limit).reverse();
  const oldest = page[0];
  return {
    messages: page.map((row) => toMessage(row, link)),
    ...(rows.length > limit && oldest ? { nextCursor: String(oldest.seq) } : {}),
  };
}

/** All messages of a thread, ascending (agent views). */
export async function threadMessages(
  db: Queryable,
  workspaceId: string,
  thread: { conversationId: string } | { ticketId: string },
  link: AttachmentLinker,
): Promise<Message[]> {
  const column = 'conversationId' in thread ? 'conversation_id' : 'ticket_id';
  const threadId = 'conversationId' in thread ? thread.conversationId : thread.ticketId;
  const rows = await db.query<MessageRow>(
    `select ${MESSAGE_COLUMNS} from messages where workspace_id = $1 and ${column} = $2 order by seq`,
    [workspaceId, threadId],
  );
  return rows.map((row) => toMessage(row, link));
}

/**
 * The visitor's own uploads by id; anything else is a 400 naming the bad entry. An upload never sent
 * is usable for `unsentTtlSeconds` only: the sweep deletes such uploads a while later (see
 * `sweepAge`), so one resolved here cannot be deleted before the message that carries it is stored.
 */
export async function resolveAttachments(
  db: Queryable,
  workspaceId: string,
  visitorPk: string | null,
  ids: readonly string[],
  unsentTtlSeconds: number,
): Promise<StoredAttachment[]> {
  if (ids.length === 0) return [];
  const rows = await db.query<StoredAttachment>(
    `select id, name, type, size from attachments where workspace_id = $1 and ($2::text is null or visitor_pk = $2)
       and id in (select jsonb_array_elements_text($3::jsonb))
       and (attached_at is not null or created_at > now() - $4::double precision * interval '1 second')`,
    [workspaceId, visitorPk, ids, unsentTtlSeconds],
  );
  return ids.map((id, index) => {
    const found = rows.find((row) => row.id === id);
    if (!found)
      throw new ApiError(
        400,
        'invalid_input',
        `attachmentIds.${index}: unknown attachment ${id}, or an upload not sent within ${unsentTtlSeconds} s ` +
          '(unattachedTtlSeconds) — upload the file again',
        `attachmentIds.${index}`,
      );
    return { id: found.id, name: found.name, type: found.type, size: Number(found.size) };
  });
}
