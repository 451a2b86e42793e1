import { demoArticles } from '@helpline/adapter-memory';
import { isHelplineError } from '@helpline/core';
import { describe, expect, it } from 'vitest';
import { connected } from './connected.js';

const withDemo = () => connected({ articles: demoArticles });

describe('knowledge base search', () => {
  it('ranks the article whose title matches above ones that only mention the word', async () => {
    const adapter = await withDemo();
    const hits = await adapter.searchArticles('refund');
    expect(hits[0]?.id).toBe('refund-payment');
    expect(hits.length).toBeGreaterThan(0);
  });

  it('finds words as they are being typed and despite a typo', async () => {
    const adapter = await withDemo();
    expect((await adapter.searchArticles('recurr'))[0]?.id).toBe('recurring-invoices');
    expect((await adapter.searchArticles('numbring'))[0]?.id).toBe('invoice-numbering');
  });

  it('returns a plain-text snippet with highlight offsets that point at the matched words', async () => {
    const adapter = await withDemo();
    const [hit] = await adapter.searchArticles('credit note');
    expect(hit).toBeDefined();
    expect(hit?.snippet).not.toMatch(/[<>]/);
    expect(hit?.highlights.length).toBeGreaterThan(0);
    for (const [start, end] of hit?.highlights ?? []) {
      expect(hit?.snippet.slice(start, end).toLowerCase()).toMatch(/^(credit|note)/);
    }
  });

  it('returns nothing for a blank query and respects the limit', async () => {
    const adapter = await withDemo();
    expect(await adapter.searchArticles('   ')).toEqual([]);
    expect(await adapter.searchArticles('invoice', { limit: 2 })).toHaveLength(2);
  });

  it('refuses a limit out of range, naming it', async () => {
    const adapter = await withDemo();
    await expect(adapter.searchArticles('invoice', { limit: 0 })).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'limit',
    });
  });

  it('refuses calls before connect as unauthorized', async () => {
    const { createMemoryAdapter } = await import('@helpline/adapter-memory');
    const adapter = createMemoryAdapter({ articles: demoArticles });
    await expect(adapter.searchArticles('invoice')).rejects.toMatchObject({ code: 'unauthorized' });
  });
});

describe('suggestions', () => {
  it('suggests articles registered for the route first, then those whose routes match the path', async () => {
    const adapter = await withDemo();
    const hits = await adapter.suggestArticles({
      path: '/payments/pay_42?tab=activity',
      articleIds: ['tax-rates', 'missing'],
    });
    expect(hits.map((h) => h.id)).toEqual(['tax-rates', 'refund-payment', 'failed-payments']);
  });

  it('matches * patterns at any depth below the route', async () => {
    const adapter = await withDemo();
    expect((await adapter.suggestArticles({ path: '/reports' })).map((h) => h.id)).toContain('reports-revenue');
    expect((await adapter.suggestArticles({ path: '/reports/tax/2026' })).map((h) => h.id)).toContain(
      'reports-revenue',
    );
    expect(await adapter.suggestArticles({ path: '/nowhere' })).toEqual([]);
  });
});

describe('articles', () => {
  it('returns the full article with related articles of the same category', async () => {
    const adapter = await withDemo();
    const article = await adapter.getArticle('refund-payment');
    expect(article.html).toContain('<h2>Refund a card payment</h2>');
    expect(article.related.map((r) => r.id)).toEqual(['failed-payments']);
  });

  it('answers an unknown id with not_found', async () => {
    const adapter = await withDemo();
    const error = await adapter.getArticle('nope').catch((e: unknown) => e);
    expect(isHelplineError(error) && error.code).toBe('not_found');
  });

  it('counts helpful and not helpful votes', async () => {
    const adapter = await withDemo();
    await adapter.rateArticle('tax-rates', true);
    await adapter.rateArticle('tax-rates', true);
    await adapter.rateArticle('tax-rates', false);
    expect(adapter.agent.articleVotes('tax-rates')).toEqual({ helpful: 2, notHelpful: 1 });
    await expect(adapter.rateArticle('nope', true)).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('instant answers', () => {
  it('answers with the section that covers the question, with its heading', async () => {
    const adapter = await withDemo();
    const answer = await adapter.answer('how long does a card refund take?', { path: '/payments' });
    const [best] = answer.passages;
    expect(best?.articleId).toBe('refund-payment');
    expect(best?.heading).toBe('Refund a card payment');
    expect(best?.text).toContain('5 to 10 business days');
    expect(answer.answerId).toBeTruthy();
  });

  it('keeps confidence in [0, 1], best first', async () => {
    const adapter = await withDemo();
    const { passages } = await adapter.answer('reset two-factor recovery codes', { path: '/' });
    expect(passages.length).toBeGreaterThan(0);
    for (const passage of passages) expect(passage.confidence).toBeGreaterThanOrEqual(0);
    for (const passage of passages) expect(passage.confidence).toBeLessThanOrEqual(1);
    expect(passages[0]?.confidence).toBe(Math.max(...passages.map((p) => p.confidence)));
    expect(passages[0]?.heading).toBe('Lost two-factor device');
  });

  it('has no passages for a question of only common words or about nothing we know', async () => {
    const adapter = await withDemo();
    expect((await adapter.answer('how do I', { path: '/' })).passages).toEqual([]);
    expect((await adapter.answer('zebra xylophone', { path: '/' })).passages).toEqual([]);
  });

  it('refuses an empty question', async () => {
    const adapter = await withDemo();
    await expect(adapter.answer('  ', { path: '/' })).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'question',
    });
  });
});

describe('analytics', () => {
  it('stores tracked events for the agent side and refuses unknown types', async () => {
    const adapter = await withDemo();
    await adapter.track({ type: 'search', query: 'refund', path: '/payments' });
    expect(adapter.agent.events().map((e) => e.event)).toEqual([
      { type: 'search', query: 'refund', path: '/payments' },
    ]);
    await expect(adapter.track({ type: 'clicked' } as never)).rejects.toMatchObject({ field: 'type' });
  });
});
