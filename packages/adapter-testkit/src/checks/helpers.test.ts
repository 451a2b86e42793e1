import { AdapterError, Capabilities, type SupportAdapter, ValidationError } from '@helpline/core';
import { describe, expect, it } from 'vitest';
import { expectNotPretending, expectTypedError, method, rejection } from './helpers.js';

const base = (extra: Partial<SupportAdapter>): SupportAdapter => ({
  name: 'probe',
  capabilities: Capabilities.parse({}),
  connect: async (identity) => ({ visitorId: identity.visitorId, verified: false }),
  ...extra,
});

describe('expectNotPretending', () => {
  it('accepts an undeclared capability whose methods are absent or refuse', async () => {
    const adapter = base({ searchArticles: async () => Promise.reject(new Error('unsupported')) });
    await expect(expectNotPretending(adapter, ['searchArticles', 'getArticle'])).resolves.toBeUndefined();
  });

  it('fails an adapter whose undeclared method quietly works', async () => {
    const adapter = base({ searchArticles: async () => [] });
    await expect(expectNotPretending(adapter, ['searchArticles'])).rejects.toThrow(
      /searchArticles\(\) of an undeclared capability/,
    );
  });

  it('fails an adapter with subscribe() but no realtime capability', async () => {
    const adapter = base({ subscribe: () => () => {} });
    await expect(expectNotPretending(adapter, ['subscribe'])).rejects.toThrow(
      /does not declare realtime but has subscribe/,
    );
  });
});

describe('method', () => {
  it('fails when a declared capability has no implementation', () => {
    expect(() => method(base({}), 'getArticle')).toThrow('probe declares the capability but has no getArticle()');
  });

  it('binds the method to its adapter', async () => {
    const adapter = {
      ...base({}),
      prefix: 'bound',
      async getArticle(this: { prefix: string }, id: string) {
        return { id, title: this.prefix, html: '', summary: '', related: [] };
      },
    };
    expect((await method(adapter, 'getArticle')('a')).title).toBe('bound');
  });
});

describe('expectTypedError and rejection', () => {
  it('accepts a typed error with the expected code and field', async () => {
    const error = await rejection(
      Promise.reject(new ValidationError('invalid_input', 'bad', ['score: too big'], 'score')),
    );
    expect(() => expectTypedError(error, 'invalid_input', 'score')).not.toThrow();
  });

  it('fails on a plain Error, a different code or a resolved call', async () => {
    expect(() => expectTypedError(new Error('x'), 'server')).toThrow(/expected a HelplineError/);
    expect(() => expectTypedError(new AdapterError('server', 'x'), 'network')).toThrow();
    await expect(rejection(Promise.resolve(1))).rejects.toThrow('expected the call to reject, but it resolved');
  });
});
