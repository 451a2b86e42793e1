import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/database.js';
import { markdownToText, renderMarkdown } from './markdown.js';
import { splitPassages } from './passages.js';

export interface ArticleInput {
  title: string;
  slug: string;
  markdown: string;
  category?: string | undefined;
  routes: string[];
  tags: string[];
  published: boolean;
  updatedAt?: Date | undefined;
}

export interface ArticleRow {
  id: string;
  slug: string;
  title: string;
  markdown: string;
  html: string;
  summary: string;
  category: string | null;
  routes: string[];
  tags: string[];
  published: boolean;
  created_at: Date;
  updated_at: Date;
}

export const ARTICLE_COLUMNS =
  'id, slug, title, markdown, html, summary, category, routes, tags, published, created_at, updated_at';

function summaryOf(markdown: string): string {
  const text = markdownToText(markdown.split(/\n\s*\n/).find((block) => !block.startsWith('#')) ?? '');
  return text.length > 200 ? `${text.slice(0, 197).trimEnd()}…` : text;
}

/** Creates or replaces (by slug) an article with its rendered HTML, search vector and passages. */
export async function saveArticle(tx: Queryable, workspaceId: string, input: ArticleInput, id?: string): Promise<ArticleRow> {
  const html = renderMarkdown(input.markdown);
  const plain = markdownToText(input.markdown);
  const [row] = await tx.query<ArticleRow>(
    `insert into articles (id, workspace_id, slug, title, markdown, html, summary, category, routes, tags, published, updated_at, search)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, $11, $12,
       setweight(to_tsvector('english', $4), 'A') || setweight(to_tsvector('english', $13), 'B') || setweight(to_tsvector('english', $14), 'C'))
     on conflict (workspace_id, slug) do update set
       title = excluded.title, markdown = excluded.markdown, html = excluded.html, summary = excluded.summary,
       category = excluded.category, routes = excluded.routes, tags = excluded.tags, published = excluded.published,
       updated_at = excluded.updated_at, search = excluded.search
     returning ${ARTICLE_COLUMNS}`,
    [
      id ?? randomUUID(),
      workspaceId,
      input.slug,
      input.title,
      input.markdown,
      html,
      summaryOf(input.markdown),
      input.category ?? null,
      input.routes,
      input.tags,
      input.published,
      input.updatedAt ?? new Date(),
      input.tags.join(' '),
      plain,
    ],
  );
  if (!row) throw new Error('article upsert returned nothing');
  await tx.query('delete from kb_passages where article_id = $1', [row.id]);
  let position = 0;
  for (const passage of splitPassages(input.markdown)) {
    await tx.query(
      `insert into kb_passages (workspace_id, article_id, position, heading, body, search)
       values ($1, $2, $3, $4, $5, setweight(to_tsvector('english', coalesce($4, '') || ' ' || $6), 'A') || setweight(to_tsvector('english', $5), 'B'))`,
      [workspaceId, row.id, position++, passage.heading ?? null, passage.text, input.title],
    );
  }
  return row;
}

/** By id or slug, so hosts can register readable slugs with `help.register`. */
export async function findArticle(db: Queryable, workspaceId: string, idOrSlug: string, publishedOnly: boolean): Promise<ArticleRow | undefined> {
  const rows = await db.query<ArticleRow>(
    `select ${ARTICLE_COLUMNS} from articles where workspace_id = $1 and (id = $2 or slug = $2) ${publishedOnly ? 'and published' : ''} limit 1`,
    [workspaceId, idOrSlug],
  );
  return rows[0];
}
