import { IDBFactory as FakeIDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { createGatedStore, createIdbStore, createMemoryStore, newId } from '../src/index.js';

describe('createIdbStore', () => {
  it('round-trips values and lists keys', async () => {
    const store = createIdbStore('t1', { indexedDB: new FakeIDBFactory() });
    await store.set('a', { n: 1 });
    await store.set('b', [1, 2]);
    expect(await store.get('a')).toEqual({ n: 1 });
    expect((await store.keys()).sort()).toEqual(['a', 'b']);
    await store.del('a');
    expect(await store.get('a')).toBeUndefined();
    await store.clear();
    expect(await store.keys()).toEqual([]);
  });
  it('persists across store instances on the same factory', async () => {
    const factory = new FakeIDBFactory();
    await createIdbStore('t2', { indexedDB: factory }).set('k', 'v');
    expect(await createIdbStore('t2', { indexedDB: factory }).get('k')).toBe('v');
  });
  it('does not create the database when only reading', async () => {
    const factory = new FakeIDBFactory();
    const store = createIdbStore('never', { indexedDB: factory });
    expect(await store.get('x')).toBeUndefined();
    expect(await store.keys()).toEqual([]);
    expect((await factory.databases()).map((d) => d.name)).not.toContain('never');
  });
  it('falls back to memory on QuotaExceededError and reports once', async () => {
    const factory = new FakeIDBFactory();
    const open = factory.open.bind(factory);
    vi.spyOn(factory, 'open').mockImplementation((...args: Parameters<IDBFactory['open']>) => {
      const request = open(...args);
      request.addEventListener('success', () => {
        const db = request.result;
        const tx = db.transaction.bind(db);
        db.transaction = ((...t: Parameters<IDBDatabase['transaction']>) => {
          if (t[1] === 'readwrite') throw new DOMException('full', 'QuotaExceededError');
          return tx(...t);
        }) as IDBDatabase['transaction'];
      });
      return request;
    });
    const onError = vi.fn();
    const store = createIdbStore('quota', { indexedDB: factory, onError });
    await store.set('a', 1);
    await store.set('b', 2);
    expect(await store.get('a')).toBe(1);
    expect((await store.keys()).sort()).toEqual(['a', 'b']);
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError.mock.calls[0]?.[0]).toHaveProperty('name', 'QuotaExceededError');
  });
  it('falls back to memory when indexedDB.open throws', async () => {
    const factory = new FakeIDBFactory();
    vi.spyOn(factory, 'open').mockImplementation(() => {
      throw new DOMException('private mode', 'InvalidStateError');
    });
    const onError = vi.fn();
    const store = createIdbStore('private', { indexedDB: factory, onError });
    await store.set('a', 'kept');
    expect(await store.get('a')).toBe('kept');
    expect(onError).toHaveBeenCalledTimes(1);
  });
});

describe('createGatedStore', () => {
  it('keeps writes in memory while closed and flushes them when open', async () => {
    const inner = createMemoryStore();
    await inner.set('old', 1);
    let open = false;
    const store = createGatedStore(inner, { isOpen: () => open });
    await store.set('draft', 'hi');
    await store.del('old');
    expect(await store.get('draft')).toBe('hi');
    expect(await store.get('old')).toBeUndefined();
    expect(await store.keys()).toEqual(['draft']);
    expect(await inner.keys()).toEqual(['old']);
    await store.flush();
    expect(await inner.keys()).toEqual(['old']);
    open = true;
    await store.flush();
    expect(await inner.keys()).toEqual(['draft']);
    await store.set('next', 2);
    expect(await inner.get('next')).toBe(2);
  });
  it('clear while closed hides inner values and clears on flush', async () => {
    const inner = createMemoryStore();
    await inner.set('a', 1);
    let open = false;
    const store = createGatedStore(inner, { isOpen: () => open });
    await store.clear();
    await store.set('b', 2);
    expect(await store.get('a')).toBeUndefined();
    expect(await store.keys()).toEqual(['b']);
    open = true;
    await store.flush();
    expect(await inner.keys()).toEqual(['b']);
  });
});

describe('newId', () => {
  it('returns distinct uuid-shaped ids and honours an injected source', () => {
    const a = newId();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newId()).not.toBe(a);
    expect(newId(() => 'fixed-id')).toBe('fixed-id');
  });
});
