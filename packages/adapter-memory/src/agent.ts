import {
  type AvailabilityStatus,
  AvailabilityStatus as AvailabilityStatusSchema,
  type Contact,
  type ContextSnapshot,
  type Conversation,
  type LivePage,
  MAX_TEXT_LENGTH,
  type Message,
  parseWith,
  type Ticket,
  type TicketStatus,
  TicketStatus as TicketStatusSchema,
} from '@helpline/core';
import * as z from 'zod/mini';
import {
  agentReply,
  agentReplyToTicket,
  agentTyping,
  resolveConversation,
  setAvailability,
  setTicketStatus,
} from './agent-actions.js';
import { assertFaultKind, type FaultKind } from './faults.js';
import type { Runtime, TrackedEvent } from './runtime.js';
import { conversationView } from './threads.js';

export interface AgentConversation {
  visitorId: string;
  conversation: Conversation;
  messages: Message[];
  context: ContextSnapshot | undefined;
  visitorTyping: boolean;
  /** Where the visitor is now, while they share it (see SupportAdapter.sendPage). */
  visitorPage: (LivePage & { at: string }) | undefined;
}

export interface AgentTicket {
  visitorId: string;
  ticket: Ticket;
  messages: Message[];
  context: ContextSnapshot | undefined;
  /** Every status the ticket has had, oldest first. */
  history: { status: TicketStatus; at: string }[];
}

/** The agent side of the memory backend, for demos and tests: what a human would do in the inbox. */
export interface MemoryAgent {
  reply(conversationId: string, body: string): Promise<Message>;
  typing(conversationId: string, on: boolean): Promise<void>;
  resolve(conversationId: string): Promise<void>;
  setTicketStatus(ticketId: string, status: TicketStatus): Promise<void>;
  replyToTicket(ticketId: string, body: string): Promise<Message>;
  /** Fixes the team's availability; `undefined` goes back to following business hours. */
  setAvailability(status: AvailabilityStatus | undefined): Promise<void>;
  conversations(): AgentConversation[];
  tickets(): AgentTicket[];
  /** The context snapshot sent with a conversation or ticket. */
  lastContext(conversationOrTicketId: string): ContextSnapshot | undefined;
  /** Where the conversation's visitor last said they are (sendPage). */
  visitorPage(conversationId: string): (LivePage & { at: string }) | undefined;
  /** How the visitor of a conversation or ticket said they can be reached (setContact; unverified). */
  visitorContact(conversationOrTicketId: string): (Contact & { at: string }) | undefined;
  /** Makes the next adapter call fail like a broken network or backend would. */
  failNext(kind: FaultKind): void;
  /** Analytics events the widget tracked, oldest first. */
  events(): TrackedEvent[];
  /** Helpfulness votes per article id. */
  articleVotes(articleId: string): { helpful: number; notHelpful: number };
}

const Body = z.string().check(z.minLength(1), z.maxLength(MAX_TEXT_LENGTH));

export function createMemoryAgent(runtime: Runtime): MemoryAgent {
  return {
    async reply(conversationId, body) {
      return agentReply(runtime, conversationId, parseWith(Body, body, 'agent reply body'));
    },
    async typing(conversationId, on) {
      agentTyping(runtime, conversationId, parseWith(z.boolean(), on, 'agent typing'));
    },
    async resolve(conversationId) {
      resolveConversation(runtime, conversationId);
    },
    async setTicketStatus(ticketId, status) {
      setTicketStatus(runtime, ticketId, parseWith(TicketStatusSchema, status, 'ticket status'));
    },
    async replyToTicket(ticketId, body) {
      return agentReplyToTicket(runtime, ticketId, parseWith(Body, body, 'agent ticket reply body'));
    },
    async setAvailability(status) {
      setAvailability(runtime, parseWith(z.optional(AvailabilityStatusSchema), status, 'availability'));
    },
    conversations: () =>
      [...runtime.conversations.values()].map((record) => ({
        visitorId: record.visitorId,
        conversation: conversationView(record),
        messages: [...record.messages],
        context: record.context,
        visitorTyping: record.visitorTyping,
        visitorPage: runtime.pages.get(record.visitorId),
      })),
    tickets: () =>
      [...runtime.tickets.values()].map((record) => ({
        visitorId: record.visitorId,
        ticket: record.ticket,
        messages: [...record.messages],
        context: record.context,
        history: [...record.history],
      })),
    lastContext: (id) => runtime.conversations.get(id)?.context ?? runtime.tickets.get(id)?.context,
    visitorPage(conversationId) {
      const record = runtime.conversations.get(conversationId);
      return record && runtime.pages.get(record.visitorId);
    },
    visitorContact(id) {
      const visitorId = (runtime.conversations.get(id) ?? runtime.tickets.get(id))?.visitorId;
      return visitorId === undefined ? undefined : runtime.contacts.get(visitorId);
    },
    failNext(kind) {
      assertFaultKind(kind);
      runtime.pendingFault = kind;
    },
    events: () => [...runtime.tracked],
    articleVotes: (articleId) => ({ ...(runtime.ratings.get(articleId) ?? { helpful: 0, notHelpful: 0 }) }),
  };
}
