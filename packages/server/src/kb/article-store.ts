import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/database.js';
import { markdownToText, renderMarkdown } from './markdown.js';
import { splitPassages } from './passages.js';
import { searchable } from './searchable.js';

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

const SEARCH_VECTOR = `setweight(to_tsvector('english', ${searchable('$4::text')}), 'A') || setweight(to_tsvector('english', ${searchable('$13::text')}), 'B') || setweight(to_tsvector('english', ${searchable('$14::text')}), 'C')`;

/**
 * Stores an article with its rendered HTML, search vector and passages. With `id` it updates that
 * article (and fails if it does not exist); without, it creates or replaces the one with this slug.
 */
export async function saveArticle(
  tx: Queryable,
  workspaceId: string,
  input: ArticleInput,
  id?: string,
): Promise<ArticleRow | undefined> {
  const params = [
    id ?? randomUUID(),
    workspaceId,
    input.slug,
    input.title,
    input.markdown,
    renderMarkdown(input.markdown),
    summaryOf(input.markdown),
    input.category ?? null,
    input.routes,
    input.tags,
    input.published,
    input.updatedAt ?? new Date(),
    input.tags.join(' '),
    markdownToText(input.markdown),
  ];
  const [row] = id
    ? await tx.query<ArticleRow>(
        `update articles set slug = $3, title = $4, markdown = $5, html = $6, summary = $7, category = $8, routes = $9::jsonb,
           tags = $10::jsonb, published = $11, updated_at = $12, body_text = $14, search = ${SEARCH_VECTOR}
         where id = $1 and workspace_id = $2 returning ${ARTICLE_COLUMNS}`,
        params,
      )
    : await tx.query<ArticleRow>(
        `insert into articles (id, workspace_id, slug, title, markdown, html, summary, category, routes, tags, published, updated_at, body_text, search)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10::jsonb, $11, $12, $14, ${SEARCH_VECTOR})
         on conflict (workspace_id, slug) do update set
           title = excluded.title, markdown = excluded.markdown, html = excluded.html, summary = excluded.summary,
           category = excluded.category, routes = excluded.routes, tags = excluded.tags, published = excluded.published,
           updated_at = excluded.updated_at, body_text = excluded.body_text, search = excluded.search
         returning ${ARTICLE_COLUMNS}`,
        params,
      );
  if (!row) return undefined;
  await tx.query('delete from kb_passages where article_id = $1', [row.id]);
  let position = 0;
  for (const passage of splitPassages(input.markdown)) {
    await tx.query(
      `insert into kb_passages (workspace_id, article_id, position, heading, body, search)
       values ($1, $2, $3, $4, $5, setweight(to_tsvector('english', ${searchable("coalesce($4::text, '') || ' ' || $6::text")}), 'A') || setweight(to_tsvector('english', ${searchable('$5::text')}), 'B'))`,
      [workspaceId, row.id, position++, passage.heading ?? null, passage.text, input.title],
    );
  }
  return row;
}

/** By id or slug, so hosts can register readable slugs with `help.register`. */
export async function findArticle(
  db: Queryable,
  workspaceId: string,
  idOrSlug: string,
  publishedOnly: boolean,
): Promise<ArticleRow | undefined> {
  const rows = await db.query<ArticleRow>(
    `select ${ARTICLE_COLUMNS} from articles where workspace_id = $1 and (id = $2 or slug = $2) ${publishedOnly ? 'and published' : ''} limit 1`,
    [workspaceId, idOrSlug],
  );
  return rows[0];
}
