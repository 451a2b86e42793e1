import { randomUUID } from 'node:crypto';
import { type Answer, MAX_QUESTION_LENGTH, type Passage } from '@helpline/core';
import type { Queryable } from '../db/database.js';
import { matchesRoute } from './route-match.js';
import { buildTsQuery, queryWords } from './tsquery.js';

interface PassageRow {
  article_id: string;
  title: string;
  heading: string | null;
  body: string;
  routes: string[];
  rank: number;
  lexemes: string[];
}

const ROUTE_BOOST = 0.15;
const MAX_PASSAGES = 3;

/**
 * Instant answer by passage retrieval: sections of articles ranked by full-text relevance. The
 * confidence mixes how many of the question's terms the section covers (the main signal, since
 * ts_rank is unbounded) with its rank, plus a boost when the article is about the current page.
 */
export async function answerQuestion(
  db: Queryable,
  workspaceId: string,
  visitorPk: string | undefined,
  question: string,
  path: string | undefined,
): Promise<Answer> {
  const words = queryWords(question);
  const answerId = randomUUID();
  if (words.length === 0) return { answerId, passages: [] };
  const [terms] = await db.query<{ lexemes: string[] }>(
    "select coalesce(tsvector_to_array(to_tsvector('english', $1)), '{}') as lexemes",
    [words.join(' ')],
  );
  const questionLexemes = new Set(terms?.lexemes ?? []);
  if (questionLexemes.size === 0) return { answerId, passages: [] };
  const rows = await db.query<PassageRow>(
    `select p.article_id, a.title, p.heading, p.body, a.routes, ts_rank(p.search, to_tsquery('english', $2)) as rank,
       tsvector_to_array(p.search) as lexemes
     from kb_passages p join articles a on a.id = p.article_id
     where p.workspace_id = $1 and a.workspace_id = $1 and a.published and p.search @@ to_tsquery('english', $2)
     order by rank desc limit 20`,
    [workspaceId, buildTsQuery(words, { all: false, prefix: false })],
  );
  const passages: Passage[] = rows
    .map((row) => {
      const lexemes = new Set(row.lexemes);
      const covered = [...questionLexemes].filter((lexeme) => lexemes.has(lexeme)).length / questionLexemes.size;
      const onPage = path !== undefined && row.routes.some((pattern) => matchesRoute(pattern, path));
      const confidence = Math.min(
        1,
        0.75 * covered + 0.25 * Math.min(1, Number(row.rank) * 2) + (onPage ? ROUTE_BOOST : 0),
      );
      return {
        articleId: row.article_id,
        articleTitle: row.title,
        ...(row.heading ? { heading: row.heading } : {}),
        text: row.body,
        confidence: Math.round(confidence * 1000) / 1000,
      };
    })
    .sort((a, b) => b.confidence - a.confidence)
    .filter((passage, index, all) => all.findIndex((other) => other.articleId === passage.articleId) === index)
    .slice(0, MAX_PASSAGES);
  await db.query(
    'insert into answers (id, workspace_id, visitor_pk, question, path, article_ids) values ($1, $2, $3, $4, $5, $6::jsonb)',
    [
      answerId,
      workspaceId,
      visitorPk ?? null,
      question.slice(0, MAX_QUESTION_LENGTH),
      path ?? null,
      passages.map((passage) => passage.articleId),
    ],
  );
  return { answerId, passages };
}
