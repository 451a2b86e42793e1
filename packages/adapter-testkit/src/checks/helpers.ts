import { type Identity, isHelplineError, type RealtimeEvent, type SupportAdapter } from '@helpline/core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { ConformanceFixture, ConformanceSuite } from '../agent-driver.js';

type Method = {
  [K in keyof SupportAdapter]-?: NonNullable<SupportAdapter[K]> extends (...args: never[]) => unknown ? K : never;
}[keyof SupportAdapter];

let sequence = 0;
/** Idempotency keys and visitor ids unique within a run. */
export const unique = (prefix: string) =>
  `${prefix}-${Date.now().toString(36)}-${(++sequence).toString(36).padStart(4, '0')}`;

export function visitor(): Identity {
  return {
    visitorId: unique('conformance-visitor'),
    user: { name: 'Ada Conformance', plan: 'starter' },
    account: { name: 'Conformance Ltd', plan: 'starter' },
  };
}

/** A fixture set up and connected before the group's tests, cleaned up after. */
export function useFixture(suite: ConformanceSuite): () => ConformanceFixture & { identity: Identity } {
  let fixture: (ConformanceFixture & { identity: Identity }) | undefined;
  beforeAll(async () => {
    const created = await suite.setup();
    const identity = visitor();
    await created.adapter.connect(identity);
    fixture = { ...created, identity };
  });
  afterAll(async () => {
    await fixture?.adapter.disconnect?.();
    await fixture?.cleanup?.();
  });
  return () => {
    if (!fixture) throw new Error('conformance: setup() did not complete');
    return fixture;
  };
}

/** The method, bound; fails the test when an adapter declares a capability without implementing it. */
export function method<K extends Method>(adapter: SupportAdapter, name: K): NonNullable<SupportAdapter[K]> {
  const fn = adapter[name];
  if (typeof fn !== 'function') throw new Error(`${adapter.name} declares the capability but has no ${name}()`);
  return (fn as (...args: unknown[]) => unknown).bind(adapter) as NonNullable<SupportAdapter[K]>;
}

/** An undeclared capability must not pretend: its methods are absent or refuse to work. */
export async function expectNotPretending(adapter: SupportAdapter, names: readonly Method[]): Promise<void> {
  for (const name of names) {
    const fn = adapter[name] as ((...args: unknown[]) => unknown) | undefined;
    if (fn === undefined) continue;
    if (name === 'subscribe') throw new Error(`${adapter.name} does not declare realtime but has subscribe()`);
    let outcome: 'resolved' | 'rejected';
    try {
      await fn.call(adapter, 'conformance-undeclared', {
        body: 'x',
        attachmentIds: [],
        idempotencyKey: unique('undeclared'),
      });
      outcome = 'resolved';
    } catch {
      outcome = 'rejected';
    }
    expect(outcome, `${name}() of an undeclared capability`).toBe('rejected');
  }
}

/** The error a promise rejects with; fails when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to reject, but it resolved');
}

/** Asserts a typed Helpline error with `code` (and `field` containing `field`, when given). */
export function expectTypedError(error: unknown, code: string, field?: string): void {
  expect(isHelplineError(error), `expected a HelplineError, got ${String(error)}`).toBe(true);
  expect((error as { code: string }).code).toBe(code);
  if (field !== undefined) expect((error as { field?: string }).field ?? '').toContain(field);
}

/** Resolves with the first realtime event that matches; subscribe before triggering it. */
export function nextEvent<T extends RealtimeEvent['type']>(
  adapter: SupportAdapter,
  type: T,
  predicate: (event: Extract<RealtimeEvent, { type: T }>) => boolean = () => true,
): { event: Promise<Extract<RealtimeEvent, { type: T }>>; connected: Promise<void>; stop: () => void } {
  let stop: () => void = () => {};
  // Realtime adapters report 'connected' once events can no longer be missed; the checks act after it.
  let markConnected: () => void = () => {};
  const connected = new Promise<void>((resolve) => {
    markConnected = resolve;
  });
  const event = new Promise<Extract<RealtimeEvent, { type: T }>>((resolve) => {
    stop = method(adapter, 'subscribe')(
      (incoming) => {
        if (incoming.type === type && predicate(incoming as Extract<RealtimeEvent, { type: T }>)) {
          stop();
          resolve(incoming as Extract<RealtimeEvent, { type: T }>);
        }
      },
      (status) => {
        if (status === 'connected') markConnected();
      },
    );
  });
  return { event, connected, stop };
}
