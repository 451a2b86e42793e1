import { computed, type ReadonlySignal, signal } from '@preact/signals-core';
import * as z from 'zod/mini';
import type { Drafts } from '../chat/drafts.js';
import { createThreads, EMPTY_THREAD } from '../chat/threads.js';
import { command } from '../client/command.js';
import type { Runtime } from '../client/runtime.js';
import type { TicketsApi } from '../client/types.js';
import { HelplineError } from '../errors/helpline-error.js';
import { UnsupportedError } from '../errors/unsupported-error.js';
import { isRetryable } from '../outbox/backoff.js';
import type { Outbox, Sent } from '../outbox/outbox.js';
import type { OutboxRecord } from '../outbox/record.js';
import { redactStrings } from '../privacy/redact-strings.js';
import { Attachment } from '../schemas/attachment.js';
import { CustomFields, Id, MAX_TEXT_LENGTH } from '../schemas/common.js';
import type { Message } from '../schemas/conversation.js';
import type { RealtimeEvent } from '../schemas/realtime.js';
import { Category, Severity, Ticket, TicketForm, Tickets, TicketThread } from '../schemas/ticket.js';
import { parseResponse } from '../validation/parse.js';
import { validateTicketFields } from './validate-fields.js';

export interface TicketsModule extends TicketsApi {
  /** Whether a message with this `conversationId` is a reply to one of the visitor's tickets. */
  owns(id: string): boolean;
  onRealtime(event: RealtimeEvent): void;
  onSent(record: OutboxRecord, sent: Sent): void;
  /** Threads read this visit fetch their replies again (what a live stream may have missed). */
  refresh(): void;
  reset(): void;
}

export const TICKET_DRAFT_KEY = 'form';

const CreateInput = z.object({
  subject: z.string().check(z.trim(), z.minLength(3), z.maxLength(200)),
  description: z.string().check(z.maxLength(20_000)),
  severity: Severity,
  category: Category,
  fields: z.optional(CustomFields),
  attachments: z.optional(z.array(Attachment)),
  includeContext: z.boolean(),
});

/** `hidden`: whom the page names now may not see what the session read (see startMessaging). */
export function createTickets(
  rt: Runtime,
  outbox: Outbox,
  drafts: Drafts<Record<string, unknown>>,
  hidden: ReadonlySignal<boolean>,
): TicketsModule {
  const list = signal<{ tickets: Ticket[]; loading: boolean; error?: HelplineError }>({ tickets: [], loading: false });
  const nothing = { tickets: [], loading: false };
  let cachedForm: TicketForm | undefined;

  const upsert = (next: Ticket) => {
    const before = list.value.tickets.find((other) => other.id === next.id);
    const ticket =
      next.unreadCount === undefined && before?.unreadCount ? { ...next, unreadCount: before.unreadCount } : next;
    const others = list.value.tickets.filter((other) => other.id !== ticket.id);
    list.value = { ...list.value, tickets: [ticket, ...others].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)) };
  };
  const setUnread = (id: string, count: (ticket: Ticket) => number) => {
    list.value = {
      ...list.value,
      tickets: list.value.tickets.map((ticket) =>
        ticket.id === id ? { ...ticket, unreadCount: count(ticket) } : ticket,
      ),
    };
  };
  const isVisible = (id: string) =>
    !hidden.value && rt.isOpen.value && rt.view.value.name === 'ticketThread' && rt.view.value.ticketId === id;
  // A reply counts once, though a resumed stream may bring it again.
  const counted = new Set<string>();
  const known = (id: string) => list.value.tickets.some((ticket) => ticket.id === id);
  const tellRead = (id: string) =>
    rt.adapter.markTicketRead?.(id).catch((error: unknown) => rt.report(error, 'tickets.markRead'));
  const method = <K extends 'listTickets' | 'getTicket' | 'solveTicket'>(name: K) => {
    const fn = rt.adapter[name];
    if (fn === undefined) throw new UnsupportedError(name, rt.adapter.name);
    return fn.bind(rt.adapter) as NonNullable<(typeof rt.adapter)[K]>;
  };
  // A ticket's replies come in one page, with the ticket as it is now.
  const threads = createThreads(
    rt,
    async (id) => {
      const asked = rt.visit();
      const thread = parseResponse(TicketThread, await method('getTicket')(id), 'ticket');
      // Asked before a logout: the previous visitor's ticket stays out of the next one's list.
      if (asked === rt.visit()) upsert(thread.ticket);
      return thread;
    },
    'tickets.thread',
  );

  async function loadForm(): Promise<TicketForm> {
    if (cachedForm !== undefined) return cachedForm;
    if (rt.capabilities.value.formSchema && rt.adapter.getTicketForm) {
      await rt.connected();
      cachedForm = parseResponse(TicketForm, await rt.adapter.getTicketForm(), 'ticket form');
    } else {
      cachedForm = TicketForm.parse({});
    }
    return cachedForm;
  }

  /**
   * Waits for the backend. A refused ticket or reply leaves the outbox: the form (and its persisted
   * draft) still holds what the user typed, so they fix it there and submit again.
   */
  async function delivered(id: string): Promise<unknown> {
    try {
      return await outbox.settled(id);
    } catch (error) {
      await outbox.discard(id);
      throw error;
    }
  }

  /** Offline the form cannot be fetched: check what we can and let the outbox carry the ticket; the backend validates again. */
  async function formOrOffline(): Promise<TicketForm> {
    try {
      return await loadForm();
    } catch (error) {
      if (isRetryable(error)) return TicketForm.parse({ categories: Category.options });
      throw error;
    }
  }

  const form = command(
    rt.report,
    'tickets.form',
    [],
    () => z.object({}),
    async () => {
      rt.require('tickets');
      return loadForm();
    },
  );

  const create = command(
    rt.report,
    'tickets.create',
    ['input'],
    () => z.object({ input: CreateInput }),
    async ({ input }) => {
      rt.require('tickets');
      if (input.attachments?.length) rt.require('attachments');
      await rt.interaction();
      const fields = input.fields ?? {};
      validateTicketFields(await formOrOffline(), input.category, fields);
      const attachments = input.attachments ?? [];
      const context = rt.snapshot(input.includeContext);
      const description = rt.redact(input.description);
      const record = await outbox.enqueue({
        kind: 'ticket',
        body: description,
        attachments,
        payload: {
          input: {
            subject: rt.redact(input.subject),
            description,
            severity: input.severity,
            category: input.category,
            fields: redactStrings(fields, rt.redact),
            attachmentIds: attachments.map((a) => a.id),
          },
          context,
        },
      });
      const ticket = (await delivered(record.id)) as Ticket;
      drafts.set(TICKET_DRAFT_KEY, {});
      return ticket;
    },
  );

  const load = command(
    rt.report,
    'tickets.load',
    [],
    () => z.object({}),
    async () => {
      rt.require('ticketList');
      list.value = { ...list.value, loading: true };
      const asked = rt.visit();
      try {
        await rt.connected();
        const tickets = parseResponse(Tickets, await method('listTickets')(), 'tickets');
        // Asked before a logout: the previous visitor's tickets.
        if (asked !== rt.visit()) return [];
        list.value = { tickets: [...tickets].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)), loading: false };
        return hidden.peek() ? [] : list.value.tickets;
      } catch (error) {
        // Asked before a logout, refused after it (its session ended): the previous visitor's, not news.
        if (asked !== rt.visit()) return [];
        list.value = { ...list.value, loading: false, error: error as HelplineError };
        throw error;
      }
    },
  );

  const get = command(
    rt.report,
    'tickets.get',
    ['id'],
    () => z.object({ id: Id }),
    async ({ id }) => {
      rt.require('ticketList');
      if (hidden.peek())
        throw new HelplineError('forbidden', 'tickets.get: the page names another user than this session’s');
      return threads.read(id, false);
    },
  );

  function thread(id: string) {
    const source = threads.data(id);
    if (rt.capabilities.value.ticketList && !source.value.loaded)
      threads.load(id, false).catch((error) => rt.report(error, 'tickets.thread'));
    return computed(() => (hidden.value ? EMPTY_THREAD : source.value));
  }

  const solve = command(
    rt.report,
    'tickets.solve',
    ['id'],
    () => z.object({ id: Id }),
    async ({ id }) => {
      rt.require('solveTicket');
      await rt.connected();
      const asked = rt.visit();
      const ticket = parseResponse(Ticket, await method('solveTicket')(id), 'ticket');
      if (asked === rt.visit()) upsert(ticket);
      return ticket;
    },
  );

  const markRead = command(
    rt.report,
    'tickets.markRead',
    ['id'],
    () => z.object({ id: Id }),
    async ({ id }) => {
      rt.require('ticketRead');
      setUnread(id, () => 0);
      await rt.connected();
      await rt.adapter.markTicketRead?.(id);
    },
  );

  const reply = command(
    rt.report,
    'tickets.reply',
    ['id', 'body', 'attachments'],
    () =>
      z.object({
        id: Id,
        body: z.string().check(z.minLength(1), z.maxLength(MAX_TEXT_LENGTH)),
        attachments: z.optional(z.array(Attachment)),
      }),
    async ({ id, body: typed, attachments = [] }) => {
      rt.require('tickets');
      if (!rt.adapter.replyToTicket) throw new UnsupportedError('replyToTicket', rt.adapter.name);
      await rt.interaction();
      const body = rt.redact(typed);
      const record = await outbox.enqueue({
        kind: 'ticketReply',
        targetId: id,
        body,
        attachments,
        payload: { body, attachmentIds: attachments.map((a) => a.id) },
      });
      return (await delivered(record.id)) as Message;
    },
  );

  return {
    list: computed(() => (hidden.value ? nothing : list.value)),
    unread: computed(() =>
      hidden.value ? 0 : list.value.tickets.reduce((sum, ticket) => sum + (ticket.unreadCount ?? 0), 0),
    ),
    markRead,
    solve,
    form,
    create,
    load,
    get,
    thread,
    reply,
    draft: drafts.get(TICKET_DRAFT_KEY),
    setDraft(values) {
      if (typeof values === 'object' && values !== null) drafts.set(TICKET_DRAFT_KEY, { ...values });
    },
    owns: (id) => known(id) || threads.has(id),
    onRealtime(event) {
      if (event.type === 'ticket') upsert(event.ticket);
      else if (event.type === 'message') {
        const { message } = event;
        if (threads.has(message.conversationId)) threads.add(message);
        if (!known(message.conversationId) || message.author.type === 'user' || counted.has(message.id)) return;
        counted.add(message.id);
        if (!hidden.peek()) rt.events.emit('message', { message });
        if (!rt.capabilities.value.ticketRead) return;
        if (isVisible(message.conversationId)) void tellRead(message.conversationId);
        else setUnread(message.conversationId, (ticket) => (ticket.unreadCount ?? 0) + 1);
      }
    },
    onSent(record, sent) {
      if (record.kind === 'ticketReply') threads.add(sent.value as Message);
      if (record.kind !== 'ticket') return;
      const ticket = parseResponse(Ticket, sent.value, 'ticket');
      upsert(ticket);
      rt.analytics({ type: 'ticket_created', path: rt.currentPath() });
      rt.events.emit('ticket:created', { ticket });
    },
    refresh: threads.refresh,
    reset() {
      counted.clear();
      threads.reset();
      list.value = { tickets: [], loading: false };
      cachedForm = undefined;
    },
  };
}
