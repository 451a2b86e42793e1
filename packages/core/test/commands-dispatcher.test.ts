import { createClient, createDispatcher, createMemoryStore, type HelplineClient, installGlobal } from '@helpline/core';
import { describe, expect, it } from 'vitest';
import { createTestBackend, manualTime, recordingConsole, testIds } from './client-test-adapter.js';

function setup() {
  const logs = recordingConsole();
  const clients: HelplineClient[] = [];
  const time = manualTime();
  const create = (options: unknown) => {
    const client = createClient(options as never, {
      store: createMemoryStore(),
      now: time.now,
      timers: time.timers,
      random: testIds,
      locks: null,
      channel: () => null,
      console: logs,
    });
    clients.push(client);
    return client;
  };
  return { logs, clients, create };
}

describe('Helpline(command, ...args)', () => {
  it('queues calls made before boot and runs them in order once booted', async () => {
    const { create, clients } = setup();
    const Helpline = createDispatcher(create);
    const order: string[] = [];
    const opened = Helpline('open', 'chat');
    void Helpline('on', 'open', () => order.push('open event'));
    void Helpline('on', 'close', () => order.push('close event'));
    void Helpline('close');
    expect(clients).toHaveLength(0);
    await Helpline('boot', { adapter: createTestBackend() });
    await opened;
    expect(clients).toHaveLength(1);
    // open ran before the listeners were added, so only close was heard, then the panel is closed.
    expect(order).toEqual(['close event']);
    expect(clients[0]!.state.isOpen.value).toBe(false);
    expect(clients[0]!.state.view.value).toEqual({ name: 'chat' });
  });

  it('takes over the snippet stub and replays its queue in order', async () => {
    const { create, clients } = setup();
    const host = window as unknown as { Helpline?: unknown };
    const stub = function Helpline(...args: unknown[]) {
      ((stub as unknown as { q: unknown[] }).q ||= []).push(args);
    };
    host.Helpline = stub;
    (host.Helpline as (...a: unknown[]) => void)('boot', { adapter: createTestBackend() });
    (host.Helpline as (...a: unknown[]) => void)('newTicket', { subject: 'Export is broken' });
    const Helpline = installGlobal(window, create);
    expect(host.Helpline).toBe(Helpline);
    expect(clients).toHaveLength(1);
    await Helpline('close');
    expect(clients[0]!.prefilled.value).toEqual({ subject: 'Export is broken' });
    expect(clients[0]!.state.view.value).toEqual({ name: 'ticket' });
    delete host.Helpline;
  });

  it('replays a track call with the time the page stamped on it when it was queued', async () => {
    const { create, clients } = setup();
    const host = window as unknown as { Helpline?: unknown };
    const stamped = Date.parse('2026-11-29T09:58:00.000Z');
    host.Helpline = Object.assign(() => {}, {
      q: [
        ['boot', { adapter: createTestBackend() }],
        Object.assign(['track', 'retry clicked'], { t: stamped }),
        Object.assign(['track', 'exported', { rows: 3 }, Date.parse('2026-11-29T09:59:00.000Z')], { t: stamped }),
        ['track', 'unstamped'],
      ],
    });
    const Helpline = installGlobal(window, create);
    await Helpline('close');
    expect(clients[0]!.snapshot().breadcrumbs).toEqual([
      { type: 'event', name: 'retry clicked', at: '2026-11-29T09:58:00.000Z' },
      // A time the host gave itself wins over the stamp.
      { type: 'event', name: 'exported', data: { rows: 3 }, at: '2026-11-29T09:59:00.000Z' },
      // The test clock's now: the boot's time.
      { type: 'event', name: 'unstamped', at: '2026-11-29T10:00:00.000Z' },
    ]);
    delete host.Helpline;
  });

  it('refuses a track time that is not a past time in milliseconds, naming it', async () => {
    const { create, clients, logs } = setup();
    const Helpline = createDispatcher(create, { console: logs });
    await Helpline('boot', { adapter: createTestBackend() });
    await Helpline('track', 'later', undefined, Date.now() + 3_600_000);
    await Helpline('track', 'text', undefined, '2026-11-29');
    expect(logs.errors).toEqual([
      expect.stringContaining('track: at: must be a past time in milliseconds (Date.now())'),
      expect.stringContaining('track: at: expected number'),
    ]);
    expect(clients[0]!.snapshot().breadcrumbs).toEqual([]);
  });

  it('warns once on a second boot and treats it as update', async () => {
    const { create, clients, logs } = setup();
    const Helpline = createDispatcher(create, { console: logs });
    await Helpline('boot', { adapter: createTestBackend(), account: { id: 'acme', name: 'Acme' } });
    await Helpline('boot', { adapter: createTestBackend(), account: { id: 'globex' } });
    expect(clients).toHaveLength(1);
    expect(logs.warnings).toHaveLength(1);
    expect(clients[0]!.state.identity.value.account).toEqual({ id: 'globex' });
  });

  it('refuses commands after shutdown with "call boot first", and boots again', async () => {
    const { create, clients, logs } = setup();
    const Helpline = createDispatcher(create, { console: logs });
    await Helpline('boot', { adapter: createTestBackend() });
    await Helpline('shutdown');
    await expect(Helpline('open')).resolves.toBeUndefined();
    expect(logs.errors.join()).toContain('call boot first');
    await Helpline('boot', { adapter: createTestBackend() });
    await Helpline('open');
    expect(clients).toHaveLength(2);
    expect(clients[1]!.state.isOpen.value).toBe(true);
  });

  it('names an unknown command and never throws', async () => {
    const { create, logs } = setup();
    const Helpline = createDispatcher(create, { console: logs });
    await expect(Helpline('opne')).resolves.toBeUndefined();
    await expect((Helpline as (...a: unknown[]) => Promise<unknown>)(42)).resolves.toBeUndefined();
    expect(logs.errors[0]).toContain('"opne"');
  });

  it('resolves to undefined when a command fails, with the error already reported', async () => {
    const { create, logs } = setup();
    const Helpline = createDispatcher(create, { console: logs });
    await Helpline('boot', { adapter: createTestBackend() });
    await expect(Helpline('open', 'nowhere')).resolves.toBeUndefined();
    expect(logs.errors).toHaveLength(1);
    expect(logs.errors[0]).toContain('open');
  });

  it('keeps waiting for a good boot when boot options are invalid', async () => {
    const { create, clients, logs } = setup();
    const Helpline = createDispatcher(create, { console: logs });
    await Helpline('boot', { adapter: 'nope' });
    expect(clients).toHaveLength(0);
    expect(logs.errors[0]).toContain('adapter');
    const opened = Helpline('open');
    await Helpline('boot', { adapter: createTestBackend() });
    await opened;
    expect(clients[0]!.state.isOpen.value).toBe(true);
  });

  it('returns what on() returns: an unsubscribe function', async () => {
    const { create } = setup();
    const Helpline = createDispatcher(create);
    await Helpline('boot', { adapter: createTestBackend() });
    const seen: string[] = [];
    const stop = (await Helpline('on', 'open', () => seen.push('open'))) as () => void;
    stop();
    await Helpline('open');
    expect(seen).toEqual([]);
  });

  it('calls each method on its owner, with every argument: a client may be a class using `this`', async () => {
    const calls: unknown[][] = [];
    class Recorder {
      readonly name = 'recorder';
      readonly help = {
        owner: 'help',
        register(this: { owner: string }, ...args: unknown[]) {
          calls.push([this.owner, 'help.register', ...args]);
        },
      };
      track(this: Recorder, ...args: unknown[]) {
        calls.push([this.name, 'track', ...args]);
      }
    }
    const Helpline = createDispatcher(() => new Recorder() as unknown as HelplineClient);
    await Helpline('boot', {});
    await Helpline('track', 'exported', { rows: 3 });
    await Helpline('help.register', '/billing/*', { articles: ['refunds'] });
    expect(calls).toEqual([
      ['recorder', 'track', 'exported', { rows: 3 }],
      ['help', 'help.register', '/billing/*', { articles: ['refunds'] }],
    ]);
  });
});
