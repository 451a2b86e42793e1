import { effect } from '@preact/signals-core';
import * as z from 'zod/mini';
import type { Capability } from '../adapter/capabilities.js';
import { createAttachments } from '../attachments/attachments.js';
import { createChat } from '../chat/chat.js';
import { createDrafts } from '../chat/drafts.js';
import { createContextCapture, type ContextCapture } from '../context/capture.js';
import { AdapterError } from '../errors/adapter-error.js';
import { HelplineError, isHelplineError } from '../errors/helpline-error.js';
import { UnsupportedError } from '../errors/unsupported-error.js';
import { createEmitter } from '../events/emitter.js';
import { createConnection } from '../identity/connection.js';
import { readStoredIdentity, type StoredIdentity, writeStoredIdentity } from '../identity/stored-identity.js';
import { createHelpRegistry } from '../kb/help-registry.js';
import { createKb } from '../kb/kb.js';
import { createSelfServiceLog } from '../kb/self-service.js';
import { parseOptions } from '../options/parse-options.js';
import type { HelplineOptionsInput } from '../options/schema.js';
import { createOutbox } from '../outbox/outbox.js';
import { sendItem } from '../outbox/send-item.js';
import { defaultTimers, type Timers } from '../outbox/timers.js';
import type { AnalyticsEvent } from '../schemas/analytics.js';
import { Availability } from '../schemas/availability.js';
import type { ContextSnapshot } from '../schemas/context.js';
import { Verification } from '../schemas/identity.js';
import { createGatedStore } from '../storage/gated-store.js';
import { createIdbStore } from '../storage/idb-store.js';
import { newId } from '../storage/new-id.js';
import type { KeyValueStore } from '../storage/types.js';
import { createTickets } from '../tickets/tickets.js';
import { parseResponse } from '../validation/parse.js';
import { availabilityFromHours } from './availability.js';
import { EventName, HelpEntryArg, IdentifiedUser, ListenerArg, PrefillArg, RoutePatternArg, TrackName, UpdateArg, ViewArg } from './arg-schemas.js';
import { effectiveCapabilities } from './capabilities.js';
import { command } from './command.js';
import type { Runtime } from './runtime.js';
import { ANONYMOUS, createState, HOME, readonly, readonlyState } from './state.js';
import type { HelplineClient, HelplineEventName, HelplineEvents, HelplineListener, ViewState } from './types.js';

export interface ClientDeps {
  store?: KeyValueStore;
  window?: Window;
  now?: () => Date;
  /** Makes ids (visitor, outbox items); default: crypto-random. */
  random?: () => string;
  capture?: ContextCapture;
  /** Web Locks; `null` means every tab sends. Default: `navigator.locks` when present. */
  locks?: LockManager | null;
  channel?: (name: string) => BroadcastChannel | null;
  console?: Pick<Console, 'error' | 'warn' | 'info'>;
  /** Timers for retries, drafts and typing; default: the global ones. */
  timers?: Timers;
  /** Uniform [0, 1) source for retry jitter; default Math.random. */
  jitter?: () => number;
}

const VIEW_NEEDS: Partial<Record<ViewState['name'], Capability>> = {
  search: 'kb',
  article: 'kb',
  chat: 'chat',
  conversations: 'chat',
  ticket: 'tickets',
  tickets: 'ticketList',
  ticketThread: 'ticketList',
};
const OUTBOX_CHANNEL = 'helpline-outbox';

function defaultLocale(win: Window | undefined, option: string | undefined): string {
  const tag = option ?? win?.navigator?.language ?? 'en';
  return tag.split('-')[0]?.toLowerCase() || 'en';
}

/**
 * The engine behind the widget and the `Helpline(...)` command API. Throws a ValidationError for
 * invalid options (after logging it); every later failure is a rejected promise plus an `error` event.
 */
export function createClient(input: HelplineOptionsInput, deps: ClientDeps = {}): HelplineClient {
  const log = deps.console ?? console;
  const parsed = parseOptions(input);
  if (!parsed.ok) {
    log.error(`[Helpline] ${parsed.error.message}`);
    throw parsed.error;
  }
  for (const warning of parsed.warnings) log.warn(`[Helpline] ${warning}`);
  const options = parsed.options;
  const { adapter } = options;
  const win = deps.window ?? (typeof window === 'undefined' ? undefined : window);
  const now = deps.now ?? (() => new Date());
  const makeId = deps.random ?? newId;
  const timers = deps.timers ?? defaultTimers;
  const inner = deps.store ?? createIdbStore();
  const privacy = options.privacy;

  // "No storage before interaction": writes wait in memory until the user does something, unless
  // this browser is a returning visitor (it interacted in an earlier visit) or the host opted out.
  let interacted = false;
  let returning = false;
  let stored: StoredIdentity | undefined;
  let verification: Verification | undefined = options.verification;
  let shutDown = false;
  const store = createGatedStore(inner, { isOpen: () => interacted || returning || !privacy.noStorageBeforeInteraction });

  const capture = deps.capture ?? createContextCapture({ privacy, ...(win ? { window: win } : {}), now });
  const state = createState(effectiveCapabilities(adapter.capabilities, options.features), defaultLocale(win, options.locale), {
    ...ANONYMOUS,
    user: options.user,
    account: options.account,
  });
  let custom = options.custom;
  let app = options.app;

  const reported = new WeakSet<object>();
  const emitter = createEmitter<HelplineEvents>((error, event) => log.error(`[Helpline] a listener for "${String(event)}" threw:`, error));
  const report = (error: unknown, commandName: string) => {
    if (typeof error === 'object' && error !== null) {
      if (reported.has(error)) return;
      reported.add(error);
    }
    const helplineError = isHelplineError(error)
      ? error
      : new AdapterError('network', error instanceof Error ? error.message : String(error), { cause: error, retryable: true });
    log.error(`[Helpline] ${commandName}: ${helplineError.message}`);
    emitter.emit('error', { error: helplineError, command: commandName });
  };
  const quietly = (commandName: string) => (error: unknown) => report(error, commandName);

  const selfService = createSelfServiceLog(now);
  const help = createHelpRegistry();

  const connection = createConnection({
    adapter,
    realtime: () => state.capabilities.value.realtime,
    async identity() {
      if (stored === undefined) {
        stored = { visitorId: makeId(), ...(state.identity.value.user?.id ? { userId: state.identity.value.user.id } : {}) };
        await writeStoredIdentity(store, stored);
      }
      state.identity.value = { ...state.identity.value, visitorId: stored.visitorId };
      const { user, account } = state.identity.value;
      return {
        visitorId: stored.visitorId,
        locale: state.locale.value,
        ...(user ? { user } : {}),
        ...(account ? { account } : {}),
        ...(verification ? { verification } : {}),
      };
    },
    onSession: (session) => {
      state.identity.value = { ...state.identity.value, verified: session.verified };
    },
    onStatus: (status) => {
      state.status.value = status;
    },
    onEvent: (event) => {
      if (event.type === 'presence') state.availability.value = event.availability;
      else if (event.type === 'resync') reloadLists();
      else if (event.type === 'ticket') tickets.onRealtime(event);
      else chat.onRealtime(event);
    },
    onMalformedEvent: (error) => {
      if (options.debug) log.warn('[Helpline] ignored a malformed realtime event', error);
    },
    afterConnect: () => {
      reloadLists();
      if (state.capabilities.value.availability && adapter.getAvailability) {
        adapter
          .getAvailability()
          .then((raw) => {
            state.availability.value = parseResponse(Availability, raw, 'availability');
          })
          .catch(quietly('availability'));
      }
      if (state.capabilities.value.kb && state.isOpen.value) kb.refreshSuggestions().catch(() => {});
    },
  });

  let started: Promise<void> = Promise.resolve();
  const markInteraction = () => {
    if (interacted) return;
    interacted = true;
    store.flush().catch(quietly('storage'));
  };

  const rt: Runtime = {
    options,
    adapter,
    capabilities: readonly(state.capabilities),
    isOpen: readonly(state.isOpen),
    view: readonly(state.view),
    locale: readonly(state.locale),
    store,
    timers,
    events: emitter,
    selfService,
    report,
    now,
    require(capability) {
      if (!state.capabilities.value[capability]) throw new UnsupportedError(capability, adapter.name);
    },
    async connected() {
      await rt.interaction();
      await connection.connect();
    },
    async interaction() {
      if (shutDown) throw new HelplineError('shut_down', 'Helpline was shut down; call boot first.');
      markInteraction();
      await started;
    },
    isConnected: () => connection.isConnected(),
    snapshot: (includeContext) => snapshot(includeContext),
    currentPath: () => capture.currentPath(),
    analytics(event: AnalyticsEvent) {
      if (!state.capabilities.value.analytics || !adapter.track || !connection.isConnected()) return;
      adapter.track(event).catch((error: unknown) => {
        if (options.debug) log.warn('[Helpline] analytics event not recorded', error);
      });
    },
  };

  const outbox = createOutbox({
    store,
    async send(record) {
      await connection.connect();
      return sendItem(adapter, record);
    },
    onSent(record, sent) {
      chat.onSent(record, sent);
      tickets.onSent(record, sent);
    },
    onError: quietly('outbox'),
    now: () => now().getTime(),
    newId: makeId,
    random: deps.jitter ?? Math.random,
    timers,
    locks: deps.locks !== undefined ? deps.locks : (win?.navigator as Navigator | undefined)?.locks ?? null,
    channel: (deps.channel ?? ((name) => (typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(name))))(OUTBOX_CHANNEL),
  });
  const chatDrafts = createDrafts({ namespace: 'chat', schema: z.string(), empty: () => '', store, timers, onError: quietly('drafts') });
  const ticketDrafts = createDrafts({ namespace: 'ticket', schema: z.record(z.string(), z.unknown()), empty: () => ({}), store, timers, onError: quietly('drafts') });
  const kb = createKb(rt, help);
  const chat = createChat(rt, outbox, chatDrafts);
  const tickets = createTickets(rt, outbox, ticketDrafts);
  const attachments = createAttachments(rt, async () => (await tickets.form().catch(() => undefined))?.attachments ?? { maxBytes: 10 * 1024 * 1024, types: ['image/*', 'application/pdf', 'text/plain'] }, makeId);

  function reloadLists() {
    if (state.capabilities.value.chat && adapter.listConversations) chat.loadConversations().catch(() => {});
    if (state.capabilities.value.ticketList && adapter.listTickets) tickets.load().catch(() => {});
  }

  function snapshot(includeContext = true): ContextSnapshot {
    const { user, account } = state.identity.value;
    const who = { ...(user ? { user } : {}), ...(account ? { account } : {}) };
    if (!includeContext) {
      // Diagnostics unticked: the agent still needs to know who asks, nothing about where or what.
      return { capturedAt: now().toISOString(), page: { url: '', path: '', title: '' }, routeTrail: [], breadcrumbs: [], selfService: [], custom: {}, ...who };
    }
    return capture.snapshot({ ...who, ...(app ? { app } : {}), custom, selfService: selfService.entries() });
  }

  // Unread: agent messages not yet seen; the thread on screen counts as read.
  const disposers: Array<() => void> = [];
  disposers.push(
    effect(() => {
      state.unreadCount.value = chat.unread.value;
    }),
  );
  let lastUnread = 0;
  disposers.push(
    effect(() => {
      const count = state.unreadCount.value;
      if (count !== lastUnread) {
        lastUnread = count;
        emitter.emit('unread', { count });
      }
    }),
  );
  disposers.push(
    effect(() => {
      const view = state.view.value;
      if (state.isOpen.value && view.name === 'chat' && view.conversationId !== undefined) chat.seen(view.conversationId);
    }),
  );

  const onOnline = () => outbox.flush();

  async function start() {
    capture.start();
    disposers.push(
      capture.onRouteChange(() => {
        if (connection.isConnected() && state.capabilities.value.kb) kb.refreshSuggestions().catch(() => {});
      }),
    );
    win?.addEventListener('online', onOnline);
    if (options.businessHours) state.availability.value = availabilityFromHours(options.businessHours, now());
    try {
      stored = await readStoredIdentity(inner);
    } catch (error) {
      report(error, 'boot');
    }
    if (stored !== undefined) {
      returning = true;
      const hostUser = options.user?.id;
      if (hostUser !== undefined && stored.userId !== undefined && stored.userId !== hostUser) await wipe();
    }
    await Promise.all([outbox.start(), chatDrafts.load(), ticketDrafts.load()]);
    state.ready.value = true;
    emitter.emit('ready', { capabilities: state.capabilities.value });
    // A returning visitor connects right away so the unread badge works while the panel is closed.
    if (returning || !privacy.noStorageBeforeInteraction) connection.connect().catch(quietly('boot'));
  }

  /** Forgets this browser's visitor: connection, storage, every signal. The next interaction starts afresh. */
  async function wipe() {
    await connection.disconnect().catch(quietly('logout'));
    outbox.stop();
    outbox.reset();
    chat.reset();
    kb.reset();
    tickets.reset();
    attachments.reset();
    selfService.clear();
    stored = undefined;
    returning = false;
    interacted = false;
    verification = undefined;
    state.identity.value = ANONYMOUS;
    state.isOpen.value = false;
    state.view.value = HOME;
    state.prefilled.value = {};
    state.availability.value = options.businessHours ? availabilityFromHours(options.businessHours, now()) : undefined;
    await store.clear();
    await outbox.start();
  }

  const open = command(report, 'open', ['view'], z.object({ view: z.optional(ViewArg) }), async ({ view }) => {
    const next: ViewState = view === undefined ? state.view.value : typeof view === 'string' ? { name: view } : view;
    const needs = VIEW_NEEDS[next.name];
    if (needs !== undefined) rt.require(needs);
    markInteraction();
    const wasOpen = state.isOpen.value;
    state.view.value = next;
    state.isOpen.value = true;
    if (!wasOpen) {
      emitter.emit('open', { view: next });
      rt.analytics({ type: 'help_opened', path: capture.currentPath() });
    }
    rt.connected()
      .then(() => {
        if (state.capabilities.value.kb && next.name === 'home') return kb.refreshSuggestions().then(() => undefined);
      })
      .catch(quietly('open'));
  });

  const close = command(report, 'close', [], z.object({}), () => {
    if (!state.isOpen.value) return;
    state.isOpen.value = false;
    emitter.emit('close', {});
  });

  const identify = command(report, 'identify', ['user', 'verification'], z.object({ user: IdentifiedUser, verification: z.optional(Verification) }), async ({ user, verification: proof }) => {
    await started;
    // Someone else signed in on this browser: nothing of the previous user may leak to them.
    if (stored?.userId !== undefined && stored.userId !== user.id) await wipe();
    markInteraction();
    verification = proof;
    state.identity.value = { ...state.identity.value, user, verified: false };
    if (stored !== undefined) {
      stored = { ...stored, userId: user.id };
      await writeStoredIdentity(store, stored);
    }
    await connection.disconnect();
    await rt.connected();
  });

  const update = command(report, 'update', ['context'], z.object({ context: UpdateArg }), ({ context }) => {
    // Replace, never merge: after an org switch no field of the previous account may linger.
    if ('account' in context) state.identity.value = { ...state.identity.value, account: context.account };
    if ('user' in context) state.identity.value = { ...state.identity.value, user: context.user };
    if (context.custom !== undefined) custom = context.custom;
    if (context.app !== undefined) app = context.app;
  });

  const client: HelplineClient = {
    state: readonlyState(state),
    options,
    adapter,
    kb,
    chat,
    tickets,
    attachments,
    snapshot: () => snapshot(true),
    interacted: markInteraction,
    open,
    close,
    toggle: command(report, 'toggle', [], z.object({}), () => (state.isOpen.value ? close() : open())),
    identify,
    update,
    logout: command(report, 'logout', [], z.object({}), async () => {
      await started;
      await wipe();
    }),
    search: command(report, 'search', ['query'], z.object({ query: z.string().check(z.maxLength(500)) }), async ({ query }) => {
      await open({ name: 'search', query });
      await kb.search(query);
    }),
    article: command(report, 'article', ['id'], z.object({ id: z.string().check(z.minLength(1), z.maxLength(200)) }), ({ id }) => open({ name: 'article', articleId: id })),
    suggest: command(report, 'suggest', ['articleIds'], z.object({ articleIds: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(200)))) }), async ({ articleIds }) => {
      await kb.refreshSuggestions(articleIds);
    }),
    newMessage: command(report, 'newMessage', ['text'], z.object({ text: z.optional(z.string().check(z.maxLength(10_000))) }), async ({ text }) => {
      rt.require('chat');
      if (text !== undefined) state.prefilled.value = { ...state.prefilled.value, text };
      await open({ name: 'chat' });
    }),
    newTicket: command(report, 'newTicket', ['prefill'], z.object({ prefill: z.optional(PrefillArg) }), async ({ prefill }) => {
      rt.require('tickets');
      if (prefill !== undefined) state.prefilled.value = { ...state.prefilled.value, ...prefill };
      await open({ name: 'ticket' });
    }),
    prefill: command(report, 'prefill', ['fields'], z.object({ fields: PrefillArg }), ({ fields }) => {
      state.prefilled.value = { ...state.prefilled.value, ...fields };
    }),
    track: command(report, 'track', ['name', 'data'], z.object({ name: TrackName, data: z.optional(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))) }), ({ name, data }) => {
      capture.addBreadcrumb({ type: 'event', name, at: now().toISOString(), ...(data ? { data } : {}) });
    }),
    help: {
      register: command(report, 'help.register', ['routePattern', 'entry'], z.object({ routePattern: RoutePatternArg, entry: HelpEntryArg }), ({ routePattern, entry }) => {
        help.register(routePattern, entry);
        if (connection.isConnected() && state.capabilities.value.kb) kb.refreshSuggestions().catch(() => {});
      }),
      unregister: command(report, 'help.unregister', ['routePattern'], z.object({ routePattern: RoutePatternArg }), ({ routePattern }) => {
        help.unregister(routePattern);
      }),
    },
    prefilled: readonly(state.prefilled),
    on<E extends HelplineEventName>(event: E, listener: HelplineListener<E>) {
      const args = validateListener('on', event, listener);
      return args ? emitter.on(event, listener) : () => {};
    },
    once<E extends HelplineEventName>(event: E, listener: HelplineListener<E>) {
      const args = validateListener('once', event, listener);
      return args ? emitter.once(event, listener) : () => {};
    },
    off<E extends HelplineEventName>(event: E, listener: HelplineListener<E>) {
      if (validateListener('off', event, listener)) emitter.off(event, listener);
    },
    shutdown: command(report, 'shutdown', [], z.object({}), async () => {
      if (shutDown) return;
      await started.catch(() => {});
      shutDown = true;
      for (const dispose of disposers.splice(0)) dispose();
      win?.removeEventListener('online', onOnline);
      capture.stop();
      outbox.stop();
      await chatDrafts.flush();
      await ticketDrafts.flush();
      await connection.disconnect().catch(quietly('shutdown'));
      state.ready.value = false;
      state.isOpen.value = false;
      emitter.clear();
    }),
  };

  /** on/off/once return synchronously (an unsubscribe function), so a bad call is reported, not rejected. */
  function validateListener(name: string, event: unknown, listener: unknown): boolean {
    const result = z.safeParse(z.object({ event: EventName, listener: ListenerArg }), { event, listener });
    if (result.success) return true;
    const field = result.error.issues[0]?.path.join('.') ?? 'event';
    const error = new HelplineError('invalid_command', `Invalid arguments to ${name}: ${field}: expected ${field === 'event' ? `one of ${EventName.options.join(', ')}` : 'a function'}`, { field });
    report(error, name);
    return false;
  }

  started = start().catch((error: unknown) => report(error, 'boot'));
  return client;
}
