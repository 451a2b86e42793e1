import { computed, effect, signal, untracked } from '@preact/signals-core';
import * as z from 'zod/mini';
import type { SupportAdapter } from '../adapter/contract.js';
import { type AttachmentsModule, createAttachments } from '../attachments/attachments.js';
import { type Chat, createChat } from '../chat/chat.js';
import { createDrafts } from '../chat/drafts.js';
import { shareLivePage } from '../chat/live-page.js';
import { type ContactModule, createContact } from '../contact/contact.js';
import { claimed } from '../outbox/claim.js';
import { createOutbox, NotTheirSession, type Outbox, type OutboxDeps } from '../outbox/outbox.js';
import { carries } from '../outbox/record.js';
import { sendItem } from '../outbox/send-item.js';
import type { Identity } from '../schemas/identity.js';
import type { RealtimeEvent } from '../schemas/realtime.js';
import { TicketForm } from '../schemas/ticket.js';
import { createTickets, type TicketsModule } from '../tickets/tickets.js';
import type { Runtime } from './runtime.js';

/** Everything that writes: chat, tickets, uploads, their drafts and the outbox that delivers them. */
export interface Messaging {
  chat: Chat;
  tickets: TicketsModule;
  attachments: AttachmentsModule;
  contact: ContactModule;
  outbox: Outbox;
  onRealtime(event: RealtimeEvent): void;
  /** Open threads read their newest messages again: the live stream (re)opened and may have missed some. */
  refresh(): void;
  /** Writes pending drafts to storage now. */
  flushDrafts(): Promise<void>;
  /** Stops delivery and closes the cross-tab channel (shutdown). */
  stop(): void;
  /** Forgets everything in memory (logout); storage is cleared by the caller. */
  reset(): void;
}

export interface MessagingDeps
  extends Pick<OutboxDeps, 'onOtherTab' | 'now' | 'newId' | 'random' | 'locks' | 'channel' | 'onError' | 'owner'> {
  adapter: SupportAdapter;
  /** Connects once; resolves with the identity the session was made for. */
  connect(): Promise<Identity>;
  /** The email the host gave for the user the page names: nobody needs to ask for one. */
  hostEmail(): string | undefined;
  onDraftError(error: unknown): void;
  /** Shows home: the thread on screen belongs to a user the page no longer names. */
  home(): void;
}

/**
 * Builds the write side and restores what this browser kept: queued writes resume delivery and
 * drafts come back. Loaded as its own chunk on the first chat or ticket action, or at boot for a
 * visitor who may have something queued, so the first open does not download it.
 */
export async function startMessaging(rt: Runtime, deps: MessagingDeps): Promise<Messaging> {
  const { store, timers } = rt;
  /** The user whose session the lists were read with (undefined: an anonymous visitor's). */
  const sessionUser = signal<string | undefined>(undefined);
  const connect = async () => {
    const identity = await deps.connect();
    sessionUser.value = identity.user?.id;
    return identity;
  };
  // The host signed its user out without logout, or named another with update: the session is still
  // theirs, and whoever is here now sees none of what it read and sends nothing with it.
  const elsewhere = computed(() => sessionUser.value !== undefined && sessionUser.value !== deps.owner());
  const scoped: Runtime = {
    ...rt,
    async connected() {
      await rt.interaction();
      await connect();
    },
  };
  const outbox = createOutbox({
    ...deps,
    store,
    timers,
    paused: () => elsewhere.peek(),
    async send(record) {
      const visit = rt.visit();
      const session = await connect();
      const user = session.user?.id;
      // The session that answered may not be one this item may go with: made before identify named its
      // user, or, after a logout while it was being made, the next visitor's.
      if (rt.visit() !== visit || !carries(user, record)) throw new NotTheirSession();
      try {
        return await sendItem(deps.adapter, record);
      } catch (error) {
        throw await claimed(error, record, user, store);
      }
    },
    onSent(record, sent) {
      chat.onSent(record, sent);
      tickets.onSent(record, sent);
    },
  });
  const draftStore = { store, timers, redact: rt.redact, onError: deps.onDraftError, owner: deps.owner };
  const chatDrafts = createDrafts({ ...draftStore, namespace: 'chat', schema: z.string(), empty: () => '' });
  const ticketDrafts = createDrafts({
    ...draftStore,
    namespace: 'ticket',
    schema: z.looseObject({}),
    empty: () => ({}),
  });
  const chat = createChat(scoped, outbox, chatDrafts, elsewhere);
  const tickets = createTickets(scoped, outbox, ticketDrafts, elsewhere);
  const attachments = createAttachments(
    rt,
    async () => (await tickets.form().catch(() => TicketForm.parse({}))).attachments,
    deps.newId,
  );
  const contact = createContact(rt, deps, deps.onDraftError);
  await Promise.all([outbox.start(), chatDrafts.load(), ticketDrafts.load(), contact.load()]);
  const livePage = shareLivePage(rt, chat.conversations);
  // The page names the session's user again: what waited goes. It names someone else: their thread
  // leaves the screen, so nothing typed there waits to go into it.
  const resume = effect(() => {
    if (!elsewhere.value) untracked(outbox.wake);
    else if (untracked(() => rt.view.value.conversationId ?? rt.view.value.ticketId) !== undefined) deps.home();
  });
  return {
    chat,
    tickets,
    attachments,
    contact,
    outbox,
    onRealtime(event) {
      // A ticket's reply comes as a message: the tickets module's alone (chat would take it for a
      // conversation it has not seen and read its list again).
      if (event.type !== 'message' || !tickets.owns(event.message.conversationId)) chat.onRealtime(event);
      tickets.onRealtime(event);
    },
    refresh() {
      chat.refresh();
      tickets.refresh();
    },
    flushDrafts: async () => {
      await Promise.all([chatDrafts.flush(), ticketDrafts.flush()]);
    },
    stop() {
      resume();
      outbox.stop();
      livePage.stop();
      deps.channel?.close();
    },
    reset() {
      outbox.stop();
      outbox.reset();
      chat.reset();
      tickets.reset();
      attachments.reset();
      contact.reset();
      livePage.reset();
      // Last: with the outbox stopped, the wake this causes sends nothing of what was just forgotten.
      sessionUser.value = undefined;
    },
  };
}
