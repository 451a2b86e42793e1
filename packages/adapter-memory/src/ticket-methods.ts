import {
  ContextSnapshot,
  firstResponseDue,
  Message,
  NewMessage,
  parseWith,
  type SupportAdapter,
  Ticket,
  TicketForm,
  TicketInput,
  Tickets,
  TicketThread,
  ValidationError,
} from '@helpline/core';
import * as z from 'zod/mini';
import { Ack, ack } from './ack.js';
import { changeTicketStatus } from './agent-actions.js';
import { notFound, type Runtime, type TicketRecord } from './runtime.js';
import { newMessage, resolveAttachments } from './threads.js';
import { validateTicketFields } from './ticket-fields.js';
import { hasRoundTheClockCoverage, ticketPriority } from './ticket-priority.js';

const CreateInput = z.extend(TicketInput, { context: z.optional(ContextSnapshot) });

type TicketMethods = Required<
  Pick<
    SupportAdapter,
    'getTicketForm' | 'createTicket' | 'listTickets' | 'getTicket' | 'replyToTicket' | 'markTicketRead' | 'solveTicket'
  >
>;

/** The ticket as its visitor sees it: with the agent replies they have not read. */
const visitorView = (record: TicketRecord): Ticket => ({
  ...record.ticket,
  unreadCount: record.messages.slice(record.readUpTo).filter((message) => message.author.type !== 'user').length,
});

function notOffered(field: string, value: string): never {
  const issue = `${field}: ${JSON.stringify(value)} is not offered by this workspace's form`;
  throw new ValidationError('invalid_input', `Ticket: ${issue}`, [issue], field);
}

export function ticketMethods(runtime: Runtime): TicketMethods {
  let sequence = 1000;

  const own = (id: string): TicketRecord => {
    const record = runtime.tickets.get(id);
    if (!record || record.visitorId !== runtime.visitorId()) throw notFound('ticket', id);
    return record;
  };

  return {
    async getTicketForm() {
      runtime.visitorId();
      return runtime.respond(TicketForm, 'ticket form', () => runtime.form);
    },

    async createTicket(input) {
      const args = parseWith(CreateInput, input, 'createTicket input');
      const { form } = runtime;
      if (!form.categories.includes(args.category)) notOffered('category', args.category);
      if (!form.severities.includes(args.severity)) notOffered('severity', args.severity);
      validateTicketFields(form, args.category, args.fields);
      const visitorId = runtime.visitorId();
      const attachments = resolveAttachments(runtime, args.attachmentIds);
      const writeKey = `${visitorId}:ticket:${args.idempotencyKey}`;
      return runtime.respond(Ticket, 'ticket', () => {
        const earlier = runtime.writes.get(writeKey);
        if (earlier) return earlier;
        const plan = runtime.identity?.account?.plan ?? runtime.identity?.user?.plan ?? args.context?.account?.plan;
        const createdAt = runtime.now();
        const hours = runtime.options.businessHours;
        const due = firstResponseDue(createdAt, args.severity, {
          ...(hours && !hasRoundTheClockCoverage(plan) ? { hours } : {}),
          ...(form.firstResponseMinutes ? { minutes: form.firstResponseMinutes } : {}),
        });
        sequence += 1;
        const id = runtime.newId('tkt');
        const ticket: Ticket = {
          id,
          reference: `HL-${sequence}`,
          subject: args.subject,
          description: args.description,
          severity: args.severity,
          category: args.category,
          status: 'new',
          priority: ticketPriority(args.severity, plan),
          fields: args.fields,
          attachments,
          createdAt: createdAt.toISOString(),
          updatedAt: createdAt.toISOString(),
          firstResponseDueAt: due.toISOString(),
        };
        runtime.tickets.set(id, {
          visitorId,
          ticket,
          messages: [],
          context: args.context,
          history: [{ status: 'new', at: ticket.createdAt }],
          readUpTo: 0,
        });
        runtime.writes.set(writeKey, ticket);
        return ticket;
      });
    },

    async listTickets() {
      const visitorId = runtime.visitorId();
      return runtime.respond(Tickets, 'ticket list', () =>
        [...runtime.tickets.values()]
          .filter((record) => record.visitorId === visitorId)
          .map(visitorView)
          .sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
      );
    },

    async getTicket(id) {
      const record = own(id);
      return runtime.respond(TicketThread, 'ticket thread', () => ({
        ticket: visitorView(record),
        messages: record.messages,
      }));
    },

    async solveTicket(id) {
      const record = own(id);
      return runtime.respond(Ticket, 'ticket', () => {
        if (record.ticket.status !== 'solved' && record.ticket.status !== 'closed')
          changeTicketStatus(runtime, record, 'solved');
        return visitorView(record);
      });
    },

    async markTicketRead(id) {
      const record = own(id);
      await runtime.respond(Ack, 'read receipt', () => {
        record.readUpTo = record.messages.length;
        return ack();
      });
    },

    async replyToTicket(id, input) {
      const args = parseWith(NewMessage, input, 'replyToTicket input');
      const record = own(id);
      if (args.body.trim() === '' && args.attachmentIds.length === 0) {
        const issue = 'body: a reply needs text or an attachment';
        throw new ValidationError('invalid_input', `Ticket reply: ${issue}`, [issue], 'body');
      }
      const attachments = resolveAttachments(runtime, args.attachmentIds);
      const writeKey = `${record.visitorId}:ticket-reply:${args.idempotencyKey}`;
      return runtime.respond(Message, 'ticket reply', () => {
        const earlier = runtime.writes.get(writeKey);
        if (earlier) return earlier;
        const message = newMessage(
          runtime,
          id,
          { type: 'user', id: record.visitorId },
          args.body,
          attachments,
          args.idempotencyKey,
        );
        record.messages.push(message);
        record.readUpTo = record.messages.length;
        record.ticket = { ...record.ticket, updatedAt: message.createdAt };
        // The customer answered: the ticket is back with the team.
        if (record.ticket.status === 'pending' || record.ticket.status === 'solved')
          changeTicketStatus(runtime, record, 'open');
        runtime.writes.set(writeKey, message);
        return message;
      });
    },
  };
}
