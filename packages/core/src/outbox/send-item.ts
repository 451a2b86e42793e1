import * as z from 'zod/mini';
import type { SupportAdapter } from '../adapter/contract.js';
import { HelplineError } from '../errors/helpline-error.js';
import { UnsupportedError } from '../errors/unsupported-error.js';
import { CustomFields, Id } from '../schemas/common.js';
import { ContextSnapshot } from '../schemas/context.js';
import { Csat, Message, StartedConversation } from '../schemas/conversation.js';
import { Category, Severity, Ticket } from '../schemas/ticket.js';
import { parseResponse, parseWith } from '../validation/parse.js';
import type { Sent } from './outbox.js';
import type { OutboxRecord } from './record.js';

const MessagePayload = z.object({
  body: z.string(),
  attachmentIds: z._default(z.array(Id), []),
  context: z.optional(ContextSnapshot),
});
const TicketPayload = z.object({
  input: z.object({
    subject: z.string(),
    description: z.string(),
    severity: Severity,
    category: Category,
    fields: z._default(CustomFields, {}),
    attachmentIds: z._default(z.array(Id), []),
  }),
  context: z.optional(ContextSnapshot),
});

function need<K extends keyof SupportAdapter>(adapter: SupportAdapter, name: K): NonNullable<SupportAdapter[K]> {
  const method = adapter[name];
  if (typeof method !== 'function') throw new UnsupportedError(String(name), adapter.name);
  return method.bind(adapter) as NonNullable<SupportAdapter[K]>;
}

function target(record: OutboxRecord): string {
  if (record.targetId === undefined)
    throw new HelplineError('invalid_input', `Outbox item ${record.id} lost the conversation or ticket it belongs to`);
  return record.targetId;
}

/** One outbox item → one adapter call, the item id as idempotency key; the answer parsed by the wire schemas. */
export async function sendItem(adapter: SupportAdapter, record: OutboxRecord): Promise<Sent> {
  const idempotencyKey = record.id;
  switch (record.kind) {
    case 'conversation': {
      const { context, ...message } = parseWith(MessagePayload, record.payload, 'Stored conversation');
      const started = parseResponse(
        StartedConversation,
        await need(adapter, 'startConversation')({ ...message, idempotencyKey, ...(context ? { context } : {}) }),
        'conversation',
      );
      return { value: started, createdId: started.conversation.id };
    }
    case 'message': {
      const { body, attachmentIds } = parseWith(MessagePayload, record.payload, 'Stored message');
      const message = await need(adapter, 'sendMessage')(target(record), { body, attachmentIds, idempotencyKey });
      return { value: parseResponse(Message, message, 'message') };
    }
    case 'ticket': {
      const { input, context } = parseWith(TicketPayload, record.payload, 'Stored ticket');
      const ticket = await need(adapter, 'createTicket')({ ...input, idempotencyKey, ...(context ? { context } : {}) });
      const parsed = parseResponse(Ticket, ticket, 'ticket');
      return { value: parsed, createdId: parsed.id };
    }
    case 'ticketReply': {
      const { body, attachmentIds } = parseWith(MessagePayload, record.payload, 'Stored ticket reply');
      const message = await need(adapter, 'replyToTicket')(target(record), { body, attachmentIds, idempotencyKey });
      return { value: parseResponse(Message, message, 'message') };
    }
    case 'csat': {
      const csat = parseWith(Csat, record.payload, 'Stored rating');
      await need(adapter, 'rateConversation')(target(record), { ...csat, idempotencyKey });
      return { value: undefined };
    }
  }
}
