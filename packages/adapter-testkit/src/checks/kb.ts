import { Answer, Article, ArticleHits } from '@helpline/core';
import { describe, expect, it } from 'vitest';
import type { ConformanceSuite } from '../agent-driver.js';
import { expectNotPretending, expectTypedError, method, rejection, useFixture } from './helpers.js';

export function kbChecks(suite: ConformanceSuite): void {
  describe('kb', () => {
    const fixture = useFixture(suite);

    it('searches, highlights, gets, suggests and rates articles — or, undeclared, has no kb methods', async () => {
      const { adapter } = fixture();
      if (!adapter.capabilities.kb) {
        await expectNotPretending(adapter, ['searchArticles', 'suggestArticles', 'getArticle', 'rateArticle']);
        return;
      }
      const hits = await method(adapter, 'searchArticles')('refund');
      expect(ArticleHits.safeParse(hits).success).toBe(true);
      const hit = hits.find((h) => h.title === 'Refunding a payment');
      expect(hit, 'search "refund" finds "Refunding a payment"').toBeDefined();
      if (!hit) return;
      for (const [start, end] of hit.highlights) {
        expect(start).toBeGreaterThanOrEqual(0);
        expect(end).toBeGreaterThan(start);
        expect(end).toBeLessThanOrEqual(hit.snippet.length);
      }
      expect(await method(adapter, 'searchArticles')('qzxjvw')).toEqual([]);

      const article = await method(adapter, 'getArticle')(hit.id);
      expect(Article.safeParse(article).success).toBe(true);
      expect(article.title).toBe('Refunding a payment');
      expect(article.html).toContain('Card refunds');

      const suggested = await method(
        adapter,
        'suggestArticles',
      )({ path: '/conformance/elsewhere', articleIds: [hit.id] });
      expect(suggested.map((s) => s.id)).toContain(hit.id);

      await method(adapter, 'rateArticle')(hit.id, true);
      await method(adapter, 'rateArticle')(hit.id, false);
    });

    it('answers an unknown article id with not_found', async () => {
      const { adapter } = fixture();
      if (!adapter.capabilities.kb) return expectNotPretending(adapter, ['getArticle']);
      expectTypedError(await rejection(method(adapter, 'getArticle')('conformance-no-such-article')), 'not_found');
    });

    it('answers questions with passages and confidence in [0, 1] — or, undeclared, has no answer()', async () => {
      const { adapter } = fixture();
      if (!adapter.capabilities.answers) return expectNotPretending(adapter, ['answer']);
      const answer = await method(adapter, 'answer')('how long does a card refund take', {
        path: '/conformance/payments',
      });
      expect(Answer.safeParse(answer).success).toBe(true);
      const [best] = answer.passages;
      expect(best?.articleTitle).toBe('Refunding a payment');
      expect(best?.text).toContain('5 to 10 business days');
      for (const passage of answer.passages) {
        expect(passage.confidence).toBeGreaterThanOrEqual(0);
        expect(passage.confidence).toBeLessThanOrEqual(1);
      }
      const confidences = answer.passages.map((p) => p.confidence);
      expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
    });

    it('tracks self-service events and refuses an unknown event type — or, undeclared, has no track()', async () => {
      const { adapter } = fixture();
      if (!adapter.capabilities.analytics) return expectNotPretending(adapter, ['track']);
      await method(adapter, 'track')({ type: 'search', query: 'refund', path: '/conformance/payments' });
      expectTypedError(
        await rejection(method(adapter, 'track')({ type: 'not-an-event' } as never)),
        'invalid_input',
        'type',
      );
    });
  });
}
