import { randomUUID } from 'node:crypto';
import type { Context } from 'hono';
import type { AppDeps } from '../app/deps.js';
import { attachmentLinker, publicBase } from '../app/links.js';
import type { ConversationRow } from '../conversations/conversation-store.js';
import type { MessageRow, StoredAttachment } from '../messages/message-store.js';
import { type TicketRow, ticketReference } from '../tickets/ticket-store.js';
import { type Visitor, visitorById } from '../visitors/visitor-store.js';
import type { Workspace } from '../workspace/settings.js';
import { buildEscalationPayload, type EscalationPayload } from './payload.js';

interface Common {
  type: EscalationPayload['type'];
  workspace: Workspace;
  note?: string | undefined;
  escalatedBy?: { id: string; name: string } | undefined;
}

const identityOf = (visitor: Visitor | undefined) =>
  visitor
    ? {
        ...(visitor.userId ? { id: visitor.userId } : {}),
        ...(visitor.name ? { name: visitor.name } : {}),
        ...(visitor.email ? { email: visitor.email } : {}),
      }
    : undefined;

const attachmentsOf = (deps: AppDeps, c: Context, stored: readonly StoredAttachment[]) => {
  const link = attachmentLinker(deps, c);
  return stored.map((attachment) => ({ name: attachment.name, url: link(attachment.id) }));
};

/** The payload for a ticket: its snapshot, fields and every attachment of the ticket and its replies. */
export async function ticketPayload(
  deps: AppDeps,
  c: Context,
  row: TicketRow,
  input: Common,
): Promise<EscalationPayload> {
  const visitor = await visitorById(deps.db, input.workspace.id, row.visitor_pk);
  const replies = await deps.db.query<Pick<MessageRow, 'attachments'>>(
    'select attachments from messages where workspace_id = $1 and ticket_id = $2 order by seq',
    [input.workspace.id, row.id],
  );
  return buildEscalationPayload({
    type: input.type,
    id: randomUUID(),
    now: new Date(),
    workspace: { id: input.workspace.id, name: input.workspace.name },
    source: {
      kind: 'ticket',
      id: row.id,
      reference: ticketReference(row.number),
      url: `${publicBase(deps, c)}/inbox/tickets/${encodeURIComponent(row.id)}`,
    },
    summary: row.subject,
    severity: row.severity,
    category: row.category,
    note: input.note,
    escalatedBy: input.escalatedBy,
    verified: visitor?.verified ?? false,
    visitor: identityOf(visitor),
    contact: visitor?.contact ?? undefined,
    context: row.context,
    attachments: attachmentsOf(deps, c, [...row.attachments, ...replies.flatMap((reply) => reply.attachments)]),
  });
}

/** The payload for a conversation: its snapshot and the attachments sent in it. */
export async function conversationPayload(
  deps: AppDeps,
  c: Context,
  row: ConversationRow,
  input: Common,
): Promise<EscalationPayload> {
  const visitor = await visitorById(deps.db, input.workspace.id, row.visitor_pk);
  const messages = await deps.db.query<Pick<MessageRow, 'attachments' | 'body' | 'author_type'>>(
    'select attachments, body, author_type from messages where workspace_id = $1 and conversation_id = $2 order by seq',
    [input.workspace.id, row.id],
  );
  const firstQuestion = messages.find((message) => message.author_type === 'user')?.body ?? '';
  return buildEscalationPayload({
    type: input.type,
    id: randomUUID(),
    now: new Date(),
    workspace: { id: input.workspace.id, name: input.workspace.name },
    source: {
      kind: 'conversation',
      id: row.id,
      url: `${publicBase(deps, c)}/inbox/conversations/${encodeURIComponent(row.id)}`,
    },
    summary: row.subject ?? (firstQuestion.slice(0, 140) || 'Conversation'),
    note: input.note,
    escalatedBy: input.escalatedBy,
    verified: visitor?.verified ?? false,
    visitor: identityOf(visitor),
    contact: visitor?.contact ?? undefined,
    context: row.context,
    attachments: attachmentsOf(
      deps,
      c,
      messages.flatMap((message) => message.attachments),
    ),
  });
}
