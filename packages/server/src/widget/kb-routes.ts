import { type Article, MAX_SEARCH_QUERY_LENGTH } from '@helpline/core';
import { Hono } from 'hono';
import * as z from 'zod/mini';
import { recordAnalytics } from '../analytics/record.js';
import type { AppDeps } from '../app/deps.js';
import { notFound } from '../http/api-error.js';
import { readJson, readQuery } from '../http/read-body.js';
import { findArticle } from '../kb/article-store.js';
import { relatedArticles, searchArticles, suggestArticles } from '../kb/search.js';
import { widgetAuth } from './widget-auth.js';
import type { WidgetEnv } from './widget-env.js';

const Limit = z.optional(z.pipe(z.string().check(z.regex(/^\d+$/)), z.transform(Number)));

const SearchQuery = z.object({ q: z.string().check(z.maxLength(MAX_SEARCH_QUERY_LENGTH)), limit: Limit });
const SuggestQuery = z.object({
  path: z.optional(z.string().check(z.maxLength(2000))),
  ids: z.optional(z.string().check(z.maxLength(2000))),
  limit: Limit,
});
const Vote = z.object({ helpful: z.boolean() });

const clampLimit = (limit: number | undefined, fallback: number): number =>
  Math.min(50, Math.max(1, limit ?? fallback));

/** Knowledge base for the widget: search, page suggestions, articles, votes. */
export function kbRoutes(deps: AppDeps): Hono<WidgetEnv> {
  const app = new Hono<WidgetEnv>();
  app.use('*', widgetAuth(deps, { session: true }));

  app.get('/search', async (c) => {
    const query = readQuery(c, SearchQuery, 'Search query');
    return c.json(await searchArticles(deps.db, c.get('workspace').id, query.q, clampLimit(query.limit, 10)));
  });

  app.get('/suggest', async (c) => {
    const query = readQuery(c, SuggestQuery, 'Suggest query');
    const ids = (query.ids ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean);
    return c.json(await suggestArticles(deps.db, c.get('workspace').id, query.path, ids, clampLimit(query.limit, 5)));
  });

  app.get('/articles/:id', async (c) => {
    const workspace = c.get('workspace');
    const row = await findArticle(deps.db, workspace.id, c.req.param('id'), true);
    if (!row) throw notFound('Article');
    await recordAnalytics(deps.db, workspace.id, c.get('visitor').id, { type: 'article_viewed', articleId: row.id });
    const related = await relatedArticles(deps.db, workspace.id, row, 3);
    const article: Article = {
      id: row.id,
      title: row.title,
      html: row.html,
      summary: row.summary,
      ...(row.category ? { category: row.category } : {}),
      updatedAt: new Date(row.updated_at).toISOString(),
      related,
    };
    return c.json(article);
  });

  app.post('/articles/:id/vote', async (c) => {
    const workspace = c.get('workspace');
    const { helpful } = await readJson(c, Vote, 'Vote');
    const row = await findArticle(deps.db, workspace.id, c.req.param('id'), true);
    if (!row) throw notFound('Article');
    await deps.db.query(
      `insert into article_votes (workspace_id, article_id, visitor_pk, helpful) values ($1, $2, $3, $4)
       on conflict (article_id, visitor_pk) do update set helpful = excluded.helpful, updated_at = now()`,
      [workspace.id, row.id, c.get('visitor').id, helpful],
    );
    return c.body(null, 204);
  });
  return app;
}
