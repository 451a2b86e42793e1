import {
  type Category,
  Category as CategorySchema,
  type CustomFields,
  firstResponseDue,
  MAX_TEXT_LENGTH,
  type Message,
  type Severity,
  type Ticket,
  type TicketStatus,
} from '@helpline/core';
import { categoryIn, userText } from './context-block.js';
import type { ZendeskAdapterOptions } from './options.js';
import type { ZAttachment, ZComment, ZCommentList, ZRequest } from './wire.js';

export const PRIORITY_OF: Record<Severity, 'urgent' | 'high' | 'normal' | 'low'> = {
  P0: 'urgent',
  P1: 'high',
  P2: 'normal',
  P3: 'low',
};
const SEVERITY_OF = { urgent: 'P0', high: 'P1', normal: 'P2', low: 'P3' } as const;

/** "hold" is an agent-side wait the end user sees as still open (Zendesk shows it as "Open" to end users). */
export function ticketStatus(status: ZRequest['status']): TicketStatus {
  return status === 'hold' ? 'open' : status;
}

export function toAttachment(a: ZAttachment) {
  return { id: String(a.id), name: a.file_name, type: a.content_type, size: a.size, url: a.content_url };
}

export function toTicket(request: ZRequest, options: ZendeskAdapterOptions): Ticket {
  const severity: Severity = request.priority ? SEVERITY_OF[request.priority] : 'P2';
  const byZendeskId = new Map(request.custom_fields.map((f) => [f.id, f.value]));
  const fields: CustomFields = {};
  for (const field of options.ticketFields) {
    const value = byZendeskId.get(field.zendeskId);
    if (value !== undefined && value !== null) fields[field.id] = value;
  }
  const description = request.description ?? '';
  const createdAt = new Date(request.created_at);
  return {
    id: String(request.id),
    reference: `#${request.id}`,
    subject: request.subject || `Request #${request.id}`,
    description: userText(description),
    severity,
    category: categoryOf(request, description, options),
    status: ticketStatus(request.status),
    ...(request.priority ? { priority: request.priority } : {}),
    fields,
    attachments: [],
    createdAt: createdAt.toISOString(),
    updatedAt: new Date(request.updated_at).toISOString(),
    firstResponseDueAt: firstResponseDue(createdAt, severity, {
      ...(options.firstResponseMinutes ? { minutes: options.firstResponseMinutes } : {}),
    }).toISOString(),
  };
}

function categoryOf(request: ZRequest, description: string, options: ZendeskAdapterOptions): Category {
  const stored =
    options.categoryFieldId === undefined
      ? categoryIn(description)
      : request.custom_fields.find((f) => f.id === options.categoryFieldId)?.value;
  const parsed = CategorySchema.safeParse(stored);
  return parsed.success ? parsed.data : 'how_to';
}

export function toMessages(requestId: string, list: ZCommentList): Message[] {
  const agents = new Map(list.users.map((u) => [u.id, u]));
  return list.comments
    .filter((c) => c.public)
    .map((comment: ZComment) => {
      const user = agents.get(comment.author_id);
      return {
        id: String(comment.id),
        conversationId: requestId,
        author: {
          type: user?.agent ? 'agent' : 'user',
          id: String(comment.author_id),
          ...(user ? { name: user.name } : {}),
        },
        body: userText(comment.body).slice(0, MAX_TEXT_LENGTH),
        attachments: comment.attachments.map(toAttachment),
        createdAt: new Date(comment.created_at).toISOString(),
      } satisfies Message;
    });
}
