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
}

export interface Connection {
  /** Connects once; concurrent callers share the attempt, a failed attempt is retried by the next call. */
  connect(): Promise<void>;
  /** Ends the session on the server too (logout, another user), unless `keepSession` (shutdown). */
  disconnect(options?: DisconnectOptions): Promise<void>;
  isConnected(): boolean;
}

export function createConnection(deps: ConnectionDeps): Connection {
  let attempt: Promise<void> | undefined;
  let connected = false;
  let unsubscribe: Unsubscribe | undefined;
  let generation = 0;

  async function open(current: number) {
    deps.onStatus('connecting');
    const session = parseResponse(Session, await deps.adapter.connect(await deps.identity()), 'session');
    if (current !== generation) return; // disconnected (logout, identify) while connecting
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
        (status) => deps.onStatus(status),
      );
    }
    deps.afterConnect();
  }

  return {
    connect() {
      if (attempt === undefined) {
        const current = generation;
        attempt = open(current).catch((error: unknown) => {
          if (current === generation) {
            attempt = undefined;
            deps.onStatus('offline');
          }
          throw error;
        });
      }
      return attempt;
    },
    async disconnect(options = {}) {
      generation++;
      attempt = undefined;
      unsubscribe?.();
      unsubscribe = undefined;
      const was = connected;
      connected = false;
      deps.onStatus('idle');
      if (was && deps.adapter.disconnect) await deps.adapter.disconnect({ keepSession: options.keepSession ?? false });
    },
    isConnected: () => connected,
  };
}
