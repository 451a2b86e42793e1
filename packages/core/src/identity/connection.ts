import type { DisconnectOptions, SupportAdapter, Unsubscribe } from '../adapter/contract.js';
import { type Identity, Session } from '../schemas/identity.js';
import type { ConnectionStatus, RealtimeEvent } from '../schemas/realtime.js';
import { parseResponse } from '../validation/parse.js';

export interface ConnectionDeps {
  adapter: SupportAdapter;
  realtime(): boolean;
  /** The identity to connect as; makes the visitor id on the first connection. */
  identity(): Promise<Identity>;
  onSession(session: Session): void;
  onStatus(status: ConnectionStatus): void;
  onEvent(event: RealtimeEvent): void;
  onMalformedEvent(error: unknown): void;
  /** Runs after each successful connect: lists, availability (errors are the caller's to report). */
  afterConnect(): void;
  /**
   * The live stream is (again) open. It carries what happens from now on; what happened between the
   * lists being read and this moment (a stream still opening, or a new one after identify) it may not.
   */
  onLive(): void;
}

export interface Connection {
  /**
   * Connects once; concurrent callers share the attempt, a failed attempt is retried by the next call.
   * Resolves with the identity the session was made for (whose it is: the outbox asks).
   */
  connect(): Promise<Identity>;
  /** Ends the session on the server too (logout, another user), unless `keepSession` (shutdown). */
  disconnect(options?: DisconnectOptions): Promise<void>;
  isConnected(): boolean;
}

export function createConnection(deps: ConnectionDeps): Connection {
  let attempt: Promise<Identity> | undefined;
  let connected = false;
  let unsubscribe: Unsubscribe | undefined;
  let generation = 0;
  /** Callers whose attempt was superseded by a disconnect, waiting for the connect that follows it. */
  const superseded: Array<() => void> = [];

  // A caller of a superseded attempt still wants a connection: it gets the one made for the identity
  // that replaced it (identify), once someone starts it; after a logout that is the next interaction.
  const following = (): Promise<Identity> =>
    attempt ?? new Promise<void>((resolve) => superseded.push(resolve)).then(() => connection.connect());

  async function open(current: number): Promise<Identity> {
    deps.onStatus('connecting');
    const identity = await deps.identity();
    // Disconnected (logout, identify) while the identity was read or the session made: a stale one.
    if (current !== generation) return following();
    const session = parseResponse(Session, await deps.adapter.connect(identity), 'session');
    if (current !== generation) return following();
    connected = true;
    deps.onSession(session);
    deps.onStatus('connected');
    if (deps.realtime() && deps.adapter.subscribe) {
      // The event schema names every message and ticket field: it loads with the subscription, and
      // events that arrive before it are checked, in order, once it is here.
      const schema = import('../schemas/realtime.js').then((module) => module.RealtimeEvent);
      let loaded: typeof RealtimeEvent | undefined;
      schema.then(
        (module) => {
          loaded = module;
        },
        () => {},
      );
      const check = (event: typeof RealtimeEvent, raw: unknown) => {
        const parsed = event.safeParse(raw);
        if (parsed.success) deps.onEvent(parsed.data);
        else deps.onMalformedEvent(parsed.error);
      };
      unsubscribe = deps.adapter.subscribe(
        (raw) => {
          if (loaded) check(loaded, raw);
          else schema.then((event) => check(event, raw), deps.onMalformedEvent);
        },
        (status) => {
          deps.onStatus(status);
          if (status === 'connected') deps.onLive();
        },
      );
    }
    deps.afterConnect();
    return identity;
  }

  const connection: Connection = {
    connect() {
      if (attempt === undefined) {
        const current = generation;
        attempt = open(current).catch((error: unknown) => {
          if (current !== generation) return following();
          attempt = undefined;
          deps.onStatus('offline');
          throw error;
        });
        for (const wake of superseded.splice(0)) wake();
      }
      return attempt;
    },
    async disconnect(options = {}) {
      generation++;
      // A session still being made is ended too: the adapter must not adopt it when it lands.
      const was = connected || attempt !== undefined;
      attempt = undefined;
      unsubscribe?.();
      unsubscribe = undefined;
      connected = false;
      deps.onStatus('idle');
      if (was && deps.adapter.disconnect) await deps.adapter.disconnect({ keepSession: options.keepSession ?? false });
    },
    isConnected: () => connected,
  };
  return connection;
}
