import {
  type Article,
  type ArticleHit,
  compileRoutePattern,
  type Passage,
  type RoutePattern,
  type SuggestContext,
} from '@helpline/core';
import MiniSearch from 'minisearch';
import type { ResolvedOptions } from '../options.js';
import { htmlToText } from './html-text.js';
import { splitSections } from './sections.js';
import { makeSnippet } from './snippet.js';
import { fuzzyByLength, prefixLastTerm, processTerm } from './terms.js';

type Seed = ResolvedOptions['articles'][number];

interface IndexedArticle {
  seed: Seed;
  routes: RoutePattern[];
  text: string;
  summary: string;
}

interface SectionDoc {
  id: string;
  articleId: string;
  heading: string;
  text: string;
}

/** Passages below this are noise (one common word matched); better no answer than a wrong one. */
const MIN_CONFIDENCE = 0.15;

/**
 * Share of the question's words found in a section: a word found as written or as the start of a
 * longer word counts fully, one only found through a typo-tolerant match counts half.
 */
function coverage(wanted: ReadonlySet<string>, result: { queryTerms: string[]; terms: string[] }): number {
  let covered = 0;
  for (const word of wanted) {
    if (!result.queryTerms.includes(word)) continue;
    covered += result.terms.some((term) => term.startsWith(word)) ? 1 : 0.5;
  }
  return covered / wanted.size;
}

const searchDefaults = { prefix: prefixLastTerm, fuzzy: fuzzyByLength, processTerm } as const;

/** Articles, their full-text index and their section index for instant answers. */
export class KnowledgeBase {
  private readonly articles = new Map<string, IndexedArticle>();
  private readonly articleIndex = new MiniSearch<{ id: string; title: string; text: string; category: string }>({
    fields: ['title', 'text', 'category'],
    processTerm,
    searchOptions: { ...searchDefaults, boost: { title: 3, category: 1.5 } },
  });
  private readonly sectionIndex = new MiniSearch<SectionDoc>({
    fields: ['heading', 'text'],
    processTerm,
    searchOptions: { ...searchDefaults, boost: { heading: 2 } },
  });
  private readonly sections = new Map<string, SectionDoc>();

  constructor(seeds: readonly Seed[]) {
    for (const seed of seeds) {
      const text = htmlToText(seed.html);
      const summary = seed.summary ?? makeSnippet(text, []).snippet;
      this.articles.set(seed.id, { seed, routes: seed.routes.map(compileRoutePattern), text, summary });
      this.articleIndex.add({ id: seed.id, title: seed.title, text, category: seed.category ?? '' });
      splitSections(seed.html).forEach((section, i) => {
        const doc = { id: `${seed.id}#${i}`, articleId: seed.id, heading: section.heading ?? '', text: section.text };
        this.sections.set(doc.id, doc);
        this.sectionIndex.add(doc);
      });
    }
  }

  has(id: string): boolean {
    return this.articles.has(id);
  }

  search(query: string, limit: number): ArticleHit[] {
    if (!query.trim()) return [];
    return this.articleIndex
      .search(query)
      .slice(0, limit)
      .flatMap((result) => {
        const article = this.articles.get(String(result.id));
        return article ? [{ ...this.hit(article, result.terms), score: result.score }] : [];
      });
  }

  /** Articles the host registered for this route first, then those whose own routes match. */
  suggest(context: SuggestContext, limit: number): ArticleHit[] {
    const ids = new Set((context.articleIds ?? []).filter((id) => this.articles.has(id)));
    for (const [id, article] of this.articles) {
      if (article.routes.some((route) => route.matches(context.path))) ids.add(id);
    }
    return [...ids].slice(0, limit).flatMap((id) => {
      const article = this.articles.get(id);
      return article ? [this.hit(article, [])] : [];
    });
  }

  get(id: string): Article | undefined {
    const article = this.articles.get(id);
    if (!article) return undefined;
    const { seed } = article;
    const related = [...this.articles.values()]
      .filter((other) => other.seed.id !== id && seed.category !== undefined && other.seed.category === seed.category)
      .slice(0, 3)
      .map((other) => this.hit(other, []));
    return {
      id: seed.id,
      title: seed.title,
      html: seed.html,
      summary: article.summary,
      ...(seed.category === undefined ? {} : { category: seed.category }),
      ...(seed.updatedAt === undefined ? {} : { updatedAt: seed.updatedAt }),
      related,
    };
  }

  /**
   * The article sections that best answer `question`. Confidence is the share of the question's
   * meaningful words the section contains, scaled by its score against the best section, so it
   * stays in [0, 1] and means the same whatever the corpus size.
   */
  answer(question: string, context: SuggestContext, limit = 3): Passage[] {
    const wanted = new Set(
      question
        .split(/[^\p{L}\p{N}]+/u)
        .map((w) => processTerm(w))
        .filter((w): w is string => !!w),
    );
    if (wanted.size === 0) return [];
    const onRoute = new Set(this.suggest({ path: context.path }, Number.POSITIVE_INFINITY).map((hit) => hit.id));
    const results = this.sectionIndex.search(question, {
      boostDocument: (id) => (onRoute.has(String(id).split('#')[0] ?? '') ? 1.25 : 1),
    });
    const best = results[0]?.score ?? 0;
    return results
      .slice(0, limit)
      .flatMap((result) => {
        const section = this.sections.get(String(result.id));
        const article = section && this.articles.get(section.articleId);
        if (!section || !article) return [];
        const confidence = Math.round(coverage(wanted, result) * Math.sqrt(result.score / best) * 100) / 100;
        return [
          {
            articleId: section.articleId,
            articleTitle: article.seed.title,
            ...(section.heading ? { heading: section.heading } : {}),
            text:
              section.text.length > 600
                ? `${section.text.slice(0, section.text.lastIndexOf(' ', 600))}…`
                : section.text,
            confidence,
          },
        ];
      })
      .filter((passage) => passage.confidence >= MIN_CONFIDENCE)
      .sort((a, b) => b.confidence - a.confidence);
  }

  private hit(article: IndexedArticle, terms: readonly string[]): ArticleHit {
    const { snippet, highlights } = makeSnippet(article.text, terms, article.summary);
    return {
      id: article.seed.id,
      title: article.seed.title,
      snippet,
      highlights,
      ...(article.seed.category === undefined ? {} : { category: article.seed.category }),
    };
  }
}
