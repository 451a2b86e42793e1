import { randomUUID } from 'node:crypto';
import type { ContextSnapshot, Conversation, ConversationStatus } from '@helpline/core';
import type { Queryable } from '../db/database.js';
import { type AttachmentLinker, MESSAGE_COLUMNS, type MessageRow, toMessage } from '../messages/message-store.js';

export interface ConversationRow {
  id: string;
  workspace_id: string;
  visitor_pk: string;
  status: ConversationStatus;
  subject: string | null;
  context: ContextSnapshot | null;
  idempotency_key: string;
  visitor_last_read_at: Date | null;
  agent_last_read_at: Date | null;
  first_responded_at: Date | null;
  assignee_id: string | null;
  assignee_name: string | null;
  csat_score: number | null;
  csat_comment: string | null;
  created_at: Date;
  updated_at: Date;
}

export const CONVERSATION_COLUMNS =
  'id, workspace_id, visitor_pk, status, subject, context, idempotency_key, visitor_last_read_at, agent_last_read_at, first_responded_at, assignee_id, assignee_name, csat_score, csat_comment, created_at, updated_at';

const iso = (date: Date | null): string | undefined => (date ? new Date(date).toISOString() : undefined);

/** Adds last message and the visitor's unread count (agent/bot messages after their last read). */
export async function toConversations(
  db: Queryable,
  rows: ConversationRow[],
  link: AttachmentLinker,
): Promise<Conversation[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const last = await db.query<MessageRow>(
    `select distinct on (conversation_id) ${MESSAGE_COLUMNS} from messages
     where conversation_id in (select jsonb_array_elements_text($1::jsonb)) order by conversation_id, seq desc`,
    [ids],
  );
  const unread = await db.query<{ conversation_id: string; count: string | number }>(
    `select m.conversation_id, count(*) as count from messages m join conversations c on c.id = m.conversation_id
     where m.conversation_id in (select jsonb_array_elements_text($1::jsonb)) and m.author_type <> 'user'
       and (c.visitor_last_read_at is null or m.created_at > c.visitor_last_read_at)
     group by m.conversation_id`,
    [ids],
  );
  return rows.map((row) => {
    const lastRow = last.find((message) => message.conversation_id === row.id);
    const agentRead = iso(row.agent_last_read_at);
    return {
      id: row.id,
      status: row.status,
      ...(row.subject ? { subject: row.subject } : {}),
      createdAt: new Date(row.created_at).toISOString(),
      updatedAt: new Date(row.updated_at).toISOString(),
      ...(lastRow ? { lastMessage: toMessage(lastRow, link) } : {}),
      unreadCount: Number(unread.find((entry) => entry.conversation_id === row.id)?.count ?? 0),
      ...(row.assignee_id
        ? {
            assignee: {
              type: 'agent' as const,
              id: row.assignee_id,
              ...(row.assignee_name ? { name: row.assignee_name } : {}),
            },
          }
        : {}),
      ...(row.csat_score
        ? { csat: { score: row.csat_score, ...(row.csat_comment ? { comment: row.csat_comment } : {}) } }
        : {}),
      ...(agentRead ? { agentLastReadAt: agentRead } : {}),
      ...(sharesPage(row) ? { livePage: true } : {}),
    };
  });
}

/** A conversation started with diagnostics: its snapshot has a page (unticked, the page is empty). */
export const sharesPage = (row: Pick<ConversationRow, 'context'>): boolean => Boolean(row.context?.page.path);
/** `sharesPage` as a condition on the conversations table, for queries that decide it in the database. */
export const SHARES_PAGE_SQL = "coalesce(context->'page'->>'path', '') <> ''";

export async function findConversation(
  db: Queryable,
  workspaceId: string,
  id: string,
): Promise<ConversationRow | undefined> {
  const [row] = await db.query<ConversationRow>(
    `select ${CONVERSATION_COLUMNS} from conversations where workspace_id = $1 and id = $2`,
    [workspaceId, id],
  );
  return row;
}

/** Creates a conversation once per idempotency key; a retry gets the first one back (`created: false`). */
export async function insertConversation(
  db: Queryable,
  input: {
    workspaceId: string;
    visitorPk: string;
    subject: string;
    context: ContextSnapshot | null;
    idempotencyKey: string;
  },
): Promise<{ row: ConversationRow; created: boolean }> {
  const [row] = await db.query<ConversationRow>(
    `insert into conversations (id, workspace_id, visitor_pk, subject, context, idempotency_key, visitor_last_read_at)
     values ($1, $2, $3, $4, $5::jsonb, $6, now())
     on conflict (workspace_id, idempotency_key) do nothing returning ${CONVERSATION_COLUMNS}`,
    [randomUUID(), input.workspaceId, input.visitorPk, input.subject, input.context, input.idempotencyKey],
  );
  if (row) return { row, created: true };
  const [first] = await db.query<ConversationRow>(
    `select ${CONVERSATION_COLUMNS} from conversations where workspace_id = $1 and idempotency_key = $2`,
    [input.workspaceId, input.idempotencyKey],
  );
  if (!first) throw new Error('idempotent conversation vanished');
  return { row: first, created: false };
}

/** Subject line from the first message: its first line, cut at a word near 80 characters. */
export function subjectFrom(body: string): string {
  const line = body.trim().split('\n')[0]?.trim() ?? '';
  if (line.length <= 80) return line || 'New conversation';
  return `${line.slice(0, 80).replace(/\s+\S*$/, '')}…`;
}
