import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Database } from '../db/database.js';
import { migrate } from '../db/migrations.js';
import { openPglite } from '../db/pglite.js';
import { createWorkspace } from '../workspace/workspace-store.js';
import { answerQuestion } from './answers.js';
import { saveArticle } from './article-store.js';
import { searchArticles } from './search.js';

let db: Database;
beforeAll(async () => {
  db = await openPglite(':memory:');
  await migrate(db);
}, 120_000);
afterAll(async () => {
  await db.close();
});

it('makes articles saved before angle brackets were read as punctuation searchable past a <script>', async () => {
  const workspaceId = (await createWorkspace(db, { name: 'Acme' })).id;
  await saveArticle(db, workspaceId, {
    slug: 'install',
    title: 'Install the <script> snippet',
    markdown: '## Embed\n\nPaste the `<script>` tag into the page header.',
    routes: [],
    tags: [],
    published: true,
  });
  // The vectors as the server made them before migration 6.
  await db.query(
    "update articles set search = setweight(to_tsvector('english', title), 'A') || setweight(to_tsvector('english', body_text), 'C')",
  );
  await db.query(
    "update kb_passages p set search = setweight(to_tsvector('english', coalesce(p.heading, '') || ' ' || a.title), 'A') || setweight(to_tsvector('english', p.body), 'B') from articles a where a.id = p.article_id",
  );
  await db.query('delete from schema_migrations where version = 6');
  expect(await searchArticles(db, workspaceId, 'header', 5)).toEqual([]);

  expect(await migrate(db)).toEqual([6]);
  expect((await searchArticles(db, workspaceId, 'header', 5)).map((hit) => hit.title)).toEqual([
    'Install the <script> snippet',
  ]);
  expect((await searchArticles(db, workspaceId, 'snippet', 5)).map((hit) => hit.title)).toEqual([
    'Install the <script> snippet',
  ]);
  const answer = await answerQuestion(db, workspaceId, undefined, 'where does the tag go in the header', undefined);
  expect(answer.passages.map((passage) => passage.heading)).toContain('Embed');
});
