import { effect } from '@preact/signals-core';
import * as z from 'zod/mini';
import { type ContextCapture, createContextCapture } from '../context/capture.js';
import type { EarlyRecord } from '../context/early-capture.js';
import { HelplineError } from '../errors/helpline-error.js';
import { UnsupportedError } from '../errors/unsupported-error.js';
import { createEmitter } from '../events/emitter.js';
import { createConnection } from '../identity/connection.js';
import { readStoredIdentity, writeStoredIdentity } from '../identity/stored-identity.js';
import { createVisitor } from '../identity/visitor.js';
import { createHelpRegistry } from '../kb/help-registry.js';
import { createKb } from '../kb/kb.js';
import { createSelfServiceLog } from '../kb/self-service.js';
import { parseOptions } from '../options/parse-options.js';
import type { HelplineOptionsInput } from '../options/schema.js';
import { defaultTimers, type Timers } from '../outbox/timers.js';
import { Availability } from '../schemas/availability.js';
import type { ContextSnapshot } from '../schemas/context.js';
import { createGatedStore } from '../storage/gated-store.js';
import { createIdbStore } from '../storage/idb-store.js';
import { newId } from '../storage/new-id.js';
import type { KeyValueStore } from '../storage/types.js';
import { parseResponse } from '../validation/parse.js';
import { effectiveCapabilities } from './capabilities.js';
import { command } from './command.js';
import { createHostCommands } from './host-commands.js';
import { createLazyMessaging } from './lazy-messaging.js';
import { listenerMethods } from './listeners.js';
import { createReporter } from './reporter.js';
import type { Runtime } from './runtime.js';
import { ANONYMOUS, createState, HOME, readonly, readonlyState } from './state.js';
import type { HelplineClient, HelplineEvents } from './types.js';

export interface ClientDeps {
  store?: KeyValueStore;
  window?: Window;
  now?: () => Date;
  /** Makes ids (visitor, outbox items); default: crypto-random. */
  random?: () => string;
  capture?: ContextCapture;
  /** What the page did before the client existed (the script tag's early capture), redacted by these options. */
  earlier?: EarlyRecord;
  /** Web Locks; `null` means every tab sends. Default: `navigator.locks` when present. */
  locks?: LockManager | null;
  channel?: (name: string) => BroadcastChannel | null;
  console?: Pick<Console, 'error' | 'warn' | 'info'>;
  /** Timers for retries, drafts and typing; default: the global ones. */
  timers?: Timers;
  /** Uniform [0, 1) source for retry jitter; default Math.random. */
  jitter?: () => number;
}

const OUTBOX_CHANNEL = 'helpline-outbox';
/** How long boot waits for a returning signed-in user's identify before connecting without it. */
const IDENTIFY_WAIT_MS = 2000;
const openChannel = (name: string) => (typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(name));

function resolveLocale(win: Window | undefined, option: string | undefined): string {
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
  const { options } = parsed;
  const { adapter, privacy } = options;
  const win = deps.window ?? (typeof window === 'undefined' ? undefined : window);
  const now = deps.now ?? (() => new Date());
  const makeId = deps.random ?? newId;
  const timers = deps.timers ?? defaultTimers;
  const inner = deps.store ?? createIdbStore();

  const visitor = createVisitor(privacy.noStorageBeforeInteraction, options.verification);
  const store = createGatedStore(inner, { isOpen: () => visitor.storageAllowed() });
  const capture =
    deps.capture ?? createContextCapture({ privacy, now, earlier: deps.earlier, ...(win ? { window: win } : {}) });
  const state = createState(effectiveCapabilities(adapter.capabilities, options), resolveLocale(win, options.locale), {
    ...ANONYMOUS,
    user: options.user,
    account: options.account,
  });
  const extras = { custom: options.custom, app: options.app };
  const emitter = createEmitter<HelplineEvents>((error, event) =>
    log.error(`[Helpline] a listener for "${String(event)}" threw:`, error),
  );
  const report = createReporter(log, emitter);
  const quietly = (commandName: string) => (error: unknown) => report(error, commandName);
  const selfService = createSelfServiceLog(now);
  const help = createHelpRegistry();
  let shutDown = false;
  let visits = 0;
  let started: Promise<void> = Promise.resolve();
  let identityWasRead = () => {};
  const identityRead = new Promise<void>((resolve) => {
    identityWasRead = resolve;
  });

  const markInteraction = () => {
    if (visitor.interacted) return;
    visitor.interacted = true;
    store.flush().catch(quietly('storage'));
  };

  const connection = createConnection({
    adapter,
    realtime: () => state.capabilities.value.realtime,
    async identity() {
      // Another tab of this browser may have made the visitor meanwhile: one visitor per browser.
      // Boot reads the visitor this browser already has first; connecting earlier would make a second one.
      await identityRead;
      visitor.stored ??= await readStoredIdentity(store);
      if (visitor.stored === undefined) {
        const userId = state.identity.value.user?.id;
        visitor.stored = { visitorId: makeId(), ...(userId ? { userId } : {}) };
        await writeStoredIdentity(store, visitor.stored);
      }
      state.identity.value = { ...state.identity.value, visitorId: visitor.stored.visitorId };
      const { user, account } = state.identity.value;
      return {
        visitorId: visitor.stored.visitorId,
        locale: state.locale.value,
        ...(user ? { user } : {}),
        ...(account ? { account } : {}),
        ...(visitor.verification ? { verification: visitor.verification } : {}),
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
      else messaging.onRealtime(event);
    },
    onMalformedEvent: (error) => {
      if (options.debug) log.warn('[Helpline] ignored a malformed realtime event', error);
    },
    onLive: () => {
      reloadLists();
      messaging.loaded.value?.refresh();
    },
    afterConnect: () => {
      messaging.loaded.value?.outbox.wake();
      reloadLists();
      if (state.capabilities.value.availability && adapter.getAvailability) {
        adapter
          .getAvailability()
          .then((raw) => {
            state.availability.value = parseResponse(Availability, raw, 'availability');
          })
          .catch(quietly('availability'));
      }
    },
  });

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
    alive() {
      if (shutDown) throw new HelplineError('shut_down', 'Helpline was shut down; call boot first.');
    },
    async interaction() {
      rt.alive();
      markInteraction();
      await started;
    },
    isConnected: () => connection.isConnected(),
    snapshot: (includeContext) => snapshot(includeContext),
    currentPath: () => capture.currentPath(),
    redact: (text) => capture.redact(text),
    page: () => capture.page(),
    onRouteChange: (listener) => capture.onRouteChange(listener),
    visit: () => visits,
    analytics(event) {
      const { track } = adapter;
      if (!state.capabilities.value.analytics || track === undefined || shutDown) return;
      // Events before the visitor exists (no interaction yet) are not worth creating one for.
      if (!connection.isConnected() && !visitor.interacted && !visitor.returning) return;
      connection
        .connect()
        .then(() => track.call(adapter, event))
        .catch((error: unknown) => {
          if (options.debug) log.warn('[Helpline] analytics event not recorded', error);
        });
    },
  };

  const kb = createKb(rt, help);
  // Someone who never wrote from this browser and is not signed in has no conversations or tickets to
  // list: their first open does not download the messaging module.
  const mayHaveHistory = () =>
    messaging.loaded.value !== undefined || visitor.returning || state.identity.value.user?.id !== undefined;
  const messaging = createLazyMessaging(async () => {
    const { startMessaging } = await import('./messaging.js');
    return startMessaging(rt, {
      adapter,
      connect: () => connection.connect(),
      owner: () => state.identity.value.user?.id,
      hostEmail: () => state.identity.value.user?.email,
      onError: quietly('outbox'),
      onDraftError: quietly('drafts'),
      home() {
        state.view.value = { name: 'home' };
      },
      onOtherTab() {
        if (visitor.returning) return;
        visitor.returning = true;
        store.flush().catch(quietly('storage'));
      },
      now: () => now().getTime(),
      newId: makeId,
      random: deps.jitter ?? Math.random,
      locks: deps.locks !== undefined ? deps.locks : ((win?.navigator as Navigator | undefined)?.locks ?? null),
      channel: (deps.channel ?? openChannel)(OUTBOX_CHANNEL),
    });
  }, mayHaveHistory);
  const { chat, tickets, attachments, contact } = messaging;

  function reloadLists() {
    if (!mayHaveHistory()) return;
    if (state.capabilities.value.chat && adapter.listConversations) chat.loadConversations().catch(() => {});
    if (state.capabilities.value.ticketList && adapter.listTickets) tickets.load().catch(() => {});
  }

  function snapshot(includeContext = true): ContextSnapshot {
    const { user, account } = state.identity.value;
    const who = { ...(user ? { user } : {}), ...(account ? { account } : {}) };
    if (!includeContext) {
      // Diagnostics unticked: the agent still learns who asks, nothing about where or what.
      const capturedAt = now().toISOString();
      const page = { url: '', path: '', title: '' };
      return { capturedAt, page, routeTrail: [], breadcrumbs: [], selfService: [], custom: {}, ...who };
    }
    const { custom, app } = extras;
    return capture.snapshot({ ...who, ...(app ? { app } : {}), custom, selfService: selfService.entries() });
  }

  const disposers: Array<() => void> = [];
  let lastUnread = 0;
  disposers.push(
    effect(() => {
      state.unreadCount.value = chat.unread.value + tickets.unread.value;
    }),
    effect(() => {
      const count = state.unreadCount.value;
      if (count === lastUnread) return;
      lastUnread = count;
      emitter.emit('unread', { count });
    }),
    // A new chat moves to its own thread once the backend has given it an id, whether or not the
    // panel is still open: reopened, it shows that thread, not an empty new chat.
    emitter.on('conversation:started', ({ conversation }) => {
      const view = state.view.value;
      if (view.name === 'chat' && view.conversationId === undefined)
        state.view.value = { name: 'chat', conversationId: conversation.id };
    }),
    // The thread on screen counts as read.
    effect(() => {
      const view = state.view.value;
      if (state.isOpen.value && view.name === 'chat' && view.conversationId !== undefined)
        messaging.loaded.value?.chat.seen(view.conversationId);
    }),
  );
  // Back online: what boot could not do while the network was down happens now. A returning visitor's
  // messaging module (and with it the outbox) may have failed to download, and their connection failed.
  const onOnline = () => {
    const written = messaging.loaded.value;
    if (written) written.outbox.flush();
    else if (visitor.returning) messaging.ensure().catch(quietly('outbox'));
    if (!connection.isConnected() && (visitor.returning || visitor.interacted))
      connection.connect().catch(quietly('connect'));
  };

  /** Availability from configured business hours, for adapters that don't report it; the time-zone maths loads only then. */
  async function hoursAvailability() {
    if (!options.businessHours) return;
    const { availabilityFromHours } = await import('./availability.js');
    state.availability.value = availabilityFromHours(options.businessHours, now());
  }

  async function start() {
    capture.start();
    disposers.push(
      capture.onRouteChange(() => {
        if (connection.isConnected() && state.capabilities.value.kb) kb.refreshSuggestions().catch(() => {});
      }),
    );
    win?.addEventListener('online', onOnline);
    visitor.stored = await readStoredIdentity(inner).catch((error: unknown) => {
      report(error, 'boot');
      return undefined;
    });
    if (visitor.stored !== undefined) {
      visitor.returning = true;
      const { userId } = visitor.stored;
      // The host booted with another user than the one stored here: start clean for them.
      if (options.user?.id !== undefined && userId !== undefined && userId !== options.user.id) await wipe();
    }
    identityWasRead();
    await hoursAvailability();
    // Writes queued or drafts kept by an earlier visit resume in the background: opening the panel
    // does not wait for them.
    if (visitor.returning) messaging.ensure().catch(quietly('boot'));
    state.ready.value = true;
    emitter.emit('ready', { capabilities: state.capabilities.value });
    // A returning visitor connects right away so the unread badge works while the panel is closed. One
    // who signed in here before and whom the host has not named yet is given a moment for identify (hosts
    // call it once their own sign-in request answers): a session made before it would be an anonymous
    // visitor's, made only to be merged away. Opening the panel meanwhile connects at once.
    if (visitor.returning || !privacy.noStorageBeforeInteraction) {
      const connect = () => connection.connect().catch(quietly('boot'));
      if (visitor.stored?.userId !== undefined && state.identity.value.user === undefined)
        timers.setTimeout(() => visitor.returning && !shutDown && connect(), IDENTIFY_WAIT_MS);
      else connect();
    }
  }

  /** Forgets this browser's visitor: connection, storage, every signal. The next interaction starts afresh. */
  async function wipe(keepPanel = false) {
    visits++;
    // This browser forgets first: the server may be slow to end the session, and a host that navigates
    // right after logout must not leave the user's identity and drafts to the next person here.
    const ended = connection.disconnect().catch(quietly('logout'));
    const written = messaging.loaded.value;
    written?.reset();
    kb.reset();
    selfService.clear();
    visitor.forget();
    state.identity.value = ANONYMOUS;
    if (!keepPanel) {
      state.isOpen.value = false;
      state.view.value = HOME;
    }
    state.prefilled.value = {};
    state.availability.value = undefined;
    // Straight to the real store too: erasing is not a write the interaction gate should hold back.
    await Promise.all([store.clear(), inner.clear()]);
    await hoursAvailability();
    await ended;
    await written?.outbox.start();
  }

  const client: HelplineClient = {
    state: readonlyState(state),
    options,
    adapter,
    kb,
    chat,
    tickets,
    attachments,
    contact,
    snapshot: () => snapshot(true),
    redact: rt.redact,
    interacted: markInteraction,
    prefilled: readonly(state.prefilled),
    ...createHostCommands({
      rt,
      state,
      kb,
      help,
      capture,
      emitter,
      visitor,
      connection,
      store,
      chat,
      extras,
      started: () => started,
      markInteraction,
      wipe,
    }),
    ...listenerMethods(emitter, report),
    shutdown: command(
      report,
      'shutdown',
      [],
      () => z.object({}),
      async () => {
        if (shutDown) return;
        await started;
        shutDown = true;
        for (const dispose of disposers.splice(0)) dispose();
        win?.removeEventListener('online', onOnline);
        capture.stop();
        const written = messaging.loaded.value;
        written?.stop();
        await written?.flushDrafts();
        await connection.disconnect({ keepSession: true }).catch(quietly('shutdown'));
        state.ready.value = false;
        state.isOpen.value = false;
        emitter.clear();
      },
    ),
  };

  started = start()
    .catch((error: unknown) => report(error, 'boot'))
    .finally(identityWasRead);
  return client;
}
