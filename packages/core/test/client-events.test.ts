import { createEmitter } from '@helpline/core';
import { describe, expect, it, vi } from 'vitest';
import { startClient } from './client-test-adapter.js';

describe('event emitter', () => {
  it('delivers to on listeners until they unsubscribe, and to once listeners a single time', () => {
    const emitter = createEmitter<{ ping: { n: number } }>(() => {});
    const seen: string[] = [];
    const stop = emitter.on('ping', ({ n }) => seen.push(`on${n}`));
    emitter.once('ping', ({ n }) => seen.push(`once${n}`));
    emitter.emit('ping', { n: 1 });
    stop();
    emitter.emit('ping', { n: 2 });
    expect(seen).toEqual(['on1', 'once1']);
  });

  it('keeps calling other listeners, and does not throw to the emitter, when one listener throws', () => {
    const failures: unknown[] = [];
    const emitter = createEmitter<{ ping: number }>((error) => failures.push(error));
    const seen: number[] = [];
    emitter.on('ping', () => {
      throw new Error('host bug');
    });
    emitter.on('ping', (n) => seen.push(n));
    expect(() => emitter.emit('ping', 7)).not.toThrow();
    expect(seen).toEqual([7]);
    expect(failures).toHaveLength(1);
  });

  it('removes a listener with off', () => {
    const emitter = createEmitter<{ ping: number }>(() => {});
    const listener = vi.fn();
    emitter.on('ping', listener);
    emitter.off('ping', listener);
    emitter.emit('ping', 1);
    expect(listener).not.toHaveBeenCalled();
  });
});

describe('client events', () => {
  it('emits ready with the effective capabilities', async () => {
    const { client } = startClient({ features: { tickets: false } });
    const ready = await new Promise<{ capabilities: { tickets: boolean; chat: boolean } }>((resolve) =>
      client.once('ready', resolve),
    );
    expect(ready.capabilities.tickets).toBe(false);
    expect(ready.capabilities.chat).toBe(true);
    expect(client.state.ready.value).toBe(true);
  });

  it('emits open and close once each, and a throwing host listener breaks neither the caller nor others', async () => {
    const { client, logs } = startClient();
    const seen: string[] = [];
    client.on('open', () => {
      throw new Error('host bug');
    });
    client.on('open', ({ view }) => seen.push(`open:${view.name}`));
    client.on('close', () => seen.push('close'));
    await client.open('search');
    await client.open('home');
    await client.close();
    await client.close();
    expect(seen).toEqual(['open:search', 'close']);
    expect(client.state.view.value).toEqual({ name: 'home' });
    expect(logs.errors.join()).toContain('a listener for "open" threw');
  });

  it('toggles between open and closed', async () => {
    const { client } = startClient();
    await client.toggle();
    expect(client.state.isOpen.value).toBe(true);
    await client.toggle();
    expect(client.state.isOpen.value).toBe(false);
  });

  it('exposes state as read-only signals', () => {
    const { client } = startClient();
    expect(() => {
      (client.state.isOpen as { value: boolean }).value = true;
    }).toThrow();
    expect(client.state.isOpen.value).toBe(false);
  });

  it('reports a bad on() call instead of throwing', () => {
    const { client, logs } = startClient();
    const errors: string[] = [];
    client.on('error', ({ error }) => errors.push(error.message));
    expect(() => client.on('opne' as never, () => {})).not.toThrow();
    expect(() => client.on('open', 'not a function' as never)).not.toThrow();
    expect(errors[0]).toContain('on: event');
    expect(errors[1]).toContain('on: listener');
    expect(logs.errors).toHaveLength(2);
  });
});

describe('shutdown', () => {
  it('stops listeners, realtime and retries, and refuses later work with shut_down', async () => {
    const { client, backend } = startClient();
    await client.chat.send({ body: 'Hello' });
    await vi.waitFor(() => expect(client.chat.conversations.value).toHaveLength(1));
    const seen: string[] = [];
    client.on('message', () => seen.push('message'));
    await client.shutdown();
    backend.agentSays(client.chat.conversations.value[0]!.id, 'Are you still there?');
    expect(seen).toEqual([]);
    expect(client.state.ready.value).toBe(false);
    await expect(client.chat.send({ body: 'late' })).rejects.toMatchObject({ code: 'shut_down' });
    await expect(client.shutdown()).resolves.toBeUndefined();
  });

  it('refuses every host command after shutdown with shut_down, changing nothing', async () => {
    const { client, logs } = startClient();
    await client.shutdown();
    const refusals = await Promise.all([
      client.open('search').catch((e: unknown) => e),
      client.toggle().catch((e: unknown) => e),
      client.prefill({ subject: 'late' }).catch((e: unknown) => e),
      client.track('late').catch((e: unknown) => e),
      client.help.register('/late', { articles: ['a1'] }).catch((e: unknown) => e),
    ]);
    expect(refusals.map((e) => (e as { code?: string }).code)).toEqual(Array(5).fill('shut_down'));
    expect(client.state.isOpen.value).toBe(false);
    expect(client.prefilled.value).toEqual({});
    expect(logs.errors.filter((line) => line.includes('call boot first'))).toHaveLength(5);
  });
});
