import { signal } from '@preact/signals-core';
import * as z from 'zod/mini';
import type { SuggestContext } from '../adapter/contract.js';
import { searchQuery } from '../client/arg-schemas.js';
import { command } from '../client/command.js';
import type { Runtime } from '../client/runtime.js';
import type { KbApi } from '../client/types.js';
import type { HelplineError } from '../errors/helpline-error.js';
import { UnsupportedError } from '../errors/unsupported-error.js';
import { Answer, MAX_QUESTION_LENGTH, MIN_QUESTION_LENGTH } from '../schemas/answer.js';
import { Article, ArticleHits } from '../schemas/article.js';
import { Id } from '../schemas/common.js';
import { parseResponse } from '../validation/parse.js';
import type { HelpRegistry } from './help-registry.js';

export interface Kb extends KbApi {
  reset(): void;
}

/** "Article title › Section heading": what the agent reads under "Tried before asking". */
const passageTitle = (passage: Answer['passages'][number]): string =>
  passage.heading ? `${passage.articleTitle} › ${passage.heading}` : passage.articleTitle;

export function createKb(rt: Runtime, help: HelpRegistry): Kb {
  const results = signal<KbApi['results']['value']>({ query: '', hits: [], loading: false });
  const suggestions = signal<KbApi['suggestions']['value']>({ hits: [], tips: [], loading: false });
  let searchTicket = 0;
  let suggestTicket = 0;

  const adapterMethod = <K extends 'searchArticles' | 'suggestArticles' | 'getArticle' | 'rateArticle' | 'answer'>(
    name: K,
  ) => {
    const method = rt.adapter[name];
    if (method === undefined) throw new UnsupportedError(name, rt.adapter.name);
    return method.bind(rt.adapter) as NonNullable<(typeof rt.adapter)[K]>;
  };
  const suggestContext = (articleIds?: string[]): SuggestContext => {
    const path = rt.currentPath();
    return { path, articleIds: articleIds ?? help.lookup(path).articleIds };
  };

  const search = command(
    rt.report,
    'kb.search',
    ['query'],
    () => z.object({ query: searchQuery() }),
    async ({ query }) => {
      rt.require('kb');
      const ticket = ++searchTicket;
      const trimmed = rt.redact(query.trim());
      if (trimmed === '') {
        results.value = { query, hits: [], loading: false };
        return [];
      }
      results.value = { ...results.value, query, loading: true };
      try {
        await rt.connected();
        const raw = await adapterMethod('searchArticles')(trimmed, { locale: rt.locale.value });
        const hits = parseResponse(ArticleHits, raw, 'search results');
        // Last query wins: a slow answer to an older query must not replace a newer one, nor count
        // as tried (one asked before a logout was the previous visitor's).
        if (ticket !== searchTicket) return hits;
        results.value = { query, hits, loading: false };
        rt.selfService.add('search', trimmed);
        rt.analytics({ type: 'search', query: trimmed, path: rt.currentPath() });
        return hits;
      } catch (error) {
        if (ticket === searchTicket) results.value = { query, hits: [], loading: false, error: error as HelplineError };
        throw error;
      }
    },
  );

  const refreshSuggestions = command(
    rt.report,
    'kb.refreshSuggestions',
    ['articleIds'],
    () => z.object({ articleIds: z.optional(z.array(Id)) }),
    async ({ articleIds }) => {
      rt.require('kb');
      const ticket = ++suggestTicket;
      const context = suggestContext(articleIds);
      const tips = help.lookup(context.path).tips;
      suggestions.value = { ...suggestions.value, tips, loading: true };
      try {
        await rt.connected();
        const raw = rt.adapter.suggestArticles ? await rt.adapter.suggestArticles(context) : [];
        const hits = parseResponse(ArticleHits, raw, 'suggestions');
        if (ticket === suggestTicket) suggestions.value = { hits, tips, loading: false };
        return hits;
      } catch (error) {
        if (ticket === suggestTicket) suggestions.value = { hits: [], tips, loading: false };
        throw error;
      }
    },
  );

  const getArticle = command(
    rt.report,
    'kb.getArticle',
    ['id'],
    () => z.object({ id: Id }),
    async ({ id }) => {
      rt.require('kb');
      const asked = rt.visit();
      await rt.connected();
      const article = parseResponse(Article, await adapterMethod('getArticle')(id), 'article');
      if (asked !== rt.visit()) return article;
      rt.selfService.add('article', article.id, article.title);
      rt.analytics({ type: 'article_viewed', articleId: article.id, path: rt.currentPath() });
      rt.events.emit('article:viewed', { articleId: article.id });
      return article;
    },
  );

  const rate = command(
    rt.report,
    'kb.rate',
    ['id', 'helpful'],
    () => z.object({ id: Id, helpful: z.boolean() }),
    async ({ id, helpful }) => {
      rt.require('kb');
      await rt.connected();
      await adapterMethod('rateArticle')(id, helpful);
      rt.events.emit('article:rated', { articleId: id, helpful });
    },
  );

  const answer = command(
    rt.report,
    'kb.answer',
    ['question'],
    () =>
      z.object({
        question: z.string().check(z.trim(), z.minLength(MIN_QUESTION_LENGTH), z.maxLength(MAX_QUESTION_LENGTH)),
      }),
    async ({ question }) => {
      rt.require('answers');
      const asked = rt.visit();
      await rt.connected();
      const result = parseResponse(
        Answer,
        await adapterMethod('answer')(rt.redact(question), suggestContext()),
        'answer',
      );
      const top = result.passages[0];
      if (top !== undefined && asked === rt.visit()) {
        rt.selfService.add('answer', result.answerId ?? top.articleId, passageTitle(top));
        rt.analytics({
          type: 'answer_shown',
          articleId: top.articleId,
          path: rt.currentPath(),
          ...(result.answerId ? { answerId: result.answerId } : {}),
        });
      }
      return result;
    },
  );

  const resolveAnswer = command(
    rt.report,
    'kb.resolveAnswer',
    ['answer', 'solved'],
    () => z.object({ answer: Answer, solved: z.boolean() }),
    async ({ answer: shown, solved }) => {
      rt.require('answers');
      const top = shown.passages[0];
      // "Still need help": every passage the user read goes with their next conversation or ticket.
      if (!solved)
        for (const passage of shown.passages)
          rt.selfService.add('answer', shown.answerId ?? passage.articleId, passageTitle(passage));
      rt.analytics({
        type: solved ? 'answer_solved' : 'answer_escalated',
        ...(shown.answerId ? { answerId: shown.answerId } : {}),
        ...(top ? { articleId: top.articleId } : {}),
      });
    },
  );

  return {
    results,
    suggestions,
    search,
    refreshSuggestions,
    getArticle,
    rate,
    answer,
    resolveAnswer,
    reset() {
      searchTicket++;
      suggestTicket++;
      results.value = { query: '', hits: [], loading: false };
      suggestions.value = { hits: [], tips: [], loading: false };
    },
  };
}
