import { describe, expect, it } from 'vitest';
import { createConnection } from '../src/identity/connection.js';
import type { DisconnectOptions, SupportAdapter } from '../src/index.js';
import { Capabilities } from '../src/index.js';

/** An adapter that records what disconnect was asked to do. */
function recordingAdapter() {
  const calls: (DisconnectOptions | undefined)[] = [];
  const adapter: SupportAdapter = {
    name: 'recording',
    capabilities: Capabilities.parse({}),
    connect: async (identity) => ({ visitorId: identity.visitorId, verified: false, token: 't' }),
    disconnect: async (options) => {
      calls.push(options);
    },
  };
  return { adapter, calls };
}

/** A connection over `adapter`, connecting as `who.id` at the time of each connect. */
function connectionFor(adapter: SupportAdapter, who = { id: 'visitor-12345678' }) {
  return createConnection({
    adapter,
    realtime: () => false,
    identity: async () => ({ visitorId: who.id }),
    onSession: () => undefined,
    onStatus: () => undefined,
    onEvent: () => undefined,
    onMalformedEvent: () => undefined,
    afterConnect: () => undefined,
    onLive: () => undefined,
  });
}

describe('connection.disconnect and the server session', () => {
  it('asks the adapter to end the session by default (logout, another user)', async () => {
    const { adapter, calls } = recordingAdapter();
    const connection = connectionFor(adapter);
    await connection.connect();
    await connection.disconnect();
    expect(calls).toEqual([{ keepSession: false }]);
    expect(connection.isConnected()).toBe(false);
  });

  it('keeps the session when asked (shutdown)', async () => {
    const { adapter, calls } = recordingAdapter();
    const connection = connectionFor(adapter);
    await connection.connect();
    await connection.disconnect({ keepSession: true });
    expect(calls).toEqual([{ keepSession: true }]);
  });

  it('does not call the adapter when it never connected', async () => {
    const { adapter, calls } = recordingAdapter();
    await connectionFor(adapter).disconnect();
    expect(calls).toEqual([]);
  });
});

describe('a connect superseded while it is in flight', () => {
  /** An adapter whose sessions land only when the test lets them. */
  function heldAdapter() {
    const held: Array<() => void> = [];
    const connected: string[] = [];
    const disconnects: (DisconnectOptions | undefined)[] = [];
    const adapter: SupportAdapter = {
      name: 'held',
      capabilities: Capabilities.parse({}),
      connect: (identity) =>
        new Promise((resolve) => {
          held.push(() => {
            connected.push(identity.visitorId);
            resolve({ visitorId: identity.visitorId, verified: false, token: identity.visitorId });
          });
        }),
      disconnect: async (options) => {
        disconnects.push(options);
      },
    };
    return { adapter, held, connected, disconnects };
  }

  it('hands its callers the connection made for the identity that replaced it (identify)', async () => {
    const { adapter, held, disconnects } = heldAdapter();
    const who = { id: 'visitor-before' };
    const connection = connectionFor(adapter, who);
    let bootDone = false;
    const boot = connection.connect().then(() => {
      bootDone = true;
    });
    await expect.poll(() => held.length).toBe(1);
    // identify: another identity, then a new connect, while boot's session is still on the wire.
    await connection.disconnect();
    expect(disconnects).toEqual([{ keepSession: false }]);
    who.id = 'visitor-after';
    const identified = connection.connect();
    await expect.poll(() => held.length).toBe(2);
    held[0]?.();
    await new Promise((resolve) => setTimeout(resolve, 10));
    // The stale session landing does not count as connected for anyone.
    expect(bootDone).toBe(false);
    expect(connection.isConnected()).toBe(false);
    held[1]?.();
    await Promise.all([boot, identified]);
    expect(connection.isConnected()).toBe(true);
  });

  it('after a logout, leaves its callers waiting for the next connect rather than connecting again', async () => {
    const { adapter, held } = heldAdapter();
    const connection = connectionFor(adapter, { id: 'visitor-logout' });
    let done = false;
    const before = connection.connect().then(() => {
      done = true;
    });
    await expect.poll(() => held.length).toBe(1);
    await connection.disconnect();
    held[0]?.();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(held).toHaveLength(1);
    expect(done).toBe(false);
    const next = connection.connect();
    await expect.poll(() => held.length).toBe(2);
    held[1]?.();
    await Promise.all([before, next]);
    expect(connection.isConnected()).toBe(true);
  });
});
