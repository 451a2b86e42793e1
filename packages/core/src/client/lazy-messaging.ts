import { computed, type ReadonlySignal, signal, untracked } from '@preact/signals-core';
import type { RealtimeEvent } from '../schemas/realtime.js';
import type { Messaging } from './messaging.js';
import type { AttachmentsApi, ChatApi, ContactApi, TicketsApi } from './types.js';

type Thread = ReturnType<ChatApi['thread']>['value'];
const EMPTY_THREAD: Thread = { messages: [], pending: [], loading: true, hasMore: false };
type TicketThread = ReturnType<TicketsApi['thread']>['value'];

/**
 * The chat, tickets and attachments APIs, usable synchronously from boot while their code loads on
 * first use. Signals read through to the real module once it is there; calls wait for it. Text typed
 * into a draft before the module arrives is kept and handed over. `mayHaveHistory` says whether the
 * visitor can have conversations or tickets to list (true once the module has loaded).
 */
export function createLazyMessaging(load: () => Promise<Messaging>, mayHaveHistory: () => boolean) {
  const loaded = signal<Messaging | undefined>(undefined);
  const earlyDrafts = signal<Record<string, string>>({});
  const earlyTicketDraft = signal<Record<string, unknown> | undefined>(undefined);
  let loading: Promise<Messaging> | undefined;

  const ensure = (): Promise<Messaging> =>
    (loading ??= load().then(
      (messaging) => {
        for (const [key, text] of Object.entries(earlyDrafts.value)) messaging.chat.setDraft(key, text);
        if (earlyTicketDraft.value) messaging.tickets.setDraft(earlyTicketDraft.value);
        earlyDrafts.value = {};
        earlyTicketDraft.value = undefined;
        loaded.value = messaging;
        return messaging;
      },
      (error: unknown) => {
        // A failed chunk download (offline) is retried on the next call.
        loading = undefined;
        throw error;
      },
    ));
  const when = (pick: (messaging: Messaging) => void) => {
    if (loaded.value) pick(loaded.value);
    else ensure().then(pick, () => {});
  };
  /** A method that waits for the module, then runs there. */
  const later =
    <A extends unknown[], R>(pick: (messaging: Messaging) => (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> =>
      pick(await ensure())(...args);
  /**
   * Lists of what the visitor wrote before: nobody to ask for someone who cannot have written yet (a
   * first-time anonymous visitor), so their first open does not download the module for an empty list.
   */
  const history =
    <T>(pick: (messaging: Messaging) => () => Promise<T[]>) =>
    async (): Promise<T[]> =>
      mayHaveHistory() ? pick(await ensure())() : [];
  /** A signal that reads `fallback` until the module is there; `wake` starts loading it. */
  const through = <T>(read: (messaging: Messaging) => ReadonlySignal<T>, fallback: () => T, wake = false) => {
    if (wake) ensure().catch(() => {});
    let source: ReadonlySignal<T> | undefined;
    return computed(() => {
      const messaging = loaded.value;
      if (messaging === undefined) return fallback();
      // Asking for a thread may start loading it, a write that must not happen inside this computed.
      source ??= untracked(() => read(messaging));
      return source.value;
    });
  };
  const cached = <T>() => {
    const views = new Map<string, ReadonlySignal<T>>();
    return (key: string, make: () => ReadonlySignal<T>) => {
      let view = views.get(key);
      if (view === undefined) views.set(key, (view = make()));
      return view;
    };
  };
  const threads = cached<Thread>();
  const ticketThreads = cached<TicketThread>();
  const typings = cached<string[]>();
  const drafts = cached<string>();

  const chat = {
    conversations: through(
      (m) => m.chat.conversations,
      () => [],
    ),
    unread: through(
      (m) => m.chat.unread,
      () => 0,
    ),
    thread: (id: string | undefined) =>
      threads(id ?? '', () =>
        through(
          (m) => m.chat.thread(id),
          () => EMPTY_THREAD,
          true,
        ),
      ),
    typing: (id: string) =>
      typings(id, () =>
        through(
          (m) => m.chat.typing(id),
          () => [],
        ),
      ),
    draft: (key: string) =>
      drafts(key, () =>
        through(
          (m) => m.chat.draft(key),
          () => earlyDrafts.value[key] ?? '',
          true,
        ),
      ),
    setDraft(key: string, text: string) {
      if (loaded.value) loaded.value.chat.setDraft(key, text);
      else if (typeof key === 'string' && typeof text === 'string') {
        earlyDrafts.value = { ...earlyDrafts.value, [key]: text };
        ensure().catch(() => {});
      }
    },
    setTyping: (id: string, typing: boolean) => when((m) => m.chat.setTyping(id, typing)),
    loadConversations: history((m) => m.chat.loadConversations),
    loadOlder: later((m) => m.chat.loadOlder),
    send: later((m) => m.chat.send),
    retry: later((m) => m.chat.retry),
    discard: later((m) => m.chat.discard),
    markRead: later((m) => m.chat.markRead),
    rate: later((m) => m.chat.rate),
    end: later((m) => m.chat.end),
  } satisfies ChatApi & Record<string, unknown>;

  const tickets = {
    list: through(
      (m) => m.tickets.list,
      () => ({ tickets: [], loading: false }),
    ),
    draft: through(
      (m) => m.tickets.draft,
      () => earlyTicketDraft.value ?? {},
    ),
    setDraft(values: Record<string, unknown>) {
      if (loaded.value) loaded.value.tickets.setDraft(values);
      else {
        earlyTicketDraft.value = values;
        ensure().catch(() => {});
      }
    },
    form: later((m) => m.tickets.form),
    create: later((m) => m.tickets.create),
    load: history((m) => m.tickets.load),
    get: later((m) => m.tickets.get),
    thread: (id: string) =>
      ticketThreads(id, () =>
        through(
          (m) => m.tickets.thread(id),
          () => EMPTY_THREAD,
          true,
        ),
      ),
    reply: later((m) => m.tickets.reply),
    unread: through(
      (m) => m.tickets.unread,
      () => 0,
    ),
    markRead: later((m) => m.tickets.markRead),
    solve: later((m) => m.tickets.solve),
  } satisfies TicketsApi;

  const attachments = {
    uploads: through(
      (m) => m.attachments.uploads,
      () => [],
    ),
    upload: later((m) => m.attachments.upload),
    remove: (id: string) => loaded.value?.attachments.remove(id),
  } satisfies AttachmentsApi;

  const contact = {
    given: through(
      (m) => m.contact.given,
      () => undefined,
    ),
    asks: through(
      (m) => m.contact.asks,
      () => false,
    ),
    set: later((m) => m.contact.set),
    dismiss: () => when((m) => m.contact.dismiss()),
  } satisfies ContactApi;

  return {
    chat,
    tickets,
    attachments,
    contact,
    /** The module, once loaded: shutdown and logout act on it only if it ever ran. */
    loaded: loaded as ReadonlySignal<Messaging | undefined>,
    ensure,
    onRealtime(event: RealtimeEvent) {
      when((m) => m.onRealtime(event));
    },
  };
}
