import {
  AnalyticsEvent,
  Answer,
  Article,
  ArticleHits,
  MAX_QUESTION_LENGTH,
  MAX_SEARCH_QUERY_LENGTH,
  MIN_QUESTION_LENGTH,
  parseWith,
  type SupportAdapter,
} from '@helpline/core';
import * as z from 'zod/mini';
import { Ack, ack } from './ack.js';
import type { KnowledgeBase } from './kb/knowledge-base.js';
import { notFound, type Runtime } from './runtime.js';

const SearchArgs = z.object({
  query: z.string().check(z.maxLength(MAX_SEARCH_QUERY_LENGTH)),
  limit: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(50)), 10),
});
const SuggestArgs = z.object({
  path: z.string(),
  url: z.optional(z.string()),
  title: z.optional(z.string()),
  articleIds: z._default(z.array(z.string()), []),
});
const RateArgs = z.object({ id: z.string().check(z.minLength(1)), helpful: z.boolean() });
const AnswerArgs = z.object({
  question: z.string().check(z.trim(), z.minLength(MIN_QUESTION_LENGTH), z.maxLength(MAX_QUESTION_LENGTH)),
  context: SuggestArgs,
});

type KbMethods = Required<
  Pick<SupportAdapter, 'searchArticles' | 'suggestArticles' | 'getArticle' | 'rateArticle' | 'answer' | 'track'>
>;

export function kbMethods(runtime: Runtime, kb: KnowledgeBase): KbMethods {
  return {
    async searchArticles(query, options) {
      const args = parseWith(SearchArgs, { query, limit: options?.limit }, 'searchArticles');
      runtime.visitorId();
      return runtime.respond(ArticleHits, 'search results', () => kb.search(args.query, args.limit));
    },
    async suggestArticles(context) {
      const args = parseWith(SuggestArgs, context, 'suggestArticles context');
      runtime.visitorId();
      return runtime.respond(ArticleHits, 'suggestions', () => kb.suggest(args, 5));
    },
    async getArticle(id) {
      runtime.visitorId();
      const article = kb.get(id);
      if (!article) throw notFound('article', id);
      return runtime.respond(Article, 'article', () => article);
    },
    async rateArticle(id, helpful) {
      const args = parseWith(RateArgs, { id, helpful }, 'rateArticle');
      runtime.visitorId();
      if (!kb.has(args.id)) throw notFound('article', args.id);
      await runtime.respond(Ack, 'rating receipt', () => {
        const votes = runtime.ratings.get(args.id) ?? { helpful: 0, notHelpful: 0 };
        if (args.helpful) votes.helpful += 1;
        else votes.notHelpful += 1;
        runtime.ratings.set(args.id, votes);
        return ack();
      });
    },
    async answer(question, context) {
      const args = parseWith(AnswerArgs, { question, context }, 'answer');
      runtime.visitorId();
      return runtime.respond(Answer, 'answer', () => ({
        answerId: runtime.newId('ans'),
        passages: kb.answer(args.question, args.context),
      }));
    },
    async track(event) {
      const parsed = parseWith(AnalyticsEvent, event, 'track event');
      await runtime.respond(Ack, 'tracking receipt', () => {
        runtime.tracked.push({ event: parsed, visitorId: runtime.identity?.visitorId, at: runtime.nowIso() });
        return ack();
      });
    },
  };
}
