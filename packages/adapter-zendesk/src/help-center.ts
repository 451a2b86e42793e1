import { Article, type ArticleHit, ArticleHits, parseResponse, type SuggestContext } from '@helpline/core';
import { plainText, splitSnippet } from './highlights.js';
import type { ZendeskClient } from './request.js';
import { ZArticleEnvelope, ZSearch } from './wire.js';

const enc = encodeURIComponent;

/** Help Center: "Search articles" and "Show article" (developer.zendesk.com, Help Center API). */
export function helpCenter(client: ZendeskClient, defaultLocale: string) {
  const search = async (query: string, options: { limit?: number; locale?: string } = {}): Promise<ArticleHit[]> => {
    const params = new URLSearchParams({ query, locale: options.locale ?? defaultLocale });
    if (options.limit) params.set('per_page', String(Math.min(options.limit, 100)));
    const raw = parseResponse(
      ZSearch,
      await client.call('GET', `/api/v2/help_center/articles/search?${params}`, 'Search'),
      'Zendesk search results',
    );
    const hits = raw.results.map((r) => {
      const { text, highlights } = splitSnippet(r.snippet || plainText(r.body ?? '', 200));
      return { id: String(r.id), title: r.title, snippet: text, highlights, url: r.html_url };
    });
    return parseResponse(ArticleHits, hits, 'search results');
  };

  const get = async (id: string): Promise<Article> => {
    const { article } = parseResponse(
      ZArticleEnvelope,
      await client.call('GET', `/api/v2/help_center/${enc(defaultLocale)}/articles/${enc(id)}`, 'Loading the article'),
      'Zendesk article',
    );
    const html = article.body ?? '';
    return parseResponse(
      Article,
      {
        id: String(article.id),
        title: article.title,
        html,
        summary: plainText(html, 200),
        url: article.html_url,
        ...(article.updated_at ? { updatedAt: new Date(article.updated_at).toISOString() } : {}),
      },
      'article',
    );
  };

  /** Articles the host registered for the route first, then a search on the page's title or path words. */
  const suggest = async (context: SuggestContext): Promise<ArticleHit[]> => {
    const registered: ArticleHit[] = [];
    for (const id of context.articleIds ?? []) {
      try {
        const article = await get(id);
        registered.push({
          id: article.id,
          title: article.title,
          snippet: article.summary,
          highlights: [],
          url: article.url,
        });
      } catch {
        // A registered article that was archived or moved should not hide the others.
      }
    }
    const words = context.title?.trim() || context.path.split('/').filter(Boolean).at(-1)?.replace(/[-_]/g, ' ');
    const found = words ? await search(words, { limit: 5 }) : [];
    const seen = new Set(registered.map((h) => h.id));
    return [...registered, ...found.filter((h) => !seen.has(h.id))];
  };

  const rate = async (id: string, helpful: boolean) => {
    // Voting needs a signed-in end user; anonymous visitors get Zendesk's 401 as `unauthorized`.
    await client.call('POST', `/api/v2/help_center/articles/${enc(id)}/${helpful ? 'up' : 'down'}`, 'Voting');
  };

  return { search, get, suggest, rate };
}
