import { computed, type ReadonlySignal, signal } from '@preact/signals-core';
import { isHelplineError } from '../errors/helpline-error.js';
import type { Attachment } from '../schemas/attachment.js';
import type { KeyValueStore } from '../storage/types.js';
import { backoffDelay, isRetryable, requestedDelay } from './backoff.js';
import { electLeader } from './leader.js';
import { carries, OUTBOX_KEY_PREFIX, OutboxRecord, outboxKey, queueOf } from './record.js';
import { shownTo } from './shown-to.js';
import type { Timers } from './timers.js';

export interface Sent {
  value: unknown;
  /** Id the backend gave a new conversation or ticket; items waiting for it are retargeted. */
  createdId?: string;
}

/**
 * Thrown by `send` when the session it would go with is not one its owner may use (see `carries`):
 * the item is neither failed nor retried on a timer, it waits for the next session (`wake`). `owner`
 * claims an item that had none for that user.
 */
export class NotTheirSession extends Error {
  constructor(readonly owner?: string) {
    super();
  }
}

export interface OutboxDeps {
  store: KeyValueStore;
  /**
   * Performs the adapter call for one item, passing `record.id` as the idempotency key; throws
   * NotTheirSession instead when the session is not one the item's owner may use.
   */
  send(record: OutboxRecord): Promise<Sent>;
  /** The signed-in user the next session is made for (undefined: anonymous); new items are theirs. */
  owner(): string | undefined;
  /** Nothing may go out now, whoever wrote it: the session is a user's whom the page no longer names. */
  paused(): boolean;
  onSent(record: OutboxRecord, sent: Sent): void;
  /** Storage and mirroring failures: reported, never thrown, the in-memory queue carries on. */
  onError(error: unknown): void;
  /** Another tab wrote to the outbox: the user interacted there, so this tab may write too. */
  onOtherTab(): void;
  now(): number;
  newId(): string;
  random(): number;
  timers: Timers;
  locks: LockManager | null;
  channel: BroadcastChannel | null;
}

export interface EnqueueInput {
  kind: OutboxRecord['kind'];
  targetId?: string;
  after?: string;
  body?: string;
  attachments?: Attachment[];
  payload: Record<string, unknown>;
}

export interface Outbox {
  readonly items: ReadonlySignal<OutboxRecord[]>;
  /** The items as the person on this page may see them (see `shownTo`). */
  readonly shown: ReadonlySignal<OutboxRecord[]>;
  start(): Promise<void>;
  stop(): void;
  enqueue(input: EnqueueInput): Promise<OutboxRecord>;
  /** Settles when the item is sent (with the adapter's result) or fails for good. */
  settled(id: string): Promise<unknown>;
  retry(id: string): Promise<void>;
  discard(id: string): Promise<void>;
  /** Sends what is due now, skipping backoff waits (the browser just came online). */
  flush(): void;
  /** A new session is there: items that waited for their owner's session may go. */
  wake(): void;
  /** Forgets everything in memory (logout; the store is cleared by the caller). */
  reset(): void;
}

type Mirror =
  | { t: 'changed' }
  | { t: 'sent'; id: string; sent: Sent; record: OutboxRecord }
  | { t: 'failed'; id: string; error: { code: string; message: string } }
  | { t: 'retry'; id: string }
  | { t: 'discard'; id: string };

interface Waiter {
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

const toError = (error: unknown): { code: string; message: string } =>
  isHelplineError(error)
    ? { code: error.code, message: error.message }
    : { code: 'network', message: error instanceof Error ? error.message : String(error) };

/**
 * Writes go to storage first, then out, one at a time per conversation or ticket, in the order they
 * were made; retried with backoff while the failure is transient; kept as `failed` otherwise.
 */
export function createOutbox(deps: OutboxDeps): Outbox {
  const items = signal<OutboxRecord[]>([]);
  const waiters = new Map<string, Waiter[]>();
  let leader = false;
  let running = false;
  let timer: unknown;
  let releaseLock = () => {};
  let seq = 0;
  /** Sent or discarded here; a reload from storage racing the delete must not bring them back. */
  const gone = new Set<string>();
  /** Bumped by flush(): an attempt that fails after the network came back is retried at once. */
  let flushes = 0;
  /**
   * A signed-in user's item found the session someone else's although the host already names that user
   * (identify on its way): their items wait for the next session instead of trying again at once.
   */
  let held = false;

  const byId = (id: string) => items.value.find((item) => item.id === id);
  const put = (record: OutboxRecord) => {
    const others = items.value.filter((item) => item.id !== record.id);
    items.value = [...others, record].sort((a, b) => a.seq - b.seq);
  };
  const remove = (id: string) => {
    items.value = items.value.filter((item) => item.id !== id);
  };
  const post = (message: Mirror) => {
    try {
      deps.channel?.postMessage(message);
    } catch (error) {
      deps.onError(error);
    }
  };
  const persist = async (record: OutboxRecord) => {
    try {
      await deps.store.set(outboxKey(record.id), record);
    } catch (error) {
      deps.onError(error);
    }
    post({ t: 'changed' });
  };
  const unpersist = async (id: string) => {
    try {
      await deps.store.del(outboxKey(id));
    } catch (error) {
      deps.onError(error);
    }
    post({ t: 'changed' });
  };
  const settle = (id: string, outcome: { value: unknown } | { error: unknown }) => {
    for (const waiter of waiters.get(id) ?? []) {
      if ('error' in outcome) waiter.reject(outcome.error);
      else waiter.resolve(outcome.value);
    }
    waiters.delete(id);
  };

  async function load(): Promise<OutboxRecord[]> {
    const keys = (await deps.store.keys()).filter((key) => key.startsWith(OUTBOX_KEY_PREFIX));
    const records: OutboxRecord[] = [];
    for (const key of keys) {
      const parsed = OutboxRecord.safeParse(await deps.store.get(key));
      if (parsed.success) records.push(parsed.data);
      else deps.onError(new Error(`Ignoring an unreadable outbox item in storage (${key})`));
    }
    return records.sort((a, b) => a.seq - b.seq);
  }

  function sent(record: OutboxRecord, result: Sent) {
    gone.add(record.id);
    remove(record.id);
    if (result.createdId !== undefined) {
      for (const waiting of items.value.filter((item) => item.after === record.id)) {
        const { after: _, ...rest } = waiting;
        const retargeted = { ...rest, targetId: result.createdId };
        put(retargeted);
        void persist(retargeted);
      }
    }
    deps.onSent(record, result);
    settle(record.id, { value: result.value });
  }

  async function attempt(record: OutboxRecord) {
    const flushesBefore = flushes;
    const sending: OutboxRecord = { ...record, state: 'sending', attempts: record.attempts + 1 };
    put(sending);
    await persist(sending);
    try {
      const result = await deps.send(sending);
      if (!running) {
        // Stopped while it was on the wire: it arrived, so the next page load must not send it again.
        await unpersist(record.id);
        return;
      }
      sent(sending, result);
      await unpersist(record.id);
      post({ t: 'sent', id: record.id, sent: result, record: sending });
    } catch (error) {
      if (!running || byId(record.id) === undefined) return; // discarded meanwhile
      if (error instanceof NotTheirSession) {
        // As before this attempt: it was not sent, so it neither failed nor counts as tried.
        const waiting = error.owner === undefined ? record : { ...record, owner: error.owner };
        held = true;
        put(waiting);
        await persist(waiting);
      } else if (isRetryable(error)) {
        const wait =
          requestedDelay(error) ?? (flushes === flushesBefore ? backoffDelay(sending.attempts, deps.random) : 0);
        const retrying: OutboxRecord = {
          ...sending,
          state: 'pending',
          error: toError(error),
          notBefore: deps.now() + wait,
        };
        put(retrying);
        await persist(retrying);
      } else {
        const failed: OutboxRecord = { ...sending, state: 'failed', error: toError(error) };
        const { notBefore: _, ...kept } = failed;
        put(kept);
        await persist(kept);
        settle(record.id, { error });
        post({ t: 'failed', id: record.id, error: toError(error) });
      }
    }
    pump();
  }

  /** Starts the head of every queue that is due; schedules a wake-up for the earliest backoff. */
  function pump() {
    if (!running || !leader || deps.paused()) return;
    if (timer !== undefined) deps.timers.clearTimeout(timer);
    timer = undefined;
    const now = deps.now();
    const seen = new Set<string>();
    let wake = Number.POSITIVE_INFINITY;
    for (const record of items.value) {
      if (record.state === 'failed') continue;
      const queue = queueOf(record);
      if (seen.has(queue)) continue;
      seen.add(queue);
      if (record.state === 'sending') continue;
      if (record.after !== undefined && byId(record.after) !== undefined) continue;
      // A signed-in user's item waits, and its queue with it, until a session is made for them (the
      // host may name them only after boot): sent earlier, it would go as someone else.
      if (record.owner !== undefined && (held || !carries(deps.owner(), record))) continue;
      if (record.notBefore !== undefined && record.notBefore > now) {
        wake = Math.min(wake, record.notBefore);
        continue;
      }
      void attempt(record);
    }
    if (wake !== Number.POSITIVE_INFINITY) timer = deps.timers.setTimeout(pump, wake - now);
  }

  async function mirror() {
    try {
      const stored = await load();
      if (leader) {
        for (const record of stored) if (byId(record.id) === undefined && !gone.has(record.id)) put(record);
        pump();
      } else {
        items.value = stored;
      }
    } catch (error) {
      deps.onError(error);
    }
  }

  function onMessage(event: MessageEvent<Mirror>) {
    const message = event.data;
    switch (message.t) {
      case 'changed':
        deps.onOtherTab();
        void mirror();
        break;
      case 'sent':
        if (!leader) {
          remove(message.id);
          deps.onSent(message.record, message.sent);
          settle(message.id, { value: message.sent.value });
        }
        break;
      case 'failed':
        if (!leader) settle(message.id, { error: message.error });
        break;
      case 'retry':
        if (leader) void retry(message.id);
        break;
      case 'discard':
        if (leader) void discard(message.id);
        break;
    }
  }

  async function retry(id: string) {
    if (!leader) return post({ t: 'retry', id });
    const record = byId(id);
    if (record === undefined || record.state === 'sending') return;
    const { error: _, notBefore: __, ...rest } = record;
    const again: OutboxRecord = { ...rest, state: 'pending' };
    put(again);
    await persist(again);
    pump();
  }

  async function discard(id: string) {
    if (!leader) return post({ t: 'discard', id });
    const dependents = items.value.filter((item) => item.after === id).map((item) => item.id);
    for (const target of [id, ...dependents]) {
      gone.add(target);
      remove(target);
      settle(target, { error: new Error('Discarded') });
      await unpersist(target);
    }
    pump();
  }

  return {
    items,
    shown: computed(() => {
      const userId = deps.owner();
      return items.value.flatMap((record) => shownTo(userId, record));
    }),
    async start() {
      running = true;
      deps.channel?.addEventListener('message', onMessage as EventListener);
      try {
        // A new page load is a fresh start: waiting items go now, and an item caught mid-send goes
        // out again with the same key (the backend dedupes it).
        const stored = (await load()).map(({ notBefore: _, ...record }) =>
          record.state === 'sending' ? { ...record, state: 'pending' as const } : record,
        );
        seq = Math.max(seq, ...stored.map((record) => record.seq));
        for (const record of stored) put(record);
      } catch (error) {
        deps.onError(error);
      }
      releaseLock = electLeader(deps.locks, () => {
        leader = true;
        void mirror();
      });
    },
    stop() {
      running = false;
      leader = false;
      releaseLock();
      if (timer !== undefined) deps.timers.clearTimeout(timer);
      timer = undefined;
      deps.channel?.removeEventListener('message', onMessage as EventListener);
    },
    async enqueue(input) {
      seq = Math.max(seq + 1, deps.now());
      const owner = deps.owner();
      const record: OutboxRecord = {
        ...input,
        ...(owner === undefined ? {} : { owner }),
        id: deps.newId(),
        createdAt: new Date(deps.now()).toISOString(),
        state: 'pending',
        attempts: 0,
        seq,
      };
      put(record);
      await persist(record);
      pump();
      return record;
    },
    settled(id) {
      return new Promise((resolve, reject) => {
        if (byId(id) === undefined) return resolve(undefined);
        waiters.set(id, [...(waiters.get(id) ?? []), { resolve, reject }]);
      });
    },
    retry,
    discard,
    flush() {
      flushes++;
      for (const record of items.value) {
        if (record.notBefore !== undefined && record.state === 'pending') {
          const { notBefore: _, ...due } = record;
          put(due);
        }
      }
      pump();
    },
    wake() {
      held = false;
      pump();
    },
    reset() {
      held = false;
      items.value = [];
      for (const id of [...waiters.keys()]) settle(id, { error: new Error('Logged out') });
    },
  };
}
