import { isUnsupportedError, MAX_SEARCH_QUERY_LENGTH } from '@helpline/core';
import { describe, expect, it, vi } from 'vitest';
import { answeredAfterLogout, createTestBackend, startClient } from './client-test-adapter.js';

describe('knowledge base', () => {
  it('searches and exposes the results as a signal', async () => {
    const { client, backend } = startClient();
    const hits = await client.kb.search('invoice');
    expect(hits.map((hit) => hit.id)).toEqual(['a1']);
    expect(client.kb.results.value).toMatchObject({ query: 'invoice', loading: false });
    expect(backend.analytics).toContainEqual(expect.objectContaining({ type: 'search', query: 'invoice' }));
  });

  it('takes a query of up to MAX_SEARCH_QUERY_LENGTH characters, as the protocol does, and refuses a longer one naming the field', async () => {
    const { client, backend, logs } = startClient();
    const longest = `invoice ${'x'.repeat(MAX_SEARCH_QUERY_LENGTH - 8)}`;
    await client.kb.search(longest);
    expect(backend.analytics).toContainEqual(expect.objectContaining({ type: 'search', query: longest }));
    for (const refused of [client.kb.search(`${longest}x`), client.search(`${longest}x`)]) {
      const error = await refused.then(
        () => undefined,
        (reason: unknown) => reason,
      );
      expect(error).toMatchObject({ code: 'invalid_command', field: 'query' });
      expect((error as Error).message).toContain(String(MAX_SEARCH_QUERY_LENGTH));
    }
    expect(logs.errors).toEqual([expect.stringContaining('query'), expect.stringContaining('query')]);
    expect(client.kb.results.value.query).toBe(longest);
  });

  it('lets the last query win when answers arrive out of order', async () => {
    const backend = createTestBackend();
    backend.holdSearches = true;
    const { client } = startClient({}, { backend });
    const first = client.kb.search('pass');
    const second = client.kb.search('invi');
    await vi.waitFor(() => expect(backend.heldQueries().sort()).toEqual(['invi', 'pass']));
    backend.releaseSearch('invi');
    await second;
    backend.releaseSearch('pass');
    await first;
    expect(client.kb.results.value.query).toBe('invi');
    expect(client.kb.results.value.hits.map((hit) => hit.id)).toEqual(['a3']);
    // Only what the user was shown counts as tried before asking.
    expect(client.snapshot().selfService.map((entry) => entry.ref)).toEqual(['invi']);
  });

  it('forgets a search asked before a logout that answers after it', async () => {
    const backend = createTestBackend();
    backend.holdSearches = true;
    const { client } = startClient({}, { backend });
    const search = client.kb.search('pass');
    await vi.waitFor(() => expect(backend.heldQueries()).toEqual(['pass']));
    await client.logout();
    backend.releaseSearch('pass');
    await search;
    expect(client.kb.results.value.hits).toEqual([]);
    expect(client.snapshot().selfService).toEqual([]);
  });

  it('does not count an article opened before a logout and answered after it as read', async () => {
    const backend = createTestBackend();
    const { client } = startClient({}, { backend });
    await answeredAfterLogout(client, backend, 'getArticle', () => client.kb.getArticle('a1'));
    expect(client.snapshot().selfService).toEqual([]);
  });

  it('the search command opens the search view with the query and runs it', async () => {
    const { client } = startClient();
    await client.search('password');
    expect(client.state.isOpen.value).toBe(true);
    expect(client.state.view.value).toEqual({ name: 'search', query: 'password' });
    expect(client.kb.results.value.hits.map((hit) => hit.id)).toEqual(['a2']);
  });

  it('suggests the articles registered for the current route, most specific pattern first', async () => {
    window.history.replaceState(null, '', '/invoices/42');
    const { client, backend } = startClient();
    await client.help.register('/invoices/*', { articles: ['a1'], tips: ['Invoices export as CSV.'] });
    await client.help.register('/invoices/:id', { articles: ['a3'] });
    await client.help.register('/settings', { articles: ['a2'] });
    const hits = await client.kb.refreshSuggestions();
    expect(backend.suggestCalls.at(-1)).toMatchObject({ path: '/invoices/42', articleIds: ['a3', 'a1'] });
    expect(hits.map((hit) => hit.id).sort()).toEqual(['a1', 'a3']);
    expect(client.kb.suggestions.value.tips).toEqual(['Invoices export as CSV.']);
    await client.help.unregister('/invoices/:id');
    await client.suggest();
    expect(backend.suggestCalls.at(-1)?.articleIds).toEqual(['a1']);
    await client.suggest(['a2']);
    expect(client.kb.suggestions.value.hits.map((hit) => hit.id)).toEqual(['a2']);
  });

  it('refreshes suggestions when the SPA route changes', async () => {
    window.history.replaceState(null, '', '/home');
    const { client, backend } = startClient();
    await client.help.register('/settings/*', { articles: ['a3'] });
    await client.open();
    await vi.waitFor(() => expect(backend.suggestCalls.length).toBeGreaterThan(0));
    window.history.pushState(null, '', '/settings/team');
    await vi.waitFor(() =>
      expect(backend.suggestCalls.at(-1)).toMatchObject({ path: '/settings/team', articleIds: ['a3'] }),
    );
    await client.shutdown();
  });

  it('records viewed articles, searches and emits article events; all end up in the snapshot', async () => {
    const { client, backend } = startClient();
    const viewed: string[] = [];
    const rated: Array<[string, boolean]> = [];
    client.on('article:viewed', ({ articleId }) => viewed.push(articleId));
    client.on('article:rated', ({ articleId, helpful }) => rated.push([articleId, helpful]));
    await client.kb.search('password');
    const article = await client.kb.getArticle('a2');
    await client.kb.rate('a2', false);
    expect(article.title).toBe('Resetting your password');
    expect(viewed).toEqual(['a2']);
    expect(rated).toEqual([['a2', false]]);
    expect(client.snapshot().selfService.map((entry) => `${entry.kind}:${entry.ref}`)).toEqual([
      'search:password',
      'article:a2',
    ]);
    expect(backend.analytics.map((event) => event.type)).toContain('article_viewed');
  });

  it('rejects an unknown article with the adapter error and emits error', async () => {
    const { client } = startClient();
    const errors: string[] = [];
    client.on('error', ({ command }) => errors.push(command ?? ''));
    await expect(client.kb.getArticle('nope')).rejects.toMatchObject({ code: 'not_found' });
    expect(errors).toEqual(['kb.getArticle']);
  });

  it('refuses kb calls with UnsupportedError when the kb feature is off', async () => {
    const { client } = startClient({ features: { kb: false } });
    const error = await client.kb.search('x').catch((reason: unknown) => reason);
    expect(isUnsupportedError(error)).toBe(true);
    await expect(client.open('search')).rejects.toMatchObject({ code: 'unsupported', field: 'kb' });
  });
});
