import type { Author, ContextSnapshot, CustomFields, Severity, Ticket, TicketStatus } from '@helpline/core';
import type { Queryable } from '../db/database.js';
import type { AttachmentLinker, StoredAttachment } from '../messages/message-store.js';

export interface TicketRow {
  id: string;
  workspace_id: string;
  visitor_pk: string;
  number: number;
  subject: string;
  description: string;
  severity: Severity;
  category: Ticket['category'];
  status: TicketStatus;
  priority: NonNullable<Ticket['priority']>;
  fields: CustomFields;
  attachments: StoredAttachment[];
  context: ContextSnapshot | null;
  idempotency_key: string;
  first_response_due_at: Date;
  first_responded_at: Date | null;
  /** Set by the routing rules on creation. */
  queue: string;
  /** The agent working it; agents see it, the widget does not. */
  assignee_id: string | null;
  assignee_name: string | null;
  created_at: Date;
  updated_at: Date;
  /** Agent replies since the visitor last read the ticket: selected only where the visitor asks (UNREAD_COLUMN). */
  unread_count?: string | number;
}

/** The visitor's unread agent replies, as a column of a query on `tickets t`. */
export const UNREAD_COLUMN = `(select count(*) from messages m where m.ticket_id = t.id and m.author_type <> 'user'
  and (t.visitor_last_read_at is null or m.created_at > t.visitor_last_read_at)) as unread_count`;

export const TICKET_COLUMNS =
  'id, workspace_id, visitor_pk, number, subject, description, severity, category, status, priority, fields, attachments, context, idempotency_key, first_response_due_at, first_responded_at, created_at, updated_at, queue, assignee_id, assignee_name';

export const ticketReference = (number: number): string => `HL-${number}`;

export function toTicket(row: TicketRow, link: AttachmentLinker): Ticket {
  return {
    id: row.id,
    reference: ticketReference(row.number),
    subject: row.subject,
    description: row.description,
    severity: row.severity,
    category: row.category,
    status: row.status,
    priority: row.priority,
    fields: row.fields,
    attachments: row.attachments.map((attachment) => ({ ...attachment, url: link(attachment.id) })),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    firstResponseDueAt: new Date(row.first_response_due_at).toISOString(),
    ...(row.first_responded_at ? { firstRespondedAt: new Date(row.first_responded_at).toISOString() } : {}),
    ...(row.unread_count === undefined ? {} : { unreadCount: Number(row.unread_count) }),
  };
}

/** Who works the ticket, as the agent API shows it (conversations carry theirs inside the conversation). */
export function ticketAssignee(row: TicketRow): { assignee?: Author } {
  if (!row.assignee_id) return {};
  return {
    assignee: { type: 'agent', id: row.assignee_id, ...(row.assignee_name ? { name: row.assignee_name } : {}) },
  };
}

export async function findTicket(db: Queryable, workspaceId: string, id: string): Promise<TicketRow | undefined> {
  const [row] = await db.query<TicketRow>(`select ${TICKET_COLUMNS} from tickets where workspace_id = $1 and id = $2`, [
    workspaceId,
    id,
  ]);
  return row;
}

/** One row per changed field: the audit trail agents see beside the ticket. */
export async function recordHistory(
  db: Queryable,
  entry: { workspaceId: string; ticketId: string; field: string; from: string | null; to: string | null; by: string },
): Promise<void> {
  await db.query(
    'insert into ticket_history (workspace_id, ticket_id, field, from_value, to_value, by_name) values ($1, $2, $3, $4, $5, $6)',
    [entry.workspaceId, entry.ticketId, entry.field, entry.from, entry.to, entry.by],
  );
}
