import type { ArticleHit } from '@helpline/core';
import type { Queryable } from '../db/database.js';
import { ARTICLE_COLUMNS, type ArticleRow } from './article-store.js';
import { matchesRoute, routeSpecificity } from './route-match.js';
import { searchable } from './searchable.js';
import { buildTsQuery, queryWords } from './tsquery.js';

// Control characters never occur in article text, so they mark ts_headline's matches unambiguously.
const START = '\u0001';
const STOP = '\u0002';

/** Turns ts_headline output with markers into a plain snippet plus [start, end) highlight offsets. */
export function snippetWithHighlights(marked: string): { snippet: string; highlights: [number, number][] } {
  let snippet = '';
  const highlights: [number, number][] = [];
  let open = -1;
  for (const char of marked) {
    if (char === START) open = snippet.length;
    else if (char === STOP) {
      if (open >= 0 && snippet.length > open) highlights.push([open, snippet.length]);
      open = -1;
    } else snippet += char;
  }
  return { snippet, highlights };
}

/** How much of the article's start and end is read back to tell whether the excerpt was cut there. */
const EDGE = 300;
/** Text reduced to what ts_headline keeps at a fragment's edges: words and single spaces, no edge punctuation. */
const wordsOf = (text: string): string => text.replace(/\s+/g, ' ').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

/**
 * An excerpt cut from inside an article reads as one: "…" where text was left out before or after
 * it (`head` and `tail` are the article text's first and last characters). Highlights move with it.
 */
export function markCuts(
  excerpt: { snippet: string; highlights: [number, number][] },
  head: string,
  tail: string,
): { snippet: string; highlights: [number, number][] } {
  const text = wordsOf(excerpt.snippet);
  if (text === '') return excerpt;
  const before = wordsOf(head).startsWith(text.slice(0, 40)) ? '' : '… ';
  const after = wordsOf(tail).endsWith(text.slice(-40)) ? '' : ' …';
  return {
    snippet: `${before}${excerpt.snippet}${after}`,
    highlights: excerpt.highlights.map(([start, end]) => [start + before.length, end + before.length]),
  };
}

interface HitRow {
  id: string;
  title: string;
  category: string | null;
  headline: string;
  head: string;
  tail: string;
  rank: number;
}

/**
 * Ranking reads each candidate's whole search vector, so a broad query over a large help center
 * (one common word can match nearly every article) would rank thousands of rows. Only a bounded
 * set is ranked: up to CANDIDATES articles whose title matches (through their own small index)
 * plus up to CANDIDATES of any other matches. A query that specific finds every match; one that
 * broad still ranks the title matches, and has no meaningful order among the rest anyway.
 */
const CANDIDATES = 200;

/** Ranks the candidates, then builds headlines (the expensive part) for the top `limit` only. */
async function runSearch(db: Queryable, workspaceId: string, tsquery: string, limit: number): Promise<HitRow[]> {
  return db.query<HitRow>(
    `with q as (select to_tsquery('english', $2) as query),
     candidates as (
       (select a.id from articles a, q
        where a.workspace_id = $1 and a.published and to_tsvector('english', ${searchable('a.title')}) @@ q.query
        limit ${CANDIDATES})
       union
       (select a.id from articles a, q
        where a.workspace_id = $1 and a.published and a.search @@ q.query
        limit ${CANDIDATES})
     ),
     -- Only stop words ("what", "this") leave an empty query, which no index can answer: the
     -- one-time filter below skips the scan of every article it would cost.
     usable as (select id from candidates where (select numnode(query) from q) > 0),
     top as (
       select a.id, ts_rank(a.search, q.query) as rank from usable c
       join articles a on a.id = c.id cross join q
       order by rank desc, a.title limit $3
     )
     select a.id, a.title, a.category, top.rank, left(b.text, ${EDGE}) as head, right(b.text, ${EDGE}) as tail,
       ts_headline('english', b.text, q.query, 'StartSel=${START}, StopSel=${STOP}, MaxWords=28, MinWords=12, MaxFragments=1, FragmentDelimiter=" … "') as headline
     from top join articles a on a.id = top.id cross join q
       cross join lateral (select ${searchable('a.body_text')} as text) b
     order by top.rank desc, a.title`,
    [workspaceId, tsquery, limit],
  );
}

/** Full-text search: all words must match (last one as a prefix); falls back to any word. */
export async function searchArticles(
  db: Queryable,
  workspaceId: string,
  query: string,
  limit: number,
): Promise<ArticleHit[]> {
  const words = queryWords(query);
  if (words.length === 0) return [];
  let rows = await runSearch(db, workspaceId, buildTsQuery(words, { all: true, prefix: true }), limit);
  if (rows.length === 0 && words.length > 1)
    rows = await runSearch(db, workspaceId, buildTsQuery(words, { all: false, prefix: true }), limit);
  return rows.map((row) => {
    const { snippet, highlights } = markCuts(snippetWithHighlights(row.headline), row.head, row.tail);
    return {
      id: row.id,
      title: row.title,
      snippet,
      highlights,
      ...(row.category ? { category: row.category } : {}),
      score: Number(row.rank),
    };
  });
}

/** Articles for the page the user is on: ids the host registered first, then route matches, most specific first. */
export async function suggestArticles(
  db: Queryable,
  workspaceId: string,
  path: string | undefined,
  ids: readonly string[],
  limit: number,
): Promise<ArticleHit[]> {
  type SuggestRow = Pick<ArticleRow, 'id' | 'slug' | 'title' | 'summary' | 'category' | 'routes'>;
  // Only articles that could match: those with routes, and the registered ones; never the bodies.
  const rows = await db.query<SuggestRow>(
    `select id, slug, title, summary, category, routes from articles
     where workspace_id = $1 and published
       and (routes <> '[]'::jsonb or id in (select jsonb_array_elements_text($2::jsonb)) or slug in (select jsonb_array_elements_text($2::jsonb)))`,
    [workspaceId, ids],
  );
  const registered = ids
    .map((id) => rows.find((row) => row.id === id || row.slug === id))
    .filter((row): row is SuggestRow => row !== undefined);
  const byRoute = path
    ? rows
        .map((row) => ({
          row,
          best: Math.max(-1, ...row.routes.filter((p) => matchesRoute(p, path)).map(routeSpecificity)),
        }))
        .filter((entry) => entry.best >= 0)
        .sort((a, b) => b.best - a.best || a.row.title.localeCompare(b.row.title))
        .map((entry) => entry.row)
    : [];
  const seen = new Set<string>();
  return [...registered, ...byRoute]
    .filter((row) => !seen.has(row.id) && seen.add(row.id))
    .slice(0, limit)
    .map((row) => ({
      id: row.id,
      title: row.title,
      snippet: row.summary,
      highlights: [],
      ...(row.category ? { category: row.category } : {}),
    }));
}

/** Other published articles of the same category, newest first: "related" under an article. */
export async function relatedArticles(
  db: Queryable,
  workspaceId: string,
  article: ArticleRow,
  limit: number,
): Promise<ArticleHit[]> {
  if (!article.category) return [];
  const rows = await db.query<ArticleRow>(
    `select ${ARTICLE_COLUMNS} from articles where workspace_id = $1 and published and category = $2 and id <> $3 order by updated_at desc limit $4`,
    [workspaceId, article.category, article.id, limit],
  );
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    snippet: row.summary,
    highlights: [],
    ...(row.category ? { category: row.category } : {}),
  }));
}
