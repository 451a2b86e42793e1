import { Hono } from 'hono';
import * as z from 'zod/mini';
import type { AppDeps } from '../app/deps.js';
import type { Database } from '../db/database.js';
import { ApiError, notFound } from '../http/api-error.js';
import { readJson } from '../http/read-body.js';
import { ARTICLE_COLUMNS, type ArticleInput, type ArticleRow, findArticle, saveArticle } from '../kb/article-store.js';
import { renderMarkdown } from '../kb/markdown.js';
import type { AgentEnv } from './agent-env.js';

const ArticleEdit = z.object({
  title: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  slug: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,99}$/, 'must be lowercase letters, digits and dashes')),
  markdown: z.string().check(z.maxLength(200_000)),
  category: z.optional(z.string().check(z.maxLength(100))),
  routes: z._default(z.array(z.string().check(z.regex(/^\//, 'must start with /'), z.maxLength(500))), []),
  tags: z._default(z.array(z.string().check(z.maxLength(50))), []),
  published: z._default(z.boolean(), true),
});
const Preview = z.object({ markdown: z.string().check(z.maxLength(200_000)) });

/** The list entry: everything but the bodies. */
const toArticleSummary = (row: ArticleRow) => ({
  id: row.id,
  slug: row.slug,
  title: row.title,
  summary: row.summary,
  category: row.category,
  routes: row.routes,
  tags: row.tags,
  published: row.published,
  updatedAt: new Date(row.updated_at).toISOString(),
});

const toAgentArticle = (row: ArticleRow) => ({ ...toArticleSummary(row), markdown: row.markdown, html: row.html });

/** Saves, turning a duplicate slug into a 409 that names the field. */
async function save(db: Database, workspaceId: string, input: ArticleInput, id?: string) {
  try {
    return await db.transaction((tx) => saveArticle(tx, workspaceId, input, id));
  } catch (error) {
    if ((error as { code?: string }).code === '23505')
      throw new ApiError(409, 'conflict', `slug: another article already uses "${input.slug}"`, 'slug');
    throw error;
  }
}

/** KB editing for agents: list, read, create, update, delete, preview. */
export function agentKbRoutes(deps: AppDeps): Hono<AgentEnv> {
  const app = new Hono<AgentEnv>();

  app.get('/articles', async (c) => {
    const rows = await deps.db.query<ArticleRow>(
      `select ${ARTICLE_COLUMNS} from articles where workspace_id = $1 order by category, title`,
      [c.get('workspace').id],
    );
    return c.json(rows.map(toArticleSummary));
  });

  app.get('/articles/:id', async (c) => {
    const row = await findArticle(deps.db, c.get('workspace').id, c.req.param('id'), false);
    if (!row) throw notFound('Article');
    return c.json(toAgentArticle(row));
  });

  app.post('/articles', async (c) => {
    const workspaceId = c.get('workspace').id;
    const input = await readJson(c, ArticleEdit, 'Article');
    const [taken] = await deps.db.query('select 1 from articles where workspace_id = $1 and slug = $2', [
      workspaceId,
      input.slug,
    ]);
    if (taken) throw new ApiError(409, 'conflict', `slug: another article already uses "${input.slug}"`, 'slug');
    const row = await save(deps.db, workspaceId, input);
    if (!row) throw new Error('article insert returned nothing');
    deps.articleStats.changed();
    return c.json(toAgentArticle(row), 201);
  });

  app.put('/articles/:id', async (c) => {
    const workspaceId = c.get('workspace').id;
    const input = await readJson(c, ArticleEdit, 'Article');
    const existing = await findArticle(deps.db, workspaceId, c.req.param('id'), false);
    if (!existing) throw notFound('Article');
    const row = await save(deps.db, workspaceId, input, existing.id);
    if (!row) throw notFound('Article');
    deps.articleStats.changed();
    return c.json(toAgentArticle(row));
  });

  app.delete('/articles/:id', async (c) => {
    const workspaceId = c.get('workspace').id;
    const existing = await findArticle(deps.db, workspaceId, c.req.param('id'), false);
    if (!existing) throw notFound('Article');
    await deps.db.query('delete from articles where workspace_id = $1 and id = $2', [workspaceId, existing.id]);
    deps.articleStats.changed();
    return c.body(null, 204);
  });

  app.post('/preview', async (c) => {
    const { markdown } = await readJson(c, Preview, 'Preview');
    return c.json({ html: renderMarkdown(markdown) });
  });
  return app;
}
