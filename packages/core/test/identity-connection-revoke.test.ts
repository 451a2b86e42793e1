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

function connectionFor(adapter: SupportAdapter) {
  return createConnection({
    adapter,
    realtime: () => false,
    identity: async () => ({ visitorId: 'visitor-12345678' }),
    onSession: () => undefined,
    onStatus: () => undefined,
    onEvent: () => undefined,
    onMalformedEvent: () => undefined,
    afterConnect: () => undefined,
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
