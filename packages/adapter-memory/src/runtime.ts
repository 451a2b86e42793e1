import {
  AdapterError,
  type AnalyticsEvent,
  type Attachment,
  type AvailabilityStatus,
  type Contact,
  type ContextSnapshot,
  type Conversation,
  type Identity,
  type LivePage,
  type Message,
  parseResponse,
  RealtimeEvent,
  type RealtimeHandler,
  type StatusHandler,
  type Ticket,
  type TicketForm,
  type TicketStatus,
} from '@helpline/core';
import type * as z from 'zod/mini';
import { type FaultKind, faultError } from './faults.js';
import type { ResolvedOptions } from './options.js';

export interface ConversationRecord {
  visitorId: string;
  conversation: Omit<Conversation, 'lastMessage' | 'unreadCount'>;
  messages: Message[];
  context: ContextSnapshot | undefined;
  /** How many messages the visitor had seen when they last marked the thread read. */
  readUpTo: number;
  visitorTyping: boolean;
}

export interface TicketRecord {
  visitorId: string;
  ticket: Ticket;
  messages: Message[];
  context: ContextSnapshot | undefined;
  history: { status: TicketStatus; at: string }[];
  /** How many of `messages` the visitor has read. */
  readUpTo: number;
}

export interface TrackedEvent {
  event: AnalyticsEvent;
  visitorId: string | undefined;
  at: string;
}

interface Subscriber {
  handler: RealtimeHandler;
  onStatus: StatusHandler | undefined;
}

/** The backend's state and plumbing, shared by the capability modules. */
export interface Runtime {
  readonly options: ResolvedOptions;
  readonly form: TicketForm;
  identity: Identity | undefined;
  availabilityOverride: AvailabilityStatus | undefined;
  pendingFault: FaultKind | undefined;
  readonly conversations: Map<string, ConversationRecord>;
  readonly tickets: Map<string, TicketRecord>;
  readonly attachments: Map<string, Attachment>;
  /** Idempotency key → what the first write with it returned. */
  readonly writes: Map<string, unknown>;
  readonly ratings: Map<string, { helpful: number; notHelpful: number }>;
  readonly tracked: TrackedEvent[];
  /** The page each visitor last said they are on (sendPage), by visitor id. */
  readonly pages: Map<string, LivePage & { at: string }>;
  /** How each visitor said they can be reached (setContact, unverified), by visitor id. */
  readonly contacts: Map<string, Contact & { at: string }>;
  readonly subscribers: Set<Subscriber>;
  readonly objectUrls: string[];
  readonly timers: Set<ReturnType<typeof setTimeout>>;
  now(): Date;
  nowIso(): string;
  random(): number;
  newId(prefix: string): string;
  visitorId(): string;
  emit(event: RealtimeEvent): void;
  later(ms: number, task: () => void): void;
  respond<S extends z.ZodMiniType>(schema: S, what: string, produce: () => unknown): Promise<z.infer<S>>;
}

const MALFORMED = { unexpected: 'shape' };

export function createRuntime(options: ResolvedOptions, form: TicketForm): Runtime {
  const now = options.now ?? (() => new Date());
  const random = options.random ?? Math.random;
  let counter = 0;

  const runtime: Runtime = {
    options,
    form,
    identity: undefined,
    availabilityOverride: options.availability,
    pendingFault: undefined,
    conversations: new Map(),
    tickets: new Map(),
    attachments: new Map(),
    writes: new Map(),
    ratings: new Map(),
    tracked: [],
    pages: new Map(),
    contacts: new Map(),
    subscribers: new Set(),
    objectUrls: [],
    timers: new Set(),
    now: () => new Date(now().getTime()),
    nowIso: () => now().toISOString(),
    random,
    newId(prefix) {
      counter += 1;
      // The counter keeps ids ordered and unique; the random tail keeps them unguessable across reloads.
      return `${prefix}_${counter.toString(36).padStart(4, '0')}${Math.floor(random() * 36 ** 6)
        .toString(36)
        .padStart(6, '0')}`;
    },
    visitorId() {
      if (!runtime.identity)
        throw new AdapterError('unauthorized', 'Memory adapter: call connect() before anything else', { status: 401 });
      return runtime.identity.visitorId;
    },
    emit(event) {
      const parsed = parseResponse(RealtimeEvent, event, 'realtime event');
      const owner = ownerOf(runtime, parsed);
      // Delivered after the current call returns, as a network push would be, and only to the
      // visitor whose thread it is.
      queueMicrotask(() => {
        if (owner !== undefined && owner !== runtime.identity?.visitorId) return;
        for (const subscriber of [...runtime.subscribers]) {
          try {
            subscriber.handler(parsed);
          } catch (error) {
            console.error('[helpline] a realtime handler threw', error);
          }
        }
      });
    },
    later(ms, task) {
      const timer = setTimeout(() => {
        runtime.timers.delete(timer);
        task();
      }, ms);
      runtime.timers.add(timer);
    },
    async respond(schema, what, produce) {
      if (options.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
      const fault = runtime.pendingFault;
      runtime.pendingFault = undefined;
      if (fault !== undefined && fault !== 'malformed') throw faultError(fault);
      return parseResponse(schema, fault === 'malformed' ? MALFORMED : produce(), what);
    },
  };
  return runtime;
}

function ownerOf(runtime: Runtime, event: RealtimeEvent): string | undefined {
  switch (event.type) {
    case 'message':
      return runtime.conversations.get(event.message.conversationId)?.visitorId;
    case 'typing':
    case 'status':
    case 'read':
      return runtime.conversations.get(event.conversationId)?.visitorId;
    case 'ticket':
      return runtime.tickets.get(event.ticket.id)?.visitorId;
    default:
      return undefined;
  }
}

export function notFound(what: string, id: string): AdapterError {
  return new AdapterError('not_found', `Memory adapter: no ${what} with id ${JSON.stringify(id)}`, { status: 404 });
}
