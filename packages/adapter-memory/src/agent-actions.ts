import type { AvailabilityStatus, Message, TicketStatus } from '@helpline/core';
import { computeAvailability } from './availability.js';
import { notFound, type Runtime, type TicketRecord } from './runtime.js';
import { agentAuthor, newMessage } from './threads.js';

// The agent side of the backend: what an inbox would do. Shared by MemoryAgent and the auto-reply.

function conversation(runtime: Runtime, id: string) {
  const record = runtime.conversations.get(id);
  if (!record) throw notFound('conversation', id);
  return record;
}

function ticketRecord(runtime: Runtime, id: string): TicketRecord {
  const record = runtime.tickets.get(id);
  if (!record) throw notFound('ticket', id);
  return record;
}

export function agentTyping(runtime: Runtime, conversationId: string, typing: boolean): void {
  conversation(runtime, conversationId);
  runtime.emit({ type: 'typing', conversationId, author: agentAuthor(runtime), typing });
}

export function agentReply(runtime: Runtime, conversationId: string, body: string): Message {
  const record = conversation(runtime, conversationId);
  const message = newMessage(runtime, conversationId, agentAuthor(runtime), body);
  record.messages.push(message);
  // Replying means the agent has read everything before it.
  record.conversation = {
    ...record.conversation,
    updatedAt: message.createdAt,
    agentLastReadAt: message.createdAt,
    assignee: agentAuthor(runtime),
  };
  runtime.emit({ type: 'typing', conversationId, author: agentAuthor(runtime), typing: false });
  runtime.emit({ type: 'message', message });
  runtime.emit({ type: 'read', conversationId, reader: 'agent', at: message.createdAt });
  return message;
}

export function resolveConversation(runtime: Runtime, conversationId: string): void {
  const record = conversation(runtime, conversationId);
  record.conversation = { ...record.conversation, status: 'resolved', updatedAt: runtime.nowIso() };
  runtime.emit({ type: 'status', conversationId, status: 'resolved' });
}

export function changeTicketStatus(runtime: Runtime, record: TicketRecord, status: TicketStatus): void {
  if (record.ticket.status === status) return;
  const at = runtime.nowIso();
  record.ticket = { ...record.ticket, status, updatedAt: at };
  record.history.push({ status, at });
  runtime.emit({ type: 'ticket', ticket: record.ticket });
}

export function setTicketStatus(runtime: Runtime, ticketId: string, status: TicketStatus): void {
  changeTicketStatus(runtime, ticketRecord(runtime, ticketId), status);
}

export function agentReplyToTicket(runtime: Runtime, ticketId: string, body: string): Message {
  const record = ticketRecord(runtime, ticketId);
  const message = newMessage(runtime, ticketId, agentAuthor(runtime), body);
  record.messages.push(message);
  record.ticket = {
    ...record.ticket,
    updatedAt: message.createdAt,
    ...(record.ticket.firstRespondedAt ? {} : { firstRespondedAt: message.createdAt }),
  };
  // As the reference server does: an open ticket thread shows the reply as it arrives.
  runtime.emit({ type: 'message', message });
  // An answered ticket waits on the customer.
  if (record.ticket.status === 'new' || record.ticket.status === 'open') changeTicketStatus(runtime, record, 'pending');
  else runtime.emit({ type: 'ticket', ticket: record.ticket });
  return message;
}

export function setAvailability(runtime: Runtime, status: AvailabilityStatus | undefined): void {
  runtime.availabilityOverride = status;
  runtime.emit({ type: 'presence', availability: computeAvailability(runtime) });
}
